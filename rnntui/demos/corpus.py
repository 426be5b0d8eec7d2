"""The shipped corpora: a few hundred short everyday sentences per language (one per line)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

CORPUS_DIR = Path(__file__).with_name("corpus")
LANGS = ("ko", "en")


def check_lang(lang: str) -> str:
    """``lang`` if it is a shipped corpus language, else a ValueError naming the choices."""
    if lang not in LANGS:
        raise ValueError(f"unknown corpus language {lang!r}; use one of {', '.join(LANGS)}")
    return lang


def load_sentences(lang: str) -> list[str]:
    """The sentences of one corpus, NFC, blank lines and ``#`` comments left out."""
    text = (CORPUS_DIR / f"{check_lang(lang)}.txt").read_text(encoding="utf-8")
    lines = (unicodedata.normalize("NFC", line).strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def split_held_out(sentences: list[str], every: int = 5) -> tuple[list[str], list[str]]:
    """(train, held out): every ``every``-th sentence (the 5th, 10th, ...) is held out."""
    train = [s for i, s in enumerate(sentences) if i % every != every - 1]
    held = [s for i, s in enumerate(sentences) if i % every == every - 1]
    return train, held
