"""The one number formatter (``rnntui.lab.format``): the labs and the UI print with it."""

from __future__ import annotations

import ast
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

import numpy as np

import rnntui
from rnntui.lab.format import cells, fmt, fmt_int, fmt_signed, pad, paren, short


def _rounded(value: float, decimals: int) -> str:
    """The exact binary value rounded half-even by ``decimal`` (an independent path)."""
    text = str(Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN))
    return "0" + text[2:] if text.startswith("-") and Decimal(text) == 0 else text


def test_fmt_rounds_as_the_exact_value_does() -> None:
    values = [0.0, -0.0, -0.00004, 0.00005, -1e-300, 0.73105857, 2.5, -2.5, *np.linspace(-3, 3, 61)]
    for v in values:
        for decimals in (0, 2, 4):
            assert fmt(v, decimals) == _rounded(float(v), decimals), (v, decimals)
    assert fmt(0.73105857) == "0.7311"
    assert fmt(-0.0) == fmt(-0.00004) == fmt(-1e-300) == "0.0000"  # never "-0.0000"
    assert fmt(-0.5) == "-0.5000" and fmt(1e300, 0) == str(int(1e300))
    assert fmt(np.float32(0.1)) == "0.1000" and fmt(np.float64(-1.23456)) == "-1.2346"


def test_fmt_signed_and_fmt_int() -> None:
    assert fmt_signed(0.5) == " 0.5000" and fmt_signed(-0.5) == "-0.5000"
    assert fmt_signed(-0.00001) == " 0.0000"
    assert fmt_int(12345) == "12,345" and fmt_int(0) == "0" and fmt_int(-1234567) == "-1,234,567"


def test_paren_and_short() -> None:
    assert paren(-0.5) == "(-0.5000)" and paren(-0.00001) == "0.0000"
    assert short(1.0) == "1.00" and short(0.1234) == "0.1234" and short(-1.1) == "-1.10"


def test_cells_count_as_rich_does() -> None:
    from rich.cells import cell_len

    for text in ("I go to school", "나는 학교에 간다", "토큰", "h_{t-1}", "e\u0301", "ＡＢ"):
        assert cells(text) == cell_len(text), text
    assert pad("토큰", 5) == "토큰 " and pad("토큰", 6, right=True) == "  토큰"


def test_one_definition_of_fmt_and_of_parse_number() -> None:
    """No module of rnntui defines its own ``fmt``/``fmt_signed``/``fmt_int``/``parse_number``
    again."""
    root = Path(rnntui.__file__).parent
    found: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.col_offset == 0:
                if node.name in ("fmt", "fmt_signed", "fmt_int", "parse_number"):
                    where = path.relative_to(root).as_posix()
                    found.setdefault(node.name, []).append(where)
    assert found == {
        "fmt": ["lab/format.py"],
        "fmt_signed": ["lab/format.py"],
        "fmt_int": ["lab/format.py"],
        "parse_number": ["typed_numbers.py"],
    }
