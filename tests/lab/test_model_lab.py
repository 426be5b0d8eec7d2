"""The model lab: a saved model on a typed sentence, every recurrent layer in its lesson lab.

Oracle: Keras itself (torch backend) on the same saved file: the final output (``predict``;
NumPy on Keras' h for the float64 Dense, which Keras 3 on torch demotes)
and every step of every recurrent layer (a Keras copy of the layer with
``return_sequences=True``, the file's weights, fed by Keras' own layer below), to 1e-5 for
float32 files and 1e-12 for float64. The rest needs no Keras: tokens, OOV, refusals, reset.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from rnntui.lab.model import ModelLab
from rnntui.lab.model_input import ModelInputError
from rnntui.nn import load_model
from rnntui.nn.loading import load_vocab
from rnntui.nn.spec import parse_spec
from tests.nn.load_files import F32, F64, _keras

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::UserWarning")

WORDS = ["", "[UNK]", "the", "cat", "sat", "on", "a", "mat", "dog", "ran"]
SENTENCE = "The cat zzz on the mat!"
IDS = [2, 3, 1, 5, 2, 7]  # TextVectorization: lower case, punctuation removed, zzz -> [UNK]


def _vocab(folder: Path) -> Path:
    path = folder / "vocab.txt"
    path.write_text("\n".join(WORDS), encoding="utf-8")
    return path


def _steps(lab: Any) -> np.ndarray:
    """Every h_t of a recurrent lab, (T, units), in its processing order."""
    return np.array(lab.view("en").grid_h).T


def _random_weights(model: Any, seed: int) -> None:
    rng = np.random.default_rng(seed)
    model.set_weights(
        [rng.normal(scale=0.5, size=w.shape).astype(w.dtype) for w in model.get_weights()]
    )


@pytest.fixture(scope="module")
def keras() -> Any:
    return _keras()


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_embedding_lstm_dense_equals_keras(keras: Any, tmp_path: Path, dtype: str) -> None:
    L, tol = keras.layers, (F64 if dtype == "float64" else F32)
    tokens = keras.Input((len(IDS),), dtype="int32")
    emb = L.Embedding(len(WORDS), 4, dtype=dtype)
    lstm = L.LSTM(3, dtype=dtype)
    dense = L.Dense(len(WORDS), activation="softmax", dtype=dtype)
    model = keras.Model(tokens, dense(lstm(emb(tokens))))
    _random_weights(model, 1)
    model.save(tmp_path / "m.keras")

    lab = ModelLab(load_model(tmp_path / "m.keras"), load_vocab(_vocab(tmp_path)))
    lab.set_text(SENTENCE)
    assert [t.id for t in lab.tokens] == IDS
    assert [t.oov for t in lab.tokens] == [False, False, True, False, False, False]
    ids = np.array([IDS])
    expected = keras.ops.convert_to_numpy(model.predict(ids, verbose=0))[0]
    if dtype == "float64":  # Keras 3 on torch demotes Dense's matmul (rnn-semantics.md 9):
        h = keras.ops.convert_to_numpy(lstm(emb(ids)))  # its LSTM stays float64; Dense by hand
        kernel, bias = (np.asarray(w, dtype=np.float64) for w in dense.get_weights())
        z = h @ kernel + bias
        expected = (np.exp(z - z.max()) / np.exp(z - z.max()).sum())[0]
    assert np.abs(lab.output - expected).max() <= tol

    (choice,) = lab.choices()
    steps = L.LSTM(3, return_sequences=True, dtype=dtype)
    embedded = emb(ids)
    want = keras.ops.convert_to_numpy(steps(embedded))  # builds it
    steps.set_weights(lstm.get_weights())
    want = keras.ops.convert_to_numpy(steps(embedded))[0]
    got = _steps(lab.lab_for(choice))
    assert got.shape == want.shape == (len(IDS), 3)
    assert np.abs(got - want).max() <= tol

    view = lab.view("en")
    assert view.output[0].label == (WORDS[int(np.argmax(expected))] or "(padding)")
    assert abs(view.output[0].value - float(expected.max())) <= tol
    float32_note = any("float64" in note for note in view.notes)
    assert float32_note == (dtype == "float32")
    assert "zzz(1, OOV)" in view.tokens_text
    assert "사전에 없음" in lab.view("ko").tokens_text


def test_bidirectional_gru_equals_keras(keras: Any, tmp_path: Path) -> None:
    L, T, D = keras.layers, 5, 2
    bi = L.Bidirectional(L.GRU(3, return_sequences=True))
    gru = L.GRU(2, reset_after=False)
    model = keras.Sequential([keras.Input((T, D)), bi, gru, L.Dense(3, activation="softmax")])
    _random_weights(model, 2)
    model.save(tmp_path / "m.h5")  # the legacy HDF5 format

    lab = ModelLab(load_model(tmp_path / "m.h5"))
    x = np.random.default_rng(3).normal(size=(1, T, D))
    lab.set_text("; ".join(" ".join(repr(float(v)) for v in row) for row in x[0]))
    assert np.abs(lab.x - x).max() == 0.0
    expected = keras.ops.convert_to_numpy(model.predict(x.astype(np.float32), verbose=0))[0]
    assert np.abs(lab.output - expected).max() <= F32

    forward, backward, second = lab.choices()
    assert (forward.direction, backward.direction, second.kind) == ("forward", "backward", "GRU")
    xf = x.astype(np.float32)
    for choice, go_backwards, weights in (
        (forward, False, bi.forward_layer.get_weights()),
        (backward, True, bi.backward_layer.get_weights()),
    ):
        half = L.GRU(3, return_sequences=True, go_backwards=go_backwards)
        half(xf)
        half.set_weights(weights)
        want = keras.ops.convert_to_numpy(half(xf))[0]  # Keras: processing order
        assert np.abs(_steps(lab.lab_for(choice)) - want).max() <= F32
    below = bi(xf)
    deep = L.GRU(2, reset_after=False, return_sequences=True)
    deep(below)
    deep.set_weights(gru.get_weights())
    want = keras.ops.convert_to_numpy(deep(below))[0]
    assert np.abs(_steps(lab.lab_for(second)) - want).max() <= F32
    assert bool(lab.lab_for(second).settings["reset_after"]) is False


# -- without Keras ------------------------------------------------------------------------------


def _npz_model(folder: Path, spec: str, seed: int = 0) -> Any:
    model = parse_spec(spec)
    rng = np.random.default_rng(seed)
    np.savez(folder / "m.npz", *[rng.normal(size=w.shape) for w in model.get_weights()])
    return load_model(folder / "m.npz", spec=spec)


SPEC = (
    "Input(6) Embedding(10,4) LSTM(3,return_sequences=True) GRU(2) Dense(10,activation='softmax')"
)


def test_layer_labs_follow_the_sentence_and_reset_to_the_model(tmp_path: Path) -> None:
    model = _npz_model(tmp_path, SPEC)
    lab = ModelLab(model, load_vocab(_vocab(tmp_path)))
    first, second = lab.choices()
    lstm = lab.lab_for(first)
    lab.set_text("a dog ran")
    assert lstm.seq.steps == 3 and lstm.seq.tokens == ("a", "dog", "ran")
    ids = np.array([[6, 8, 9]])
    assert np.abs(_steps(lstm) - model.layers[1](model.layers[0](ids))[0]).max() == 0.0
    lstm.select(time=1)
    assert "'dog' (id 8)" in lstm.view("en").x_desc
    lstm.force("f", "value", 0.0)
    lstm.reset()  # the lesson lab's reset comes back to the model, not to a lesson preset
    assert not lstm.forces
    assert np.abs(_steps(lstm) - model.layers[1](model.layers[0](ids))[0]).max() == 0.0
    lstm.set_text("the cat")  # typed in the panel's own field: the model's new input
    assert lab.text == "the cat" and [t.id for t in lab.tokens] == [2, 3]
    with pytest.raises(ValueError, match="layer below"):
        lab.lab_for(second).set_text("the cat")
    assert lab.view("ko").output_head.startswith("출력")


def test_padding_as_pad_sequences(tmp_path: Path) -> None:
    model = _npz_model(tmp_path, SPEC)
    lab = ModelLab(model, load_vocab(_vocab(tmp_path)))
    lstm = lab.lab_for(lab.choices()[0])
    lab.set_text("the zzz dog")
    lab.set_padding(True)
    padded = np.array([[0, 0, 0, 2, 1, 8]])  # pad_sequences: zeros in front, to 6 steps
    assert lab.x is not None and lab.x.tolist() == padded.tolist()
    assert np.abs(lab.output - model(padded)[0]).max() == 0.0
    assert lstm.seq.tokens[:3] == ("(padding)",) * 3 and lstm.seq.steps == 6
    assert "padding 0 x3" in lab.view().tokens_text
    assert any("pad_sequences" in n for n in lab.view().notes)
    lstm.set_text(lstm.seq.as_text())  # the panel's field sent back as it shows it
    assert lab.text == "the [UNK] dog" and lab.x.tolist() == padded.tolist()
    lab.set_padding(False)
    assert lstm.seq.steps == 3
    masked = ModelLab(_npz_model(tmp_path, "Input(4) Embedding(5,2,mask_zero=True) SimpleRNN(2)"))
    with pytest.raises(ModelInputError, match="mask_zero"):
        masked.set_padding(True)
    assert masked.pad is False


def test_refused_input(tmp_path: Path) -> None:
    lab = ModelLab(_npz_model(tmp_path, SPEC))  # no vocabulary: ids
    assert lab.input_kind == "ids"
    lab.set_text("1 4 #9")  # the layer panel shows ids as #9
    assert lab.view().output[0].label.isdigit()
    for text, needle in (("cat", "not an id"), ("3 10", "0..9"), ("", "at least one")):
        with pytest.raises(ModelInputError, match=needle) as info:
            lab.set_text(text)
        assert info.value.text("ko") != info.value.text("en")
    assert lab.text == "1 4 #9"  # unchanged
    masked = ModelLab(_npz_model(tmp_path, "Input(4) Embedding(5,2,mask_zero=True) SimpleRNN(2)"))
    with pytest.raises(ModelInputError, match="padding"):
        masked.set_text("0 1")
    numbers = ModelLab(_npz_model(tmp_path, "Input(3,2) SimpleRNN(2,activation='relu')"))
    numbers.set_text("1 0,5; 2 3")
    assert numbers.x is not None and numbers.x.tolist() == [[[1.0, 0.5], [2.0, 3.0]]]
    with pytest.raises(ModelInputError, match="2 numbers"):
        numbers.set_text("1 2 3")
    assert any("activation=relu" in n for n in numbers.view().notes)
