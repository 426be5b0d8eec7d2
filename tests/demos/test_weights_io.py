"""Shipped-weight files: round trip, float32 storage, no pickle, readable, a clear message."""

from __future__ import annotations

import stat
from pathlib import Path

import numpy as np
import pytest

from rnntui.demos import weights_io
from rnntui.demos.models import ModelSpec, build_model
from rnntui.demos.train import recipes
from rnntui.demos.vocab import Vocabulary


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    vocab = Vocabulary.from_sentences(["a b c .", "b c ."])
    spec = ModelSpec("next_word", "en", cell="gru", vocab_size=len(vocab), units=4, embed_dim=3)
    model = build_model(spec)
    npz, meta = weights_io.save("tiny", model, spec, vocab, {"loss": 1.5}, tmp_path)
    assert stat.S_IMODE(npz.stat().st_mode) == stat.S_IMODE(meta.stat().st_mode) == 0o644
    with np.load(npz, allow_pickle=False) as data:
        assert all(data[k].dtype == np.float32 for k in data.files)
    loaded = weights_io.load("tiny", tmp_path)
    assert loaded.spec == spec and loaded.vocab.words == vocab.words
    assert loaded.figures == {"loss": 1.5}
    for a, b in zip(loaded.model.get_weights(), model.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b.astype(np.float32).astype(np.float64))


def test_missing_weights_name_the_retrain_command(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"python -m rnntui\.demos\.train"):
        weights_io.load("nothing", tmp_path)


def test_every_recipe_is_shipped_and_small() -> None:
    total = 0
    for recipe in recipes():
        loaded = weights_io.load(recipe.name)
        assert loaded.spec.task == recipe.spec.task
        assert loaded.spec.bidirectional == recipe.spec.bidirectional
        assert loaded.figures["epochs"] == recipe.epochs
        total += sum(
            (weights_io.WEIGHTS_DIR / f"{recipe.name}{ext}").stat().st_size
            for ext in (".npz", ".json")
        )
    assert total < 600_000


def test_train_script_refuses_an_unknown_model(capsys: pytest.CaptureFixture[str]) -> None:
    from rnntui.demos.train import main

    assert main(["--only", "no_such_model"]) == 2
    assert "next_word_ko" in capsys.readouterr().out
