"""Hostile and messy input: attack corpus, limits, tolerance, encoding and fuzzing."""
