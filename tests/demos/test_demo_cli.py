"""``rnntui demo``: plain next-word output and training without a terminal."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from rnntui.cli import app
from rnntui.demos import user_models
from rnntui.demos.next_word import NextWordLab
from rnntui.demos.vocab import BLANK, OOV


@pytest.fixture(autouse=True)
def private_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RNNTUI_STATE_DIR", str(tmp_path / "state"))


def engine_top(lang: str, words: list[str], k: int = 5) -> list[tuple[str, float]]:
    """Top words straight from the shipped engine model (not through the lab's view)."""
    lab = NextWordLab.shipped(lang)
    ids = [lab.vocab.words.index(w) if w in lab.vocab.words else OOV for w in words]
    probs = np.array(lab.model.predict(np.array([ids]))[0, -1])
    probs[[0, OOV, BLANK]] = 0.0
    probs /= probs.sum()
    order = np.argsort(-probs, kind="stable")[:k]
    return [(lab.vocab.words[i], float(probs[i])) for i in order]


def test_next_word_plain_korean() -> None:
    result = CliRunner().invoke(app, ["demo", "next-word", "--prompt", "나는 오늘"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    expected = engine_top("ko", ["나는", "오늘"])
    assert [line.split()[0] for line in lines] == [w for w, _ in expected]
    assert [float(line.split()[-1]) for line in lines] == pytest.approx(
        [p for _, p in expected], abs=5e-5
    )
    assert all(ord(c) < 0x2500 or c >= "\uac00" for c in result.output)  # no box glyphs


def test_next_word_json_reports_oov() -> None:
    result = CliRunner().invoke(app, ["demo", "next-word", "--prompt", "i ate zzzq", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["lang"] == "en" and doc["oov"] == ["zzzq"] and doc["model"] == "shipped"
    assert len(doc["top"]) == 5
    assert [t["word"] for t in doc["top"]] == [w for w, _ in engine_top("en", ["i", "ate", "zzzq"])]


def test_train_keeps_the_model_and_refuses_unknown_names() -> None:
    result = CliRunner().invoke(app, ["demo", "train", "next_word_ko", "--epochs", "1", "--keep"])
    assert result.exit_code == 0, result.output
    assert "next_word_ko 1/1 loss" in result.output  # one line per epoch without a terminal
    assert user_models.exists("next_word_ko")
    lab = NextWordLab.shipped("ko")
    kept = user_models.load_weights("next_word_ko", lab.model)
    assert kept is not None
    assert not all(np.allclose(a, b) for a, b in zip(kept, lab.model.get_weights(), strict=True))
    assert user_models.reset("next_word_ko") and not user_models.exists("next_word_ko")
    bad = CliRunner().invoke(app, ["demo", "train", "nxt_word_ko"])
    assert bad.exit_code == 2 and "next_word_ko" in bad.output
