"""Input readers and output writers (used by the CLI; usable from Python)."""
