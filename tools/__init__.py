"""Developer tools for a source checkout; not part of the installed package."""
