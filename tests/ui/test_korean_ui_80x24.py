"""The Korean UI at 80x24 (issue 17): every panel and demo panel, scrolled top to bottom,
shows no English outside code, and its control labels are the SPEC's Korean labels.

One app walks through every packaged lesson (F6), reads the panel pane row by row while
scrolling it, and does the same for the lesson's demo (F8). A Latin word passes only when it
is code: a Keras name (class, argument, weight, loss), a function, a symbol such as ``x_t`` or
``pre_f`` (the derivation's notation), or the name of a key the panel tells you to press.
"""

from __future__ import annotations

import re

from textual.containers import VerticalScroll

from rnntui.content.loader import LessonSet
from rnntui.lab.specs import LABELS, PANEL_SPECS, label

from .helpers import screen_text, settle

KERAS = {
    *("SimpleRNN", "LSTM", "GRU", "Embedding", "Bidirectional", "Input", "Dense", "Dropout"),
    *("GlobalAveragePooling1D", "Keras", "None", "True", "False", "ValueError"),
    *("return_sequences", "merge_mode", "concat", "sum", "mul", "ave", "reset_after"),
    *("dropout", "recurrent_dropout", "kernel", "recurrent_kernel", "bias"),
    *("activation", "recurrent_activation", "loss", "val_loss", "softmax", "mask_zero"),
    *("lstm", "lstm_1", "gru", "gru_1", "simple_rnn", "simple_rnn_1", "embedding"),
}
"""Keras names, as code. ``units`` passes only as the argument ``units=4`` (as a label it is
유닛 수)."""
OTHER_CODE = {
    "sigmoid",
    "tanh",
    "one_hot",
    "float64",
    "float32",
    "rnntui",
    "RNN",
    "CNN",
    "exp",
    "id",
    "summary",
}
"""Functions, dtypes and names used as such (token ``id`` as the lessons write it, the
command ``rnntui summary``)."""
KEYS = {
    "Enter",
    "Space",
    "Tab",
    "Escape",
    "ctrl",
    "shift",
    "PgUp",
    "PgDn",
    "Left",
    "Right",
    "Up",
    "Down",
}
"""Key names the panels tell you to press (``F1``.. are matched by pattern)."""
SYMBOL = re.compile(
    r"^[A-Za-z](_[A-Za-z0-9]+)?$"  # x, W, h_t, b_f, h_1
    r"|^[a-zA-Z]_$|^_[a-z]?$"  # c_ (cut by a border), _
    r"|^pre_[a-z]+$|^hh$|^dL$|^dh_t$"  # the derivation's pre_f, GRU's hh, dL/dh_t
    r"|^F[0-9]+$|^ms$"  # function keys, milliseconds
    r"|^(?P<m>[A-Za-z])(?P=m)+$"  # chart markers drawn as runs: ooooo, LLLL, GGG
)
CODE = KERAS | OTHER_CODE | KEYS
KERAS_COLUMN = {"symbols": {"output", "state", "inputs", "timesteps"}}
"""Keras' names for a symbol, in the symbols panel's "Keras" column (code there only: as a
label elsewhere ``timesteps`` must be 스텝 수)."""


def english_words(text: str) -> set[str]:
    """Latin words in ``text`` that are not code."""
    text = re.sub(r"\bunits=", "=", text)  # the Keras argument, as in LSTM(units=4)
    found = set(re.findall(r"[A-Za-z_][A-Za-z_0-9]*", text))  # "___" is the demo's blank
    return {w for w in found if w.strip("_") and w not in CODE and not SYMBOL.match(w)}


def test_the_check_catches_english_labels() -> None:
    """The check itself: the labels the issue lists are caught; code and symbols pass."""
    caught = english_words("unit units < 2 > input_dim timesteps sig pre value Hint: force f off")
    assert caught == {
        "unit",
        "units",
        "input_dim",
        "timesteps",
        "sig",
        "pre",
        "value",
        "Hint",
        "force",
        "off",
    }
    assert english_words("(D=16, units=32, batch=32) Embedding -> CELL(8)") == {"batch", "CELL"}
    assert english_words("LSTM(units=4) h_{t-1} pre_f F1 Enter ooooo val_loss") == set()


def test_every_control_label_is_korean_in_korean() -> None:
    """The one table of control labels: each SPEC setting's Korean label is Hangul, or a
    Keras argument / symbol kept as code, and uses the docs/terms.md words."""
    for name, spec in PANEL_SPECS.items():
        for key in spec:
            setting = spec[key]
            if not setting.label:
                continue
            ko = label(setting.label, "ko")
            assert english_words(ko) == set(), (name, key, ko)
            assert not {"타임스텝", "단계", "강의", "레이어"} & set(ko.split()), (name, key, ko)
    assert label("units", "ko") == "유닛 수" and label("unit", "ko") == "유닛"
    assert label("input_dim", "ko") == "입력 특성 수"
    assert label("timesteps", "ko") == label("timesteps_long", "ko") == "스텝 수"
    assert all(en and ko for en, ko in LABELS.values())


def test_korean_panel_help_has_no_english_outside_code() -> None:
    """F1 of every panel and demo in Korean: code spans (`units=`) and a quoted Keras message
    ('expected ndim=3, ...') aside, no English word."""
    import importlib

    from rnntui.ui.panels import PANEL_MODULES

    for name, ref in PANEL_MODULES.items():
        module, cls = ref.split(":")
        ko = getattr(importlib.import_module(module), cls).HELP_TEXT["ko"]
        prose = re.sub(r"`[^`]*`|'[ -~]*'", " ", ko)
        assert english_words(prose) == set(), (name, english_words(prose))
        assert not {"타임스텝", "강의", "후보 상태"} & set(prose.split()), name


async def pane_text(pilot) -> str:  # type: ignore[no-untyped-def]
    """Everything the panel pane shows, read screen row by screen row while it scrolls from
    the top to the bottom (the scroll bar column left out)."""
    pane = pilot.app.learn.query_one("#panel-pane", VerticalScroll)
    if pane.size.height == 0:  # narrow: the lesson text is shown; F4 shows the panel
        await pilot.press("f4")
        await settle(pilot)
    assert pane.size.height > 0, "the panel pane is not on the screen"
    seen, y = [], 0
    while True:
        pane.scroll_to(y=y, animate=False)
        await settle(pilot)
        r = pane.region
        rows = screen_text(pilot.app).splitlines()[r.y : r.bottom]
        seen.extend(row[r.x : r.right - 2] for row in rows)
        if y >= pane.max_scroll_y:
            return "\n".join(seen)
        y += max(1, pane.size.height - 1)


async def test_every_korean_panel_and_demo_at_80x24(lessons: LessonSet) -> None:
    """Every packaged lesson's panel and demo in Korean at 80x24: no English outside code,
    none of the off-glossary words, and the SPEC's Korean control labels on screen."""
    from rnntui.ui.app import RnnTuiApp

    korean = sorted((x for x in lessons.lessons if x.lang == "ko"), key=lambda x: x.order)
    app = RnnTuiApp(lessons, lang="ko", lesson_id=korean[0].id, save=False)
    checked: list[str] = []
    kinds: set[str] = set()
    async with app.run_test(size=(80, 24)) as pilot:
        for n, lesson in enumerate(korean):
            if n:
                await pilot.press("f6")
            await settle(pilot)
            assert app.learn.lesson is not None and app.learn.lesson.id == lesson.id
            shown = {"panel": await pane_text(pilot)}
            panel = app.learn.panel
            assert panel is not None and panel.last_error is None, lesson.id
            kind = panel.NAME
            kinds.add(kind)
            for key in PANEL_SPECS.get(kind, {}):
                setting = PANEL_SPECS[kind][key]
                if setting.label and key not in {"sequence", "seed", "example", "size"}:
                    ko = label(setting.label, "ko")
                    assert ko in shown["panel"] or not _is_control(panel, key), (kind, ko)
            if lesson.demo:
                await pilot.press("f8")
                await settle(pilot)
                shown["demo"] = await pane_text(pilot)
                await pilot.press("f8")
                await settle(pilot)
            for what, text in shown.items():
                checked.append(f"{lesson.id}:{what}")
                assert text.strip(), (lesson.id, what)
                extra = KERAS_COLUMN.get(kind, set()) if what == "panel" else set()
                assert english_words(text) - extra == set(), (lesson.id, what, text)
                for word in ("타임스텝", "타임 스텝", "강의", "후보 상태", "레이어"):
                    assert word not in text, (lesson.id, what, word)
    assert kinds >= set(PANEL_SPECS), set(PANEL_SPECS) - kinds  # all 11 panels
    assert len(korean) >= 11 and len(checked) == len(korean) + sum(1 for x in korean if x.demo)


def _is_control(panel, key: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether the panel has a control for SPEC setting ``key`` (some are preset-only)."""
    return bool(panel.query(f"#{key}"))
