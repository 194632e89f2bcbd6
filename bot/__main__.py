"""`python -m bot` runs the factcheck CLI."""

from bot.cli import main

if __name__ == "__main__":
    main()
