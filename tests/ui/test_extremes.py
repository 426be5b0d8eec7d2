"""Extreme values: every control of every panel at its limits, +-1e6 typed in, the longest
sequences of huge numbers at the most units. Never a NaN/inf on screen, never a NumPy warning
(warnings are errors here), ``last_error`` stays None and each change settles quickly."""

from __future__ import annotations

import re

import pytest
from textual.widgets import Input

from rnntui.content.loader import load_lessons
from rnntui.lab.specs import MAX_STEPS
from rnntui.ui.app import RnnTuiApp
from rnntui.ui.panels.base import Panel
from rnntui.ui.widgets.bars import Bar
from rnntui.ui.widgets.grid import ValueGrid
from rnntui.ui.widgets.readout import Readout
from rnntui.ui.widgets.stepper import Stepper

from .helpers import screen_text, show_panel

pytestmark = pytest.mark.filterwarnings("error")

NOT_A_NUMBER = re.compile(r"(?<![A-Za-z])(nan|inf|infinity)(?![A-Za-z])", re.IGNORECASE)
PANEL_LESSONS = sorted({x.id for x in load_lessons().lessons if x.lang == "en"})
RECURRENT = ["simple-rnn", "lstm", "gru"]


def shown_numbers(app: RnnTuiApp, panel: Panel) -> str:
    """The screen plus every readout, bar and grid cell (also those scrolled out of view)."""
    parts = [screen_text(app)]
    parts += [w.text for w in panel.query(Readout)]
    parts += [w.value_text() for w in panel.query(Bar)]
    parts += [" ".join(row) for g in panel.query(ValueGrid) for row in g.rendered_cells()]
    return "\n".join(parts)


def assert_clean(app: RnnTuiApp, panel: Panel, what: str) -> None:
    assert panel.last_error is None, f"{what}: {panel.last_error!r}"
    found = NOT_A_NUMBER.search(shown_numbers(app, panel))
    assert found is None, f"{what}: {found.group(0)!r} on screen"
    assert app.is_running


async def settle(pilot, what: str) -> None:  # type: ignore[no-untyped-def]
    """Let the change be handled and painted (``what`` names it in a failure elsewhere)."""
    await pilot.pause()


def steppers(panel: Panel) -> list[Stepper]:
    return [s for s in panel.query(Stepper) if not s.disabled]


async def open_panel(pilot, lesson_id: str) -> Panel:  # type: ignore[no-untyped-def]
    """Open ``lesson_id`` in the running app and return its computed panel."""
    pilot.app.open_lesson(lesson_id, save=False)
    await pilot.pause()
    return await show_panel(pilot)


async def test_every_control_of_every_panel_at_its_limits(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(PANEL_LESSONS[0], "en", save=False)
    async with app.run_test(size=(120, 40)) as pilot:
        for lesson_id in PANEL_LESSONS:
            panel = await open_panel(pilot, lesson_id)
            assert_clean(app, panel, f"{lesson_id}: start")
            # all at the top, all at the bottom, then alternating both ways
            for ends in (("hi", "hi"), ("lo", "lo"), ("hi", "lo"), ("lo", "hi")):
                for k, control in enumerate(steppers(panel)):
                    control.set_value(getattr(control, ends[k % 2]))
                await settle(pilot, f"{lesson_id}: controls at {ends}")
                panel = app.learn.panel
                assert_clean(app, panel, f"{lesson_id}: controls at {ends}")


async def type_into(pilot, control: Stepper, text: str) -> None:  # type: ignore[no-untyped-def]
    """Enter opens the stepper's entry; ``text`` goes in as typed; Enter submits it."""
    control.focus()
    control.action_edit()
    entry = control.query_one(Input)
    entry.value = text
    await entry.action_submit()
    await pilot.pause()
    if control.has_class("-editing"):  # refused: the entry stays open; Escape cancels
        control.key_escape()


TYPED = ("x", "units", "h_prev")
"""Steppers that get the full typed path (Enter, text, Enter) on each recurrent panel."""


async def test_plus_minus_1e6_typed_into_steppers_is_refused(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(RECURRENT[0], "en", save=False)
    async with app.run_test(size=(80, 24)) as pilot:
        for lesson_id in RECURRENT:
            panel = await open_panel(pilot, lesson_id)
            for control in steppers(panel):
                what = f"{lesson_id}: {control.label}"
                for typed in ("1e6", "-1e6", "1e300", "nan"):  # what Enter would check
                    with pytest.raises(ValueError):
                        control.validate(typed)
                if control.id not in TYPED:
                    continue
                before = control.value
                for typed in ("1e6", "-1e6"):
                    await type_into(pilot, control, typed)
                    assert control.value == before, f"{what} took {typed}"
                await type_into(pilot, control, str(control.hi).rstrip("0").rstrip("."))
                assert control.value == control.hi, what
                assert_clean(app, panel, f"{what} typed at its maximum")


@pytest.mark.parametrize("lesson_id", RECURRENT)
async def test_longest_sequence_of_huge_inputs_at_most_units(make_app, lesson_id: str) -> None:  # type: ignore[no-untyped-def]
    app = make_app(lesson_id, "en", save=False)
    async with app.run_test(size=(120, 40)) as pilot:
        panel = await show_panel(pilot)
        panel.query_one("#units", Stepper).set_value(panel.query_one("#units", Stepper).hi)
        await settle(pilot, "units at max")
        entry = panel.query_one("#seq", Input)
        entry.value = " ".join(["5", "-5", "4.9999", "-4.9999", "0", "1e-300"] * 2)
        assert len(entry.value.split()) == MAX_STEPS
        entry.focus()
        await pilot.press("enter")
        await settle(pilot, "long sequence")
        assert panel.seq.steps == MAX_STEPS and abs(panel.seq.x).max() == 5
        assert_clean(app, panel, f"{MAX_STEPS} steps at the edges of the x_t range")
        for key in ("tab", "right", "right", "pageup", "left"):  # still answers keys
            await pilot.press(key)
            await settle(pilot, key)
        assert_clean(app, panel, "after keys")
        before = panel.seq.x.copy()
        for huge in ("1e6", "-1e300", "1e308"):  # outside the x_t stepper's range: refused
            entry.value = " ".join(["1", huge, "0"])
            entry.focus()
            await pilot.press("enter")
            await settle(pilot, f"typed {huge}")
            assert (panel.seq.x == before).all(), f"{huge} was taken"
            assert_clean(app, panel, f"typed {huge}")
        entry.value = " ".join(["1"] * (MAX_STEPS + 1))
        entry.focus()
        await pilot.press("enter")
        assert panel.seq.steps == MAX_STEPS  # one step too many is refused
