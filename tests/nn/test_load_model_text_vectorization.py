"""A TextVectorization layer in front of a saved model (issue 15): its vocabulary, from the
``.keras`` file's assets (an adapted layer) or from its config (a vocabulary given to the
constructor), gives the student's model words; unknown words go to ``[UNK]`` and are marked.

Keras' TextVectorization needs TensorFlow, which the test environment does not have. So Keras
itself saves a model whose first layer is a stand-in class NAMED ``TextVectorization`` (Keras
names the asset folder and the weight group after the class) that writes its vocabulary as
Keras' ``IndexLookup.save_assets`` does and returns the config keys of Keras'
``TextVectorization.get_config``; then the zip's config.json is given the entries Keras writes
for the real layer (module ``keras.layers``, a string input).
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from rnntui.nn import LoadError, load_model
from tests.nn.load_files import _keras

os.environ.setdefault("KERAS_BACKEND", "torch")
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::UserWarning")

WORDS = ["the", "cat", "sat", "on", "mat", "dog"]
"""The adapted vocabulary after "" (id 0) and "[UNK]" (id 1): "the" is id 2, "dog" id 7."""
LENGTH = 5


def _real_config(in_config: bool) -> dict[str, Any]:
    """The keys Keras 3.15's TextVectorization.get_config adds to a layer's config."""
    return {
        "max_tokens": 20,
        "standardize": "lower_and_strip_punctuation",
        "split": "whitespace",
        "ngrams": None,
        "output_mode": "int",
        "output_sequence_length": LENGTH,
        "pad_to_max_tokens": False,
        "sparse": False,
        "ragged": False,
        "vocabulary": list(WORDS) if in_config else None,
        "idf_weights": None,
        "encoding": "utf-8",
        "vocabulary_size": len(WORDS) + 2,
    }


def _save(tmp: Path, *, in_config: bool, functional: bool = False) -> tuple[Path, Any]:
    """A .keras file saved by Keras (TextVectorization, Embedding, LSTM, Dense) and the Keras
    model (which reads the ids)."""
    keras = _keras()

    class TextVectorization(keras.layers.Layer):  # Keras names the asset folder after this
        def call(self, x: Any) -> Any:
            return x

        def save_assets(self, dir_path: str) -> None:
            if in_config:  # Keras writes no asset when the vocabulary is in the config
                return
            with open(os.path.join(dir_path, "vocabulary.txt"), "w", encoding="utf-8") as f:
                f.write("\n".join(["", "[UNK]", *WORDS]))

        def get_config(self) -> dict[str, Any]:
            return {**super().get_config(), **_real_config(in_config)}

    L = keras.layers
    inputs = keras.Input((LENGTH,), dtype="int32")
    layers = [TextVectorization(name="text_vectorization"), L.Embedding(10, 4), L.LSTM(3)]
    layers.append(L.Dense(2, activation="softmax"))
    if functional:
        x = inputs
        for layer in layers:
            x = layer(x)
        model = keras.Model(inputs, x)
    else:
        model = keras.Sequential([inputs, *layers])
    saved = tmp / "saved.keras"
    model.save(saved)
    path = tmp / ("functional.keras" if functional else "m.keras")
    with zipfile.ZipFile(saved) as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "config.json":
                top = json.loads(data)
                for entry in top["config"]["layers"]:
                    if entry["class_name"] == "TextVectorization":
                        entry["module"], entry["registered_name"] = "keras.layers", None
                    if entry["class_name"] == "InputLayer":  # Keras: Input((1,), dtype="string")
                        entry["config"]["batch_shape"] = [None, 1]
                        entry["config"]["dtype"] = "string"
                data = json.dumps(top).encode()
            out.writestr(info, data)
    return path, model


@pytest.mark.parametrize("in_config", [False, True], ids=["assets", "config"])
def test_the_vocabulary_in_the_file_gives_words(tmp_path: Path, in_config: bool) -> None:
    path, keras_model = _save(tmp_path, in_config=in_config)
    if not in_config:
        with zipfile.ZipFile(path) as archive:  # where Keras put the adapted vocabulary
            assert "assets/layers/text_vectorization/vocabulary.txt" in archive.namelist()
    model = load_model(path)
    assert model.vocabulary is not None
    assert model.text_setup is not None and model.text_setup.sequence_length == LENGTH
    assert model.input_shape == (None, LENGTH)
    rows = model.summary().rows  # as Keras' summary: the TextVectorization first, 0 weights
    assert [r.class_name for r in rows] == ["TextVectorization", "Embedding", "LSTM", "Dense"]
    assert (rows[0].output_shape, rows[0].params) == ((None, LENGTH), 0)
    assert model.summary().total_params == keras_model.count_params()
    tokens = model.vocabulary.encode("The cat, sat on a MAT!")
    assert [(t.word, t.id, t.oov) for t in tokens] == [
        ("the", 2, False),
        ("cat", 3, False),
        ("sat", 4, False),
        ("on", 5, False),
        ("a", 1, True),  # not in the vocabulary: [UNK], marked
        ("mat", 6, False),
    ]
    assert model.vocabulary.word(7) == "dog" and model.vocabulary.oov_id == 1
    ids = np.array([[t.id for t in tokens][:LENGTH]])
    want = _keras().ops.convert_to_numpy(keras_model(ids))
    np.testing.assert_allclose(model(ids), want, atol=1e-5)


def test_a_functional_model_with_text_vectorization(tmp_path: Path) -> None:
    path, keras_model = _save(tmp_path, in_config=False, functional=True)
    model = load_model(path)
    assert model.vocabulary is not None and model.vocabulary.ids["dog"] == 7
    ids = np.array([[2, 3, 1, 7, 0]])
    want = _keras().ops.convert_to_numpy(keras_model(ids))
    np.testing.assert_allclose(model(ids), want, atol=1e-5)


def test_the_model_screen_lab_uses_the_file_vocabulary(tmp_path: Path) -> None:
    from rnntui.lab.model import ModelLab

    path, _ = _save(tmp_path, in_config=False)
    model = load_model(path)
    lab = ModelLab(model, model.vocabulary)
    lab.set_text("the dog zzz")
    assert lab.input_kind == "words"
    assert lab.tokens_text("en") == "ids: the(2) dog(7) zzz(1, OOV)"
    assert any("TextVectorization layer 'text_vectorization'" in n for n in lab.notes("en"))
    assert any("TextVectorization 층 'text_vectorization'" in n for n in lab.notes("ko"))


def _rewrite(path: Path, change: Any) -> None:
    with zipfile.ZipFile(path) as src:
        members = [(i, src.read(i.filename)) for i in src.infolist()]
    with zipfile.ZipFile(path, "w") as out:
        for info, data in members:
            if info.filename == "config.json":
                top = json.loads(data)
                change(top["config"]["layers"][1]["config"])
                data = json.dumps(top).encode()
            out.writestr(info, data)


@pytest.mark.parametrize(
    ("key", "value", "said"),
    [
        ("split", "character", "split='character' is not read"),
        ("output_mode", "multi_hot", "output_mode='multi_hot' is not read"),
        ("standardize", {"class_name": "MyFn"}, "is not read (a custom function?)"),
    ],
)
def test_a_text_vectorization_the_engine_cannot_follow_is_refused(
    tmp_path: Path, key: str, value: Any, said: str
) -> None:
    path, _ = _save(tmp_path, in_config=False)
    _rewrite(path, lambda config: config.__setitem__(key, value))
    with pytest.raises(LoadError, match="TextVectorization") as err:
        load_model(path)
    assert said in str(err.value)


def test_padding_follows_the_text_vectorization(tmp_path: Path) -> None:
    """p pads at the END and cuts to output_sequence_length, as TextVectorization does (not at
    the front as pad_sequences); the padded ids give Keras' output."""
    from rnntui.lab.model import ModelLab

    path, keras_model = _save(tmp_path, in_config=False)
    model = load_model(path)
    lab = ModelLab(model, model.vocabulary)
    lab.set_text("the dog")
    lab.set_padding(True)
    assert lab.x is not None and lab.x.tolist() == [[2, 7, 0, 0, 0]]
    assert any("Padded at the end with 0" in n for n in lab.notes("en"))
    assert lab.tokens_text("en") == "ids: the(2) dog(7) padding 0 x3"
    want = _keras().ops.convert_to_numpy(keras_model(np.array([[2, 7, 0, 0, 0]])))[0]
    assert lab.output is not None
    np.testing.assert_allclose(lab.output, want, atol=1e-5)
    lab.set_text("the cat sat on the mat dog")
    assert lab.x is not None and lab.x.tolist() == [[2, 3, 4, 5, 2]]
