"""Embedding panel: one-hot and dense vectors, the one_hot @ W check, bytes and cosines."""

from __future__ import annotations

import numpy as np

from rnntui.lab.format import fmt_int, fmt_signed
from rnntui.nn import Embedding
from rnntui.nn.similarity import cosine_similarity, memory_bytes
from rnntui.ui.panels.embedding import EmbeddingPanel
from rnntui.ui.widgets.choice import Choice
from rnntui.ui.widgets.stepper import Stepper

from .helpers import show_panel, shown


def table(size: int, dim: int) -> Embedding:
    layer = Embedding(size, dim, seed=0)
    layer.build((None, 10))
    return layer


def flat(text: str) -> str:
    """The text as one line with single spaces (undoes the panel's wrapping)."""
    return " ".join(text.split())


def vector(values: np.ndarray) -> str:
    return "[" + ", ".join(fmt_signed(float(v)) for v in values) + "]"


def check_memory(text: str, size: int, dim: int, tokens: int) -> None:
    """The four byte rows (float64 and float32, token and sentence) as memory_bytes says."""
    rows = [line.split() for line in text.splitlines() if "float" in line]
    expected = [(n, dtype) for n in (1, tokens) for dtype in (np.float64, np.float32)]
    assert len(rows) == 4
    for row, (count, dtype) in zip(rows, expected, strict=True):
        assert row[-4:] == [
            fmt_int(memory_bytes((count, size), dtype)),
            "B",
            fmt_int(memory_bytes((count, dim), dtype)),
            "B",
        ]
        assert row[0] == np.dtype(dtype).name


async def test_preset_word_vectors_check_memory(make_app) -> None:  # type: ignore[no-untyped-def]
    """deep-learning (id 1) in V=5, E=4: one-hot, W[1], the exact check, bytes, cosines."""
    app = make_app("embedding", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        assert isinstance(panel, EmbeddingPanel)
        layer = table(5, 4)
        vectors = shown(panel, "#vectors").splitlines()
        assert vectors[0] == "deep-learning: id 1; one-hot 5 numbers, dense 4"
        assert vectors[1] == "one-hot      [0, 1, 0, 0, 0]"
        assert vectors[2] == f"W[1]         {vector(layer.embeddings[1])}"
        check = shown(panel, "#check").splitlines()
        assert check[0] == f"one_hot @ W  {vector(panel.check.product[0, 0])}"
        assert check[0] == f"one_hot @ W  {vector(layer.embeddings[1])}"
        assert check[1] == "max |one_hot @ W - W[1]| = 0.0 (exactly equal)"
        assert panel.check is not None and panel.check.max_abs_diff == 0.0
        assert "20 parameters" in check[2] and "(5, 4)" in check[2]
        check_memory(shown(panel, "#memory"), 5, 4, 10)
        assert "40 B" in shown(panel, "#memory") and "32 B" in shown(panel, "#memory")
        words = ["I", "deep-learning", "fun", "study", "travel"]
        assert [row[0] for row in panel.cosines] == words
        for i, (_, hot, dense) in enumerate(panel.cosines):
            assert hot == (1.0 if i == 1 else 0.0)
            assert dense == cosine_similarity(layer.embeddings[1], layer.embeddings[i])
        lines = shown(panel, "#cosine").splitlines()
        assert lines[3].split() == ["deep-learning", "(itself)", "1.0000", "1.0000"]
        assert lines[2].split() == ["I", "0.0000", fmt_signed(panel.cosines[0][2]).strip()]
        assert lines[4].split()[:2] == ["fun", "0.0000"]
        assert panel.last_error is None


async def test_word_choice_and_typed_word(make_app) -> None:  # type: ignore[no-untyped-def]
    """Right picks the next word; Enter accepts a typed word; the vectors follow."""
    app = make_app("embedding", "ko")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        word = panel.query_one("#word", Choice)
        word.focus()
        await pilot.press("right")
        await pilot.pause()
        assert word.choice == "재미있다"
        layer = table(5, 4)
        assert shown(panel, "#vectors").splitlines()[1].endswith("[0, 0, 1, 0, 0]")
        assert vector(layer.embeddings[2]) in shown(panel, "#vectors")
        await pilot.press("enter", *"여행", "enter")
        await pilot.pause()
        assert word.choice == "여행" and int(word.value) == 4
        assert "원-핫        [0, 0, 0, 0, 1]" in shown(panel, "#vectors")
        assert "여행: id 4; 원-핫 숫자 5개, 밀집 4개" in shown(panel, "#vectors")
        assert "(정확히 같음)" in shown(panel, "#check")
        assert panel.last_error is None


async def test_big_vocabulary_dim_and_tokens(make_app) -> None:  # type: ignore[no-untyped-def]
    """V = 10,000 (typed): the one-hot vector is summarised; E = 16 and T = 20 in the bytes."""
    app = make_app("embedding", "en")
    async with app.run_test(size=(120, 36)) as pilot:
        panel = await show_panel(pilot)
        panel.query_one("#vocab", Stepper).focus()
        await pilot.press("enter", *"10000", "enter")
        panel.query_one("#dim", Stepper).focus()
        await pilot.press("pageup", "pageup", "pagedown", "right", "right", "right", "right")
        panel.query_one("#tokens", Stepper).focus()
        await pilot.press("pageup")
        await pilot.pause()
        assert panel.query_one("#dim", Stepper).value == 16
        vectors = shown(panel, "#vectors").splitlines()
        assert vectors[0].endswith("one-hot 10,000 numbers, dense 16")
        assert vectors[1] == "one-hot      a single 1 at slot 1, 9,999 zeros"
        layer = table(10_000, 16)
        assert flat(shown(panel, "#vectors")).endswith(flat(f"W[1] {vector(layer.embeddings[1])}"))
        check_memory(shown(panel, "#memory"), 10_000, 16, 20)
        assert "80,000 B" in shown(panel, "#memory")  # one float64 one-hot token
        assert len(panel.cosines) == 8  # the first eight ids
        assert panel.cosines[7][0] == "w7"
        word = panel.query_one("#word", Choice)
        word.focus()
        await pilot.press("enter", *"9999", "enter")  # an id is accepted too
        await pilot.pause()
        assert word.choice == "w9999"
        assert "a single 1 at slot 9999" in shown(panel, "#vectors")
        panel.query_one("#vocab", Stepper).focus()
        await pilot.press("enter", *"3", "enter")  # the word list shrinks, the id is clamped
        await pilot.pause()
        assert word.choice == "fun" and "[0, 0, 1]" in shown(panel, "#vectors")
        assert panel.last_error is None


def test_presets() -> None:
    panel = EmbeddingPanel({"vocab": 50, "dim": 100, "word": ""}, "en")
    assert panel.lab.size == 50 and panel.lab.dim == 4
    assert panel.lab.words(3, "en") == ["w0", "w1", "w2"]
    panel = EmbeddingPanel({"vocab": ["a", "a"]}, "ko")
    assert panel.notes and panel.lab.named_words("ko")[0] == "나는"
