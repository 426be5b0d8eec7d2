"""Lesson content: model, loader, validation and the lesson commands (no Textual)."""
