"""The demo panels (issue 13): each opens from its lesson (F8) with the shipped weights at
80x24 and 120x40 in both languages; one run trains live, shows progress and is cancelled."""

from __future__ import annotations

import numpy as np
import pytest

from rnntui.demos.vocab import BLANK, OOV
from rnntui.ui.panels import panel_class
from rnntui.ui.panels.base import PlaceholderPanel
from rnntui.ui.panels.demo_base import DemoPanel

from .helpers import screen_text, settle, shown

HOSTS = [
    ("what-is-rnn", "demo_next_word"),
    ("gru", "demo_speed"),
    ("bidirectional", "demo_fill_blank"),
    ("units", "demo_overfit"),
    ("dropout", "demo_dropout"),
    ("vanishing-gradients", "demo_remember"),
]
CASES = [(lesson, demo, lang) for lesson, demo in HOSTS for lang in ("en", "ko")]


async def open_demo(pilot) -> DemoPanel:  # type: ignore[no-untyped-def]
    """F8 on the lesson screen: the lesson's demo in place of its panel."""
    await settle(pilot)
    await pilot.press("f8")
    await settle(pilot)
    panel = pilot.app.learn.panel
    assert isinstance(panel, DemoPanel), panel
    return panel


def top_words(model, vocab, words: list[str], k: int = 5) -> list[str]:  # type: ignore[no-untyped-def]
    """The k most likely next words, straight from the engine model (not the lab's view)."""
    ids = [vocab.words.index(w) if w in vocab.words else OOV for w in words]
    probs = np.array(model.predict(np.array([ids]))[0, -1])
    probs[[0, OOV, BLANK]] = 0.0
    return [vocab.words[i] for i in np.argsort(-probs, kind="stable")[:k]]


def check_screen(app, panel: DemoPanel, demo: str) -> None:  # type: ignore[no-untyped-def]
    """What the demo shows, checked against the engine where it is a number."""
    text = screen_text(app)
    if demo == "demo_next_word":
        lab = panel.lab  # type: ignore[attr-defined]
        words = lab.split_prompt()[0]
        for word in top_words(lab.model, lab.vocab, list(words))[:3]:
            assert word in text, word
    elif demo == "demo_fill_blank":
        assert "___" in text
    elif demo == "demo_speed":
        assert "6,272" in text  # LSTM(32) on 16 features: 4 * (16*32 + 32*32 + 32)
    elif demo == "demo_remember":
        assert "|dL/dh_t|" in text
        assert ("[shipped results]" if panel.lang == "en" else "[기본 제공 결과]") in text
        table = shown(panel, "#accuracy")  # the table may scroll out of view at 80x24
        by_cell = {}
        for r in shipped_results("remember")["results"]:
            by_cell.setdefault(r["cell"], []).append(f"{r['accuracy']:.2f}")
        for cell, label in (("simple_rnn", "SimpleRNN"), ("lstm", "LSTM"), ("gru", "GRU")):
            row = next(line for line in table.splitlines() if line.startswith(label))
            assert row.split()[1:] == by_cell[cell], row
    else:
        assert "val_loss" in text
        assert ("[shipped curves]" if panel.lang == "en" else "[기본 제공 곡선]") in text
        name = "overfit" if demo == "demo_overfit" else "dropout"
        for c in shipped_results(name)["langs"][panel.lang]["curves"]:
            assert f"{c['val_loss'][-1]:.4f}" in text  # the table, in view at 80x24
            assert f"{c['loss'][-1]:.4f}" in text


def shipped_results(name: str) -> dict:  # type: ignore[type-arg]
    """A shipped result file, read with json (not through the lab)."""
    import json
    from pathlib import Path

    import rnntui.demos

    path = Path(rnntui.demos.__file__).with_name("results") / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("lesson_id", "demo", "lang"), CASES, ids=[f"{d}-{g}" for _l, d, g in CASES]
)
async def test_demo_opens_with_shipped_weights(make_app, lesson_id, demo, lang) -> None:  # type: ignore[no-untyped-def]
    app = make_app(lesson_id, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await open_demo(pilot)
        assert type(panel) is panel_class(demo) and not isinstance(panel, PlaceholderPanel)
        assert panel.lang == lang and panel.last_error is None, panel.last_error
        assert not panel.training  # opening trains nothing
        assert panel.help_markdown().strip()
        check_screen(app, panel, demo)
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert app.learn.panel is panel and panel.last_error is None, panel.last_error
        check_screen(app, panel, demo)
        await pilot.press("f8")  # and back to the lesson's own panel
        await settle(pilot)
        assert not isinstance(app.learn.panel, DemoPanel)


async def test_live_training_progresses_and_cancels(make_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from rnntui.demos import live
    from rnntui.ui.panels import demo_next_word

    def long_run(name, on_epoch=None, cancel=None, epochs=None):  # type: ignore[no-untyped-def]
        return live.train_shipped_recipe(name, on_epoch, cancel, epochs=500)  # outlasts the test

    monkeypatch.setattr(demo_next_word, "train_shipped_recipe", long_run)
    app = make_app("what-is-rnn", "en")  # the English model: a few seconds per run
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await open_demo(pilot)
        panel.query_one("#temperature").focus()
        await pilot.pause()
        await pilot.press("t")
        for _ in range(2000):  # wait for a state: the first epoch's report on screen
            await pilot.pause()
            if panel.losses:  # type: ignore[attr-defined]
                break
        else:
            raise AssertionError(f"no progress shown: {panel.progress_text!r}")
        assert panel.training
        assert panel.lab.source == "training"  # type: ignore[attr-defined]
        await pilot.press("x")
        assert not panel.training or panel._cancel.is_set()  # type: ignore[union-attr]
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert not panel.training
        assert not [w for w in app.workers if not w.is_finished]
        cancelled = panel.progress_text
        assert "cancelled" in cancelled
        await settle(pilot)
        assert panel.progress_text == cancelled  # nothing drawn after the cancel
        # leaving the lesson cancels a run
        await pilot.press("t")
        await pilot.press("right_square_bracket")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert panel._cancel is not None and panel._cancel.is_set()
        assert not [w for w in app.workers if not w.is_finished]


@pytest.mark.parametrize(
    ("lesson_id", "shipped", "yours"),
    [
        ("units", "[shipped curves]", "[with your runs]"),
        ("vanishing-gradients", "[shipped results]", "[with your runs]"),
    ],
)
async def test_a_run_replaces_the_shipped_results_and_z_brings_them_back(  # type: ignore[no-untyped-def]
    make_app, lesson_id, shipped, yours
) -> None:
    app = make_app(lesson_id, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await open_demo(pilot)
        assert shipped in screen_text(app)
        panel.focus()
        await pilot.press("t")  # a real run: about a second on this machine
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert not panel.training and "done" in panel.progress_text
        assert yours in screen_text(app)
        if lesson_id == "units":  # a fresh seeded run is the shipped one, number for number
            for c in shipped_results("overfit")["langs"]["en"]["curves"]:
                assert f"{c['val_loss'][-1]:.4f}" in screen_text(app)
        await pilot.press("z")
        await settle(pilot)
        assert shipped in screen_text(app)


async def test_remember_scale_drops_the_shipped_results_and_z_restores_them(make_app) -> None:  # type: ignore[no-untyped-def]
    from rnntui.ui.widgets.stepper import Stepper

    app = make_app("vanishing-gradients", "ko")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await open_demo(pilot)
        assert "[기본 제공 결과]" in screen_text(app)
        scale = panel.query_one("#scale", Stepper)
        scale.focus()
        await pilot.press("minus")  # U scale 0.9: the shipped results hold only for 1.0
        await settle(pilot)
        assert panel.lab.config.recurrent_scale == 0.9  # type: ignore[attr-defined]
        assert "[결과 없음]" in screen_text(app) and not panel.lab.results  # type: ignore[attr-defined]
        await pilot.press("z")
        await settle(pilot)
        assert "[기본 제공 결과]" in screen_text(app)
        assert scale.value == 1.0 and panel.lab.config.recurrent_scale == 1.0  # type: ignore[attr-defined]


async def test_a_cancelled_run_keeps_the_shipped_curves(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("units", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await open_demo(pilot)
        panel.lab.epochs = 500  # type: ignore[attr-defined]  # outlasts the test
        panel.focus()
        await pilot.press("t")
        for _ in range(2000):  # wait for a state: the first epoch's report
            await pilot.pause()
            if panel.live is not None:  # type: ignore[attr-defined]
                break
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert "cancelled" in panel.progress_text
        await pilot.resize_terminal(120, 40)  # drawn again from the lab, after the run ended
        await settle(pilot)
        text = screen_text(app)
        assert "[shipped curves]" in text
        for c in shipped_results("overfit")["langs"]["en"]["curves"]:
            assert f"{c['val_loss'][-1]:.4f}" in text  # still the shipped numbers
