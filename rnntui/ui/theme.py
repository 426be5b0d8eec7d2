"""Themes: the default dark theme and a high-contrast theme (black, white, yellow)."""

from __future__ import annotations

from textual.theme import Theme

DEFAULT_THEME = "textual-dark"
CONTRAST_THEME = "rnntui-contrast"

HIGH_CONTRAST = Theme(
    name=CONTRAST_THEME,
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    warning="#ffff00",
    error="#ff5555",
    success="#55ff55",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1a1a1a",
    boost="#333333",
    dark=True,
    variables={
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#ffff00",
        "footer-key-foreground": "#ffff00",
        "input-selection-background": "#ffff00 40%",
        "border": "#ffffff",
        "border-blurred": "#808080",
    },
)
