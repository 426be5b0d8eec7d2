"""Bidirectional panel: both halves, what each has read, and every merge mode vs the engine."""

from __future__ import annotations

import numpy as np
from rich.cells import cell_len

from rnntui.lab.bidirectional import embed
from rnntui.lab.format import fmt, fmt_int
from rnntui.lab.weights import keep_units
from rnntui.nn import GRU, LSTM, Bidirectional
from rnntui.nn.layer import format_shape
from rnntui.ui.widgets.choice import Choice
from rnntui.ui.widgets.grid import ValueGrid
from rnntui.ui.widgets.stepper import Stepper

from .helpers import show_panel, shown


def cells(values: np.ndarray) -> list[list[str]]:
    """(T, n) -> the grid's rows (one per unit) as printed."""
    return [[fmt(v) for v in row] for row in values.T]


def engine(tokens, kind=LSTM, units=2, merge="concat"):  # type: ignore[no-untyped-def]
    """The Bidirectional trace the panel should show (same seeded inputs and weights)."""
    _, x = embed(tokens)
    bi = Bidirectional(kind(units, return_sequences=True, seed=0), merge_mode=merge)
    return bi, bi.trace(x)


def resized(tokens, kind, old: int, new: int):  # type: ignore[no-untyped-def]
    """The trace after a units change: the new layer keeps the old units' weights."""
    _, x = embed(tokens)
    before, after = (Bidirectional(kind(n, return_sequences=True, seed=0)) for n in (old, new))
    for bi in (before, after):
        bi.build((None, None, 4))
    weights = []
    for was, now in (
        (before.forward_layer, after.forward_layer),
        (before.backward_layer, after.backward_layer),
    ):
        weights += keep_units(was.get_weights(), now.get_weights(), now.n_gates, old, new)
    after.set_weights(weights)
    return after.trace(x)


async def test_korean_sentence_halves_and_seen(make_app) -> None:  # type: ignore[no-untyped-def]
    """나는 밥을 먹었다: forward h, backward h aligned by position, what each has read."""
    tokens = ("나는", "밥을", "먹었다")
    app = make_app("bidirectional", "ko")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        bi, trace = engine(tokens)
        assert panel.query_one("#forward", ValueGrid).rendered_cells() == cells(
            trace.forward.outputs[0]
        )
        assert panel.query_one("#backward", ValueGrid).rendered_cells() == cells(
            trace.backward_aligned[0]
        )
        # the backward half at position 0 has read the whole sentence: its final state
        assert cells(trace.backward_aligned[0])[0][0] == fmt(trace.backward.h[0, 0])
        seen = shown(panel, "#seen").splitlines()
        assert seen[-3:] == [
            "t=0 나는: 순방향 [나는]  역방향 [나는 밥을 먹었다]",
            "t=1 밥을: 순방향 [나는 밥을]  역방향 [밥을 먹었다]",
            "t=2 먹었다: 순방향 [나는 밥을 먹었다]  역방향 [먹었다]",
        ]
        # Korean row names (docs/terms.md), aligned by terminal cells, not characters
        grid = panel.query_one("#forward", ValueGrid)
        assert grid.row_label == "순방향"
        head = str(grid.render()).splitlines()
        assert head[1].startswith("순방향[0] ") and cell_len(head[1]) == cell_len(head[0])
        assert (
            shown(panel, "#merged-title") == "출력 concat: 출력[0..1] = 순방향, 출력[2..3] = 역방향"
        )
        layer = shown(panel, "#layer")
        assert "merge_mode='concat'" in layer
        assert (
            f"2 x {fmt_int(bi.forward_layer.count_params())} = {fmt_int(bi.count_params())}"
            in layer
        )
        assert "(None, 3, 4)" in layer
        for token in tokens:
            assert token in shown(panel, "#tokens")
        assert panel.query_one("#merged", ValueGrid).rendered_cells() == cells(trace.merged[0])
        assert panel.last_error is None


async def test_every_merge_mode(make_app) -> None:  # type: ignore[no-untyped-def]
    """Tab to merge_mode and step through sum, mul, ave, None, concat: shape and values."""
    tokens = ("I", "ate", "rice")
    app = make_app("bidirectional", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        await pilot.press("tab", "tab", "tab")
        mode = panel.query_one("#mode", Choice)
        assert app.focused is mode and mode.choice == "concat"
        for name in ("sum", "mul", "ave", "None", "concat"):
            await pilot.press("right")
            await pilot.pause()
            assert mode.choice == name
            merge = None if name == "None" else name
            bi, trace = engine(tokens, merge=merge)
            shape = format_shape(bi.compute_output_shape((None, 3, 4)))
            assert f"(None, 3, 4) -> {shape};" in shown(panel, "#layer")
            assert shown(panel, "#merged-title").startswith(f"output {name}")
            second = panel.query_one("#second", ValueGrid)
            merged = panel.query_one("#merged", ValueGrid)
            if merge is None:
                assert shape == "[(None, 3, 2), (None, 3, 2)]"
                assert merged.rendered_cells() == cells(trace.merged[0][0])
                assert second.display and second.rendered_cells() == cells(trace.merged[1][0])
                assert shown(panel, "#second-title") == "output[1] = bwd"
            else:
                assert merged.rendered_cells() == cells(trace.merged[0])
                assert not second.display
                assert merged.shape == (4 if name == "concat" else 2, 3)
        assert panel.last_error is None


async def test_sentence_type_and_units(make_app) -> None:  # type: ignore[no-untyped-def]
    """Another sentence (5 tokens), GRU, 3 units: all grids follow the engine."""
    tokens = ("the", "dog", "barked", "all", "night")
    app = make_app("bidirectional", "en")
    async with app.run_test(size=(120, 36)) as pilot:
        panel = await show_panel(pilot)
        sentence = panel.query_one("#sentence", Choice)
        sentence.focus()
        await pilot.press("left")  # wraps to the last sentence
        panel.query_one("#kind", Choice).focus()
        await pilot.press("space")
        panel.query_one("#units", Stepper).focus()
        await pilot.press("plus")
        await pilot.pause()
        assert sentence.choice == " ".join(tokens)
        trace = resized(tokens, GRU, 2, 3)  # units 2 -> 3: units 0 and 1 keep their weights
        assert panel.query_one("#forward", ValueGrid).rendered_cells() == cells(
            trace.forward.outputs[0]
        )
        assert panel.query_one("#backward", ValueGrid).rendered_cells() == cells(
            trace.backward_aligned[0]
        )
        assert panel.query_one("#merged", ValueGrid).rendered_cells() == cells(trace.merged[0])
        assert "Bidirectional(GRU(3, return_sequences=True)" in shown(panel, "#layer")
        assert "(None, 5, 4) -> (None, 5, 6);" in shown(panel, "#layer")
        assert (
            "t=2 barked: fwd [the dog barked]  bwd [barked all night]"
            in shown(panel, "#seen").splitlines()
        )
        assert "Without return_sequences the output is (None, 6)." in " ".join(
            shown(panel, "#inputs").split()
        )
        assert panel.last_error is None


def test_preset_checks() -> None:
    from rnntui.ui.panels.bidirectional import BidirectionalPanel

    panel = BidirectionalPanel({"sentence": [], "units": 9, "merge_mode": None}, "en")
    assert panel.lab.mode == "None"
    assert panel.lab.units == 2 and len(panel.notes) == 2
    assert panel.sentences()[0] == ("I", "ate", "rice")
