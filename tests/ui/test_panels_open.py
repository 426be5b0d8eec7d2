"""Every packaged lesson opens with its own panel."""

from __future__ import annotations

import pytest

from rnntui.content.loader import load_lessons
from rnntui.ui.panels import PANEL_MODULES, make_panel, panel_class
from rnntui.ui.panels.base import Panel, PlaceholderPanel

from .helpers import show_panel

LESSONS = [(x.lang, x.id, x.panel) for x in load_lessons().lessons]


@pytest.mark.parametrize(
    ("lang", "lesson_id", "panel"), LESSONS, ids=[f"{lang}-{i}" for lang, i, _ in LESSONS]
)
async def test_lesson_opens_with_its_panel(make_app, lang, lesson_id, panel) -> None:  # type: ignore[no-untyped-def]
    assert panel in PANEL_MODULES
    app = make_app(lesson_id, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        shown = await show_panel(pilot)
        assert not isinstance(shown, PlaceholderPanel)
        assert type(shown) is panel_class(panel)
        assert shown.lang == lang
        assert shown.last_error is None, shown.last_error
        assert not shown.notes, shown.notes  # the lesson's preset is valid for its panel
        assert shown.help_markdown().strip()


@pytest.mark.parametrize("name", sorted(PANEL_MODULES))
def test_every_panel_name_names_a_panel_class(name: str) -> None:
    cls = panel_class(name)
    assert cls is not None and issubclass(cls, Panel) and cls is not PlaceholderPanel


def test_unknown_panel_is_a_placeholder() -> None:
    assert panel_class("no-such-panel") is None
    made = make_panel("no-such-panel", {}, "ko")
    assert isinstance(made, PlaceholderPanel) and "no-such-panel" in made.message


def test_bad_preset_falls_back_with_a_note() -> None:
    from rnntui.ui.panels.lstm import LSTMPanel

    made = make_panel("lstm", {"units": 0, "sequence": "x", "unknown": 1}, "en")
    assert isinstance(made, LSTMPanel)
    assert made.lab.units == LSTMPanel.LAB.SPEC["units"].default
    assert made.notes == [
        "Preset value 'units' ignored: units must be a whole number 1..64",
        "Preset value 'sequence' ignored: sequence must be a list of 1..12 steps: numbers, "
        "or equally long lists of numbers",
    ]


def test_make_panel_keeps_a_lab_handed_in() -> None:
    """A lesson's lab survives a new panel (e.g. after a language switch)."""
    first = make_panel("order", {"units": 2}, "en")
    first.lab.shuffle()  # type: ignore[attr-defined]
    again = make_panel("order", {"units": 2}, "ko", lab=first.lab)  # type: ignore[attr-defined]
    assert again.lab is first.lab and again.lang == "ko"  # type: ignore[attr-defined]
