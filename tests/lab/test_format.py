"""The lab prints numbers exactly as the UI does."""

from __future__ import annotations

import numpy as np

from rnntui.lab.format import cells, fmt, fmt_int, pad, paren, short
from rnntui.ui import format as ui_format


def test_fmt_agrees_with_the_ui() -> None:
    values = [0.0, -0.0, -0.00004, 0.00005, 1e300, -1e-300, 0.73105857, *np.linspace(-3, 3, 61)]
    for v in values:
        for decimals in (0, 2, 4):
            assert fmt(v, decimals) == ui_format.fmt(v, decimals)
    assert fmt_int(12345) == ui_format.fmt_int(12345) == "12,345"


def test_paren_and_short() -> None:
    assert paren(-0.5) == "(-0.5000)" and paren(-0.00001) == "0.0000"
    assert short(1.0) == "1.00" and short(0.1234) == "0.1234" and short(-1.1) == "-1.10"


def test_cells_count_as_rich_does() -> None:
    from rich.cells import cell_len

    for text in ("I go to school", "나는 학교에 간다", "토큰", "h_{t-1}", "e\u0301", "ＡＢ"):
        assert cells(text) == cell_len(text), text
    assert pad("토큰", 5) == "토큰 "
