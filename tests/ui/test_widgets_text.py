"""The shared text-panel helpers in ``rnntui/ui/widgets/``: ``wrap`` and ``Choice`` (no app)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from rnntui.ui.widgets.choice import Choice
from rnntui.ui.widgets.wrap import wrap


def test_wrap_breaks_at_spaces_by_cells_and_keeps_the_indent() -> None:
    assert wrap("나는 학교에 간다", 8) == "나는\n학교에\n간다"  # Hangul: two cells a syllable
    assert wrap("  one two three", 9) == "  one two\n  three"
    assert wrap("a  b", 10) == "a  b" and wrap("", 5) == "" and wrap("x\n\ny", 3) == "x\n\ny"
    assert wrap("averyveryverylongword next", 5) == "averyveryverylongword\nnext"


@given(st.text(alphabet="ab 가나\n", max_size=60), st.integers(4, 30))
def test_wrap_keeps_every_word_and_fits_where_it_can(text: str, width: int) -> None:
    out = wrap(text, width)
    assert out.split() == text.split()
    for line in out.split("\n"):
        assert cell_len(line) <= width or " " not in line.strip()


def test_choice_reads_a_name_or_an_index_and_names_the_options() -> None:
    choice = Choice("layer", ("SimpleRNN", "LSTM", "GRU"), 1, lang="en")
    assert choice.choice == "LSTM" and choice.text() == "LSTM"
    assert choice.validate(" GRU ") == 2.0 and choice.validate("０") == 0.0
    with pytest.raises(ValueError, match="choose one of SimpleRNN, LSTM, GRU"):
        choice.validate("RNN")
    korean = Choice("층", ("LSTM", "GRU"), lang="ko")
    with pytest.raises(ValueError, match="다음 중에서 고르세요: LSTM, GRU"):
        korean.validate("7")
