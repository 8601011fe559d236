"""The XML form (SPEC section 5): safe parsing, reading into values, writing text."""
