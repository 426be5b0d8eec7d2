"""ASCII key names for the key bar and help, and Korean labels for binding descriptions.

Textual shows arrows as Unicode arrows, which are East-Asian-ambiguous (two cells wide in many
Korean terminals); we always print key names in ASCII.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from textual.binding import Binding, BindingType

KEY_NAMES: dict[str, str] = {
    "left": "Left",
    "right": "Right",
    "up": "Up",
    "down": "Down",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "enter": "Enter",
    "space": "Space",
    "tab": "Tab",
    "shift+tab": "S-Tab",
    "escape": "Esc",
    "minus": "-",
    "plus": "+",
    "equals_sign": "=",
    "backspace": "BkSp",
    "delete": "Del",
    "shift+left": "S-Left",
    "shift+right": "S-Right",
    "question_mark": "?",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
}

LABELS_KO: dict[str, str] = {
    "Quit": "종료",
    "Help": "도움말",
    "Lessons": "목록",
    "Text/Panel": "본문/패널",
    "Quiz": "퀴즈",
    "Contrast": "대비",
    "Step": "조절",
    "Big": "크게",
    "Type": "입력",
    "Cell": "칸",
    "Reset": "초기화",
    "Force mode": "고정 방식",
    "Force 0": "0 고정",
    "Force 1": "1 고정",
    "Off": "해제",
    "Close": "닫기",
    "Next": "다음",
    "Prev": "이전",
    "Open": "열기",
    "Prev/Next": "이전/다음",
    "Force": "고정",
    "palette": "명령",
    "Scroll": "스크롤",
    "Mode": "방식",
    "Code": "코드",
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


def node_label(description: str, node: object, lang: str) -> str:
    """A binding's description as shown for ``node``: the ``LABELS_KO`` class attribute of the
    node or of its nearest ancestor that has one adds Korean labels of its own. Bindings are
    never rewritten: the key bar and the help translate when they draw."""
    if lang == "ko":
        chain = [node, *getattr(node, "ancestors", ())]
        for owner in chain:
            own = getattr(owner, "LABELS_KO", None)
            if own and description in own:
                return str(own[description])
    return label(description, lang)


def own_bindings(node: object) -> list[Binding]:
    """The bindings that rnntui's own classes declare for ``node`` (not the ones Textual's
    base classes add, such as a scroll view's arrows or the app's ctrl+c): what help lists."""
    found: list[Binding] = []
    for cls in type(node).__mro__:
        if cls.__module__.startswith("rnntui.") and "BINDINGS" in cls.__dict__:
            found += [b for b in cls.__dict__["BINDINGS"] if isinstance(b, Binding)]
    return found


JAMO: dict[str, str] = dict(
    zip(
        "qwertyuiopasdfghjklzxcvbnm",
        "ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔㅁㄴㅇㄹㅎㅗㅓㅏㅣㅋㅌㅊㅍㅠㅜㅡ",
        strict=True,
    )
)
"""The jamo a Korean 2-set keyboard sends for each letter key while Hangul input is on."""


def with_jamo(bindings: list[BindingType]) -> list[BindingType]:
    """``bindings`` with each single-letter key also bound to its jamo (``r`` -> ``r,ㄱ``),
    so panel keys work without switching the keyboard out of Hangul mode."""
    out: list[BindingType] = []
    for binding in bindings:
        if isinstance(binding, Binding):
            keys = [k.strip() for k in binding.key.split(",")]
            extra = [JAMO[k] for k in keys if k in JAMO and JAMO[k] not in keys]
            if extra:
                binding = replace(binding, key=",".join(keys + extra))
        out.append(binding)
    return out
