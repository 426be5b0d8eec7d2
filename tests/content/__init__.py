"""Tests of the lesson loader, validation, directives and the lesson commands."""
