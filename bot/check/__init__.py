"""Checking: a message in, a CheckReport out (claims -> candidates -> stance -> verdict)."""
