"""The demo panels with a text field (next word, fill the blank): the field takes the letter
t, and ctrl+t trains from it (issue 13, item 3). The key bar shows ^t while the field is
focused, and F1 help names ctrl+t in both languages."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from rnntui.demos.runner import RunResult
from rnntui.ui.panels import demo_fill_blank, demo_next_word
from rnntui.ui.panels.demo_base import DemoPanel

from .helpers import screen_text, settle

HOSTS = [("what-is-rnn", demo_next_word), ("bidirectional", demo_fill_blank)]
CASES = [(lesson, module, lang) for lesson, module in HOSTS for lang in ("en", "ko")]


async def demo_shown(pilot) -> DemoPanel:  # type: ignore[no-untyped-def]
    """The lesson's demo panel after F8, settled."""
    await settle(pilot)
    await pilot.press("f8")
    await settle(pilot)
    panel = pilot.app.learn.panel
    assert isinstance(panel, DemoPanel)
    return panel


EACH_DEMO = pytest.mark.parametrize(
    ("lesson_id", "module", "lang"),
    CASES,
    ids=[f"{m.__name__.rsplit('.', 1)[-1]}-{g}" for _l, m, g in CASES],
)
"""Every text-field demo, in each language it is tested in."""


def blocked_run(name, on_epoch=None, cancel=None, epochs=None):  # type: ignore[no-untyped-def]
    """Stands in for a training run: waits until it is cancelled, trains nothing."""
    assert cancel is not None
    cancel.wait(60)
    return None, RunResult((), True, 0.0)


@EACH_DEMO
async def test_t_types_in_the_field_and_ctrl_t_trains(  # type: ignore[no-untyped-def]
    make_app, monkeypatch, lesson_id, module, lang
) -> None:
    monkeypatch.setattr(module, "train_shipped_recipe", blocked_run)
    app = make_app(lesson_id, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await demo_shown(pilot)
        field = panel.query_one(Input)
        field.focus()
        await settle(pilot)
        field.cursor_position = len(field.value)  # after the focus, which selects all
        await settle(pilot)
        before = field.value
        await pilot.press("t")
        await settle(pilot)
        assert field.value == before + "t"  # the letter is typed ...
        assert not panel.training  # ... and nothing trains
        assert app.focused is field
        assert "^t" in screen_text(app).splitlines()[-2] + screen_text(app).splitlines()[-1]
        await pilot.press("ctrl+t")  # trains from the field
        for _ in range(500):  # wait for a state: the worker has started
            if panel.training:
                break
            await pilot.pause()
        assert panel.training
        assert field.value == before + "t"  # ctrl+t typed nothing
        panel.action_cancel_training()
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert not panel.training
        assert "ctrl+t" in panel.help_markdown()


async def test_t_still_trains_outside_the_field(make_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(demo_next_word, "train_shipped_recipe", blocked_run)
    app = make_app("what-is-rnn", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await demo_shown(pilot)
        panel.query_one("#temperature").focus()
        await settle(pilot)
        await pilot.press("t")
        for _ in range(500):
            if panel.training:
                break
            await pilot.pause()
        assert panel.training
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert not panel.training and "cancelled" in panel.progress_text


@EACH_DEMO
async def test_the_focused_field_shows_what_is_typed(  # type: ignore[no-untyped-def]
    make_app, lesson_id, module, lang
) -> None:
    """The text field is one line tall and shows its text while it has the focus (Textual's
    focus border on a one-line field used to cover the text: the student typed blind)."""
    app = make_app(lesson_id, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        field = app.learn.panel.query_one(Input)
        field.focus()
        await settle(pilot)
        field.cursor_position = len(field.value)
        await pilot.press("x", "y")
        await settle(pilot)
        assert field.has_focus and field.region.height == 1
        row = screen_text(app).splitlines()[field.region.y]
        assert field.value.endswith("xy") and field.value in row, row


@EACH_DEMO
async def test_the_demo_opens_on_its_text_field(  # type: ignore[no-untyped-def]
    make_app, monkeypatch, lesson_id, module, lang
) -> None:
    """F8 puts the focus in the text field, so words typed at once go into it (the
    fill-the-blank panel, focusable itself for its keys, used to take the focus: 'at home'
    started a training with its t); Tab leaves the field for a place where t trains."""
    monkeypatch.setattr(module, "train_shipped_recipe", blocked_run)
    app = make_app(lesson_id, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await demo_shown(pilot)
        assert app.focused is panel.query_one(Input)
        await pilot.press("end", "space", "a", "t")
        await settle(pilot)
        assert panel.query_one(Input).value.endswith(" at") and not panel.training
        await pilot.press("tab", "t")
        for _ in range(500):  # wait for a state: the worker has started
            if panel.training:
                break
            await pilot.pause()
        assert panel.training and app.focused is not panel.query_one(Input)
        panel.action_cancel_training()
        await app.workers.wait_for_complete()
        await settle(pilot)
