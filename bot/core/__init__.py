"""What every stage shares: the pydantic records at the boundaries and the typed errors."""
