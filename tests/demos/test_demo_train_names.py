"""``rnntui demo train NAME``: every demo the runner can train is offered, named in the help (en,
ko), and the overfitting and dropout demos train as their panels' ``t`` does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rnntui.cli import app
from rnntui.demo_cmd import known_names
from rnntui.demos import results
from rnntui.demos.corpus import LANGS
from rnntui.demos.overfit import OverfitLab
from rnntui.demos.train import recipes

NAME = re.compile(r"\b[a-z]+(?:_[A-Za-z]+)+\b|\b(?:remember|overfit|dropout)\b")
"""A model name in the help: ``next_word_LANG``, ``fill_blank_LANG_bi``, ``remember``, ..."""


@pytest.fixture(autouse=True)
def english_student(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A private state folder and an English locale (the corpus the curves demos train on)."""
    monkeypatch.setenv("RNNTUI_STATE_DIR", str(tmp_path / "state"))
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")


def help_names(args: list[str]) -> set[str]:
    """The model names the NAME argument's help lists (``LANG`` expanded to each language)."""
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    listed = text.split("NAME <str>", 1)[1].split("--epochs", 1)[0]
    names: set[str] = set()
    for word in NAME.findall(listed):
        names |= {word.replace("LANG", lang) for lang in LANGS}
    return names


def test_every_trainable_demo_is_offered() -> None:
    """What the runner trains (``python -m rnntui.demos.train --only NAME``) is what the CLI
    accepts: the shipped models and the three result demos, overfit and dropout among them."""
    runner_names = {r.name for r in recipes()} | set(results.NAMES)
    assert {"overfit", "dropout", "remember"} <= runner_names
    assert set(known_names()) == runner_names


@pytest.mark.parametrize(
    ("args", "word"),
    [
        (["demo", "train", "--help"], "or"),
        (["--lang", "ko", "demo", "train", "--help"], "또는"),
    ],
)
def test_the_help_names_every_model(args: list[str], word: str) -> None:
    """The NAME help, in English and Korean, lists exactly the names ``train`` accepts."""
    assert help_names(args) == set(known_names())
    assert word in CliRunner().invoke(app, args).output


@pytest.mark.parametrize("name", ["overfit", "dropout"])
def test_a_tiny_run_trains_each_variant_as_the_panel_does(name: str) -> None:
    """One epoch per variant: a progress line per epoch and a closing line per variant, with
    the numbers the lab gives for the same seeded run."""
    result = CliRunner().invoke(app, ["demo", "train", name, "--epochs", "1"])
    assert result.exit_code == 0, result.output
    variants = results.CURVE_VARIANTS[name]
    assert f"{name} (en corpus" in result.output
    lab = OverfitLab("en", epochs=1)
    for k, variant in enumerate(variants):
        assert f"{name} {k + 1}/{len(variants)} {variant.label} loss" in result.output
        c = lab.run(variant)
        assert len(c.loss) == len(c.val_loss) == 1
        closing = f"  {variant.label}: loss {c.loss[-1]:.4f}, val_loss {c.val_loss[-1]:.4f},"
        assert closing in result.output, result.output
