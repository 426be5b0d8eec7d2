"""Order lab without Textual: the RNN's final state changes with the order, the mean does not."""

from __future__ import annotations

import numpy as np
import pytest

from rnntui.lab.order import OrderLab, make_embedding, make_rnn, shuffle, vec, vocabulary
from rnntui.lab.spec import SettingError
from rnntui.nn import GlobalAveragePooling1D

SENTENCE = ("I", "go", "to", "school")


def engine(tokens: tuple[str, ...], kind: str = "SimpleRNN", units: int = 4):  # type: ignore[no-untyped-def]
    vocab = vocabulary(SENTENCE)
    vectors = make_embedding(len(vocab))(np.asarray([[vocab.index(t) for t in tokens]]))
    return make_rnn(kind, units).trace(vectors), GlobalAveragePooling1D()(vectors)


def lines(lab: OrderLab, lang: str = "en") -> dict[str, str]:
    return dict(lab.view(lang).lines)


def test_shuffle_changes_the_rnn_not_the_mean() -> None:
    lab = OrderLab({"sentence": list(SENTENCE)})
    base, pooled = engine(SENTENCE)
    assert lines(lab)["rnn"].splitlines()[-2].endswith(vec(base.h))
    lab.shuffle()
    order, _ = shuffle(tuple(range(4)), 0)
    tokens = tuple(SENTENCE[i] for i in order)
    trace, mean = engine(tokens)
    shown = lines(lab)
    assert shown["tokens"].splitlines()[0].split()[1:] == list(tokens)
    assert shown["rnn"].splitlines()[-2].endswith(vec(trace.h))
    assert shown["rnn-diff"].endswith("the RNN changed")
    assert shown["pool-diff"] == "max |now - original| = 0.0000: the mean is the same"
    assert shown["pool"].splitlines()[-1].endswith(vec(pooled))
    assert np.max(np.abs(mean - pooled)) < 1e-12
    lab.restore()
    assert "order: original" in lines(lab)["title"]
    lab.reverse()
    assert lines(lab, "ko")["title"].endswith("순서: 뒤집음")


def test_units_keep_weights_and_the_cell_toggles() -> None:
    lab = OrderLab()
    first = lines(lab)["rnn"]
    lab.set("units", 3)
    kept = lab.engine_layer().get_weights()[0]
    np.testing.assert_array_equal(kept, make_rnn_weights("SimpleRNN", 4)[0][:, :3])
    lab.set("units", 4)
    assert lines(lab)["rnn"] == first
    lab.toggle_cell()
    trace, _ = engine(SENTENCE, "LSTM", 4)
    assert "-> LSTM(4)" in lines(lab)["title"]
    assert lines(lab)["rnn"].splitlines()[-2].endswith(vec(trace.h))


def make_rnn_weights(kind: str, units: int) -> list[np.ndarray]:
    layer = make_rnn(kind, units)
    layer.build((None, None, 4))
    return layer.get_weights()


def test_settings_validation_reset_and_korean_columns() -> None:
    lab = OrderLab({"units": 9, "sentence": ["나는", "학교에", "간다"]})
    assert [str(e) for e in lab.refused] == ["units must be a whole number 1..5"]
    with pytest.raises(SettingError, match=r"units must be a whole number 1\.\.5"):
        lab.set("units", 0)
    first = lines(lab, "ko")["tokens"].splitlines()[0]
    assert first == "토큰     나는  학교에    간다"
    lab.shuffle()
    lab.toggle_cell()
    lab.set("units", 2)
    lab.reset()
    assert (lab.kind, lab.units, lab.how) == ("SimpleRNN", 4, "original")
    lab.set("sentence", ["a", "b"])
    assert lab.vocab == ("a", "b") and lab.order == (0, 1)
