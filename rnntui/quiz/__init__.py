"""Quiz logic: items, generated questions, scheduling, progress, plain runner (no Textual)."""
