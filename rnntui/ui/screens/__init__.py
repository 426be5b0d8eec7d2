"""Screens: the lesson screen and the F1 help."""
