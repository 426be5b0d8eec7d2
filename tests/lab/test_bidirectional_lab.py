"""Bidirectional lab without Textual: both halves and the merge are the engine's."""

from __future__ import annotations

import numpy as np
import pytest

from rnntui.lab.bidirectional import BidirectionalLab, embed, rows
from rnntui.lab.spec import SettingError
from rnntui.nn import LSTM, Bidirectional


def engine(tokens: tuple[str, ...], merge: str | None = "concat"):  # type: ignore[no-untyped-def]
    _, x = embed(tokens)
    bi = Bidirectional(LSTM(2, return_sequences=True, seed=0), merge_mode=merge)
    return bi, bi.trace(x)


def test_view_is_the_engines_trace_in_each_language() -> None:
    lab = BidirectionalLab()
    ko, en = lab.view("ko"), lab.view("en")
    assert ko.tokens == ("나는", "밥을", "먹었다") and en.tokens == ("I", "ate", "rice")
    bi, trace = engine(en.tokens)
    assert en.forward == rows(trace.forward.outputs[0])
    assert en.backward == rows(trace.backward_aligned[0])
    assert en.merged == rows(trace.merged[0]) and en.second is None
    assert en.layer.splitlines()[1] == (
        f"(None, 3, 4) -> (None, 3, 4); params 2 x {bi.forward_layer.count_params():,} = "
        f"{bi.count_params():,}"
    )
    assert "t=1 ate: fwd [I ate]  bwd [ate rice]" in en.seen.splitlines()


def test_merge_none_gives_two_outputs_and_units_keep_weights() -> None:
    lab = BidirectionalLab({"sentence": ["a", "b", "a"]})
    lab.set("merge_mode", None)
    view = lab.view()
    _, trace = engine(("a", "b", "a"), None)
    assert view.merged == rows(trace.merged[0][0]) and view.second == rows(trace.merged[1][0])
    before = [w.copy() for w in lab.engine_layer().get_weights()]
    lab.set("units", 3)
    after = lab.engine_layer().get_weights()
    np.testing.assert_array_equal(after[0][:, :2], before[0][:, :2])  # forward, gate i
    np.testing.assert_array_equal(after[3][:, :2], before[3][:, :2])  # backward, gate i
    lab.set("units", 2)
    assert lab.view().merged == view.merged


def test_choices_validation_and_reset() -> None:
    lab = BidirectionalLab({"units": 9})
    assert [str(e) for e in lab.refused] == ["units must be a whole number 1..4"]
    lab.choose_sentence(2, "en")
    lab.set("kind", "GRU")
    view = lab.view("en")
    assert view.tokens == ("the", "dog", "barked", "all", "night") and view.kind == 1
    with pytest.raises(SettingError, match="kind must be one of LSTM, GRU, SimpleRNN"):
        lab.set("kind", "CNN")
    with pytest.raises(SettingError, match="merge_mode must be one of"):
        lab.set("merge_mode", "max")
    with pytest.raises(SettingError, match=r"sentence must be a choice 0\.\.2"):
        lab.choose_sentence(3, "en")
    lab.reset()
    assert lab.view("en").tokens == ("I", "ate", "rice") and lab.kind == "LSTM"


def test_units_changed_under_another_kind_resize_this_kind_too() -> None:
    lab = BidirectionalLab()
    lab.view()
    lab.set("kind", "GRU")
    lab.set("units", 1)
    lab.set("kind", "LSTM")
    view = lab.view()  # the LSTM layer (2 units) is resized to 1, not reused as it was
    assert view.units == 1 and len(view.forward) == 1
