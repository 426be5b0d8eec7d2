"""ASCII key names for the Footer and help, and Korean labels for binding descriptions.

Textual shows arrows as Unicode arrows, which are East-Asian-ambiguous (two cells wide in many
Korean terminals); we always print key names in ASCII.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

KEY_NAMES: dict[str, str] = {
    "left": "Left", "right": "Right", "up": "Up", "down": "Down",
    "pageup": "PgUp", "pagedown": "PgDn", "home": "Home", "end": "End",
    "enter": "Enter", "space": "Space", "tab": "Tab", "shift+tab": "S-Tab",
    "escape": "Esc", "minus": "-", "plus": "+", "equals_sign": "=",
    "backspace": "BkSp", "delete": "Del", "shift+left": "S-Left", "shift+right": "S-Right",
}

LABELS_KO: dict[str, str] = {
    "Quit": "종료", "Help": "도움말", "Lessons": "목록", "Text/Panel": "본문/패널",
    "Quiz": "퀴즈", "Contrast": "대비", "Step": "조절", "Big": "크게", "Type": "입력",
    "Cell": "칸", "Reset": "초기화", "Force mode": "고정 방식", "Force 0": "0 고정",
    "Force 1": "1 고정", "Off": "해제", "Close": "닫기", "Next": "다음", "Prev": "이전",
    "Open": "열기", "Prev/Next": "이전/다음", "Force": "고정",
    "palette": "명령", "Scroll": "스크롤", "Mode": "방식",
}
"""English description -> Korean (descriptions not listed stay as written)."""


def key_display(key: str) -> str:
    """``"pageup"`` -> ``"PgUp"``, ``"f1"`` -> ``"F1"``, ``"ctrl+p"`` -> ``"^p"``."""
    if key in KEY_NAMES:
        return KEY_NAMES[key]
    if key.startswith("ctrl+"):
        return "^" + key[5:]
    if len(key) >= 2 and key[0] == "f" and key[1:].isdigit():
        return key.upper()
    return key


def label(description: str, lang: str, extra: Mapping[str, str] | None = None) -> str:
    """A binding description in ``lang`` ("Lang" names the language F3 switches to).

    ``extra`` adds English -> Korean labels (a panel's own ``LABELS_KO``).
    """
    if description == "Lang":
        return "한국어" if lang == "en" else "English"
    if lang != "ko":
        return description
    if extra and description in extra:
        return extra[description]
    return LABELS_KO.get(description, description)


def localize_bindings(
    node: DOMNode, lang: str, extra: Mapping[str, str] | None = None
) -> None:
    """Rewrite ``node``'s binding descriptions (and groups) in ``lang``; idempotent."""
    originals: dict[int, Binding] = node.__dict__.setdefault("_rnntui_bindings", {})
    groups: dict[str, Binding.Group] = {}
    for key, bindings in node._bindings.key_to_bindings.items():
        new: list[Binding] = []
        for binding in bindings:
            source = originals.get(id(binding), binding)
            group = source.group
            if group is not None:
                text = label(group.description, lang, extra)
                group = groups.setdefault(text, Binding.Group(text, compact=group.compact))
            description = label(source.description, lang, extra)
            changed = replace(source, description=description, group=group)
            originals[id(changed)] = source
            new.append(changed)
        node._bindings.key_to_bindings[key] = new
