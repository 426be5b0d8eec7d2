"""Embedding lab without Textual: the lookup check, memory and cosines are the engine's."""

from __future__ import annotations

import numpy as np
import pytest

from rnntui.lab.embedding import EmbeddingLab
from rnntui.lab.format import fmt_signed
from rnntui.lab.spec import SettingError
from rnntui.nn import Embedding
from rnntui.nn.similarity import cosine_similarity, memory_bytes


def test_view_is_the_engines_lookup() -> None:
    lab = EmbeddingLab({"word": "fun"})
    view = lab.view("en")
    assert view.words == ("I", "deep-learning", "fun", "study", "travel") and view.word == 2
    layer = Embedding(5, 4, seed=0)
    layer.build((None, 10))
    row = layer([2])[0]
    lines = dict(view.lines)
    assert (
        lines["vectors"]
        .splitlines()[2]
        .endswith("[" + ", ".join(fmt_signed(float(v)) for v in row) + "]")
    )
    assert "= 0.0 (exactly equal)" in lines["check"]
    assert f"{memory_bytes((10, 5), np.float64):,} B" in lines["memory"]
    assert lab.cosines[0][2] == cosine_similarity(row, layer([0])[0])
    assert lab.view("ko").words[2] == "재미있다"


def test_size_keeps_the_id_when_it_fits_and_validation() -> None:
    lab = EmbeddingLab({"vocab": 20})
    assert lab.word_id == 1 and lab.view().words[7] == "w7"
    lab.set("word", 15)
    lab.set("size", 10)
    assert lab.word_id == 9
    with pytest.raises(SettingError, match=r"word must be an id 0\.\.9"):
        lab.set("word", 10)
    with pytest.raises(SettingError, match=r"size must be a whole number 1\.\.10000"):
        lab.set("size", 0)
    with pytest.raises(SettingError, match="preset only"):
        lab.set("vocab", 3)
    lab.set("tokens", 3)
    assert "T=3" in dict(lab.view().lines)["memory"]
    lab.reset()
    assert (lab.size, lab.word_id, lab.tokens) == (20, 1, 10)


def test_notes() -> None:
    lab = EmbeddingLab({"vocab": ["a", "b"], "word": "z", "dim": 99})
    assert lab.notes("en") == (
        "Preset value 'dim' ignored: dim must be a whole number 1..64",
        "'z' is not in the vocabulary",
    )
