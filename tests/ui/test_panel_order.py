"""Order panel: another token order changes the RNN's final state, not the pooled mean."""

from __future__ import annotations

import numpy as np

from rnntui.lab.format import fmt
from rnntui.lab.order import make_embedding, make_rnn, shuffle, vocabulary
from rnntui.nn import GlobalAveragePooling1D
from rnntui.ui.panels.order import OrderPanel
from rnntui.ui.widgets.stepper import Stepper

from .helpers import show_panel, shown


def engine(tokens: list[str], original: list[str], kind: str = "SimpleRNN", units: int = 4):  # type: ignore[no-untyped-def]
    """Final RNN state and pooled mean for ``tokens``, vocabulary from the original sentence."""
    vocab = vocabulary(tuple(original))
    emb = make_embedding(len(vocab))
    vectors = emb(np.asarray([[vocab.index(t) for t in tokens]]))
    trace = make_rnn(kind, units).trace(vectors)
    return trace, GlobalAveragePooling1D()(vectors)


def vec(values: np.ndarray) -> str:
    return "[" + ", ".join(fmt(v) for v in np.ravel(values)) + "]"


def now_and_original(text: str) -> tuple[str, str]:
    lines = text.splitlines()
    return lines[-2].split(":", 1)[1].strip(), lines[-1].split(":", 1)[1].strip()


async def test_shuffle_reverse_restore(make_app, lessons) -> None:  # type: ignore[no-untyped-def]
    sentence = list(lessons.get("what-is-rnn", "en").preset["sentence"])
    app = make_app("what-is-rnn", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        assert isinstance(panel, OrderPanel)
        base, pooled = engine(sentence, sentence)
        assert shown(panel, "#tokens").splitlines()[0].split() == ["token", *sentence]
        assert now_and_original(shown(panel, "#rnn")) == (vec(base.h), vec(base.h))
        h_grid = shown(panel, "#rnn").splitlines()[1:5]
        assert [row.split()[1:] for row in h_grid] == [
            [fmt(s.h[0, u]) for s in base.steps] for u in range(4)
        ]
        assert now_and_original(shown(panel, "#pool")) == (vec(pooled), vec(pooled))

        await pilot.press("s")
        await pilot.pause()
        order, _ = shuffle(tuple(range(len(sentence))), 0)
        tokens = [sentence[i] for i in order]
        assert tokens != sentence and sorted(tokens) == sorted(sentence)
        assert shown(panel, "#tokens").splitlines()[0].split()[1:] == tokens
        trace, mean = engine(tokens, sentence)
        assert now_and_original(shown(panel, "#rnn")) == (vec(trace.h), vec(base.h))
        rnn_diff = fmt(float(np.max(np.abs(trace.h - base.h))))
        assert rnn_diff != "0.0000"
        assert shown(panel, "#rnn-diff") == f"max |now - original| = {rnn_diff}: the RNN changed"
        assert now_and_original(shown(panel, "#pool")) == (vec(mean), vec(pooled))
        assert float(np.max(np.abs(mean - pooled))) < 1e-12
        assert shown(panel, "#pool-diff") == "max |now - original| = 0.0000: the mean is the same"
        assert "shuffled (#1)" in shown(panel, "#title")

        await pilot.press("o", "r")
        await pilot.pause()
        reversed_tokens = sentence[::-1]
        trace, mean = engine(reversed_tokens, sentence)
        assert shown(panel, "#tokens").splitlines()[0].split()[1:] == reversed_tokens
        assert now_and_original(shown(panel, "#rnn"))[0] == vec(trace.h)
        assert "the RNN changed" in shown(panel, "#rnn-diff")
        assert "0.0000: the mean is the same" in shown(panel, "#pool-diff")
        await pilot.press("o")
        await pilot.pause()
        assert "order: original" in shown(panel, "#title")
        assert "0.0000: the RNN is the same" in shown(panel, "#rnn-diff")
        assert panel.last_error is None


async def test_lstm_units_and_korean(make_app, lessons) -> None:  # type: ignore[no-untyped-def]
    sentence = list(lessons.get("what-is-rnn", "ko").preset["sentence"])
    app = make_app("what-is-rnn", "ko")
    async with app.run_test(size=(120, 36)) as pilot:
        panel = await show_panel(pilot)
        panel.query_one("#units", Stepper).focus()
        await pilot.press("left", "c", "s", "s")
        await pilot.pause()
        order, k = shuffle(tuple(range(len(sentence))), 0)
        order, _ = shuffle(order, k + 1)
        tokens = [sentence[i] for i in order]
        trace, _ = engine(tokens, sentence, "LSTM", 3)
        base, _ = engine(sentence, sentence, "LSTM", 3)
        assert "-> LSTM(3)" in shown(panel, "#title") and "섞음 (" in shown(panel, "#title")
        assert shown(panel, "#tokens").splitlines()[0].split()[1:] == tokens
        assert now_and_original(shown(panel, "#rnn")) == (vec(trace.h), vec(base.h))
        assert "평균 같음" in shown(panel, "#pool-diff")
        assert panel.last_error is None


def test_one_token_sentence() -> None:
    panel = OrderPanel({"sentence": ["solo"], "units": 2}, "en")
    assert panel.lab.original == ("solo",)
    assert shuffle((0,), 0)[0] == (0,)


def test_bad_presets_fall_back() -> None:
    panel = OrderPanel({"sentence": "I go", "units": 99}, "en")
    default = OrderPanel(None, "en").lab
    assert (panel.lab.original, panel.lab.units) == (default.original, default.units)
    assert len(panel.notes) == 2
    assert OrderPanel({"sentence": [" a ", "b"]}, "en").lab.original == ("a", "b")
