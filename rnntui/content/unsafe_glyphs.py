"""Find characters that break box layouts in Korean terminals: emoji and ambiguous-width."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_EMOJI_RANGES: tuple[tuple[int, int], ...] = (
    (0x1F000, 0x1FAFF),  # mahjong, cards, enclosed, pictographs, emoticons, transport, ...
    (0x2600, 0x27BF),  # miscellaneous symbols and dingbats
    (0x2B00, 0x2BFF),  # arrows and stars such as U+2B50
    (0x231A, 0x231B),  # watch, hourglass
    (0x23E9, 0x23FA),  # media buttons, alarm clock
    (0x3030, 0x3030),
    (0x303D, 0x303D),
    (0x3297, 0x3299),
    (0x200D, 0x200D),  # zero width joiner (emoji sequences)
    (0x20E3, 0x20E3),  # combining enclosing keycap
    (0xE0020, 0xE007F),  # tag characters (flag sequences)
)
_SELECTOR_RANGES: tuple[tuple[int, int], ...] = (
    (0xFE00, 0xFE0F),
    (0xE0100, 0xE01EF),
)

SUGGESTIONS: dict[str, str] = {
    "σ": "sigmoid",
    "θ": "theta",
    "α": "alpha",
    "β": "beta",
    "γ": "gamma",
    "η": "eta",
    "λ": "lambda",
    "μ": "mu",
    "Σ": "sum",
    "∑": "sum",
    "·": "*",
    "•": "-",
    "∙": "*",
    "×": "x",
    "⊙": "*",
    "→": "->",
    "←": "<-",
    "↔": "<->",
    "⇒": "=>",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "…": "...",
    "—": "--",
    "–": "-",
    "≈": "~",
    "≤": "<=",
    "≥": ">=",
    "±": "+/-",
    "²": "^2",
    "°": "deg",
    "※": "Note:",
    "○": "o",
    "●": "*",
    "■": "#",
    "□": "[ ]",
    "√": "sqrt",
}
"""Plain-text replacements offered in the problem message."""


_PLAIN = re.compile(r"[^\x00-\x7f\uac00-\ud7a3]")
"""Anything but ASCII and precomposed Hangul syllables (both always fine)."""


def _in(ranges: tuple[tuple[int, int], ...], code: int) -> bool:
    return any(lo <= code <= hi for lo, hi in ranges)


@lru_cache(maxsize=4096)
def glyph_issue(char: str) -> str | None:
    """Why ``char`` is not allowed in lesson text, or None if it is fine."""
    code = ord(char)
    if _in(_SELECTOR_RANGES, code):
        return "is a variation selector (terminals disagree on its width)"
    if _in(_EMOJI_RANGES, code):
        return "is an emoji or pictograph (terminals disagree on its width)"
    if unicodedata.east_asian_width(char) == "A":
        return "is East-Asian-ambiguous (two cells wide in many Korean terminals)"
    return None


def describe(char: str) -> str:
    """``'σ' (U+03C3 GREEK SMALL LETTER SIGMA)``."""
    name = unicodedata.name(char, "unnamed character")
    shown = char if unicodedata.category(char)[0] not in "CMZ" else ""
    prefix = f"'{shown}' " if shown else ""
    return f"{prefix}(U+{ord(char):04X} {name})"


def check_glyphs(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """``(line, message)`` for each disallowed character, once per character per line."""
    found: list[tuple[int, str]] = []
    for number, line in enumerate(text.split("\n"), start=first_line):
        seen: set[str] = set()
        for match in _PLAIN.finditer(line):
            char = match[0]
            if char in seen:
                continue
            seen.add(char)
            issue = glyph_issue(char)
            if issue is None:
                continue
            hint = SUGGESTIONS.get(char)
            if hint:
                fix = f"write `{hint}` instead"
            elif "variation selector" in issue or char == "\u200d":
                fix = "remove it"
            elif 0x2460 <= ord(char) <= 0x24FF:
                fix = "write a plain number such as `1.` or `(1)` instead"
            else:
                fix = "replace it with plain ASCII text"
            found.append((number, f"character {describe(char)} {issue}; {fix}"))
    return found
