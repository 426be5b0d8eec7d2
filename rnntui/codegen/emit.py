"""Writing a generated script: literal arrays (full float64 repr), comments in the reader's
language, the header of each framework and the self-check at the end. Pure stdlib + NumPy."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

FRAMEWORKS = ("keras", "torch")
ATOL = 1e-6
"""Tolerance of every self-check: Keras 3 computes some paths in float32 even when asked for
float64 (rnn-semantics.md section 9), about 1e-7 from float64."""
MATCH_LINE = "OK: matches rnntui"
"""What a script prints last when every check passed (tests look for it)."""


def number(value: float) -> str:
    """A float as Python source that reads back to the same float64."""
    value = float(value)
    if not np.isfinite(value):
        raise ValueError("generated code holds finite numbers only")
    text = repr(value)
    return "0.0" if text == "-0.0" else text


def literal(values: Any, indent: int = 0) -> str:
    """``np.array([...])`` of ``values`` (nested lists, one innermost row per line)."""
    array = np.asarray(values, dtype=np.float64)
    return f"np.array({_nested(array, indent)})"


def _nested(array: np.ndarray, indent: int) -> str:
    if array.ndim == 0:
        return number(float(array))
    if array.ndim == 1:
        return "[" + ", ".join(number(v) for v in array) + "]"
    pad = " " * (indent + 4)
    inner = [_nested(row, indent + 4) for row in array]
    return "[\n" + "".join(f"{pad}{part},\n" for part in inner) + " " * indent + "]"


def int_literal(values: Any) -> str:
    """``np.array([[1, 0, 2]])`` of whole numbers."""
    return f"np.array({np.asarray(values, dtype=np.int64).tolist()!r})"


class Script:
    """Lines of a generated script, with comments in ``lang`` ("ko" or "en")."""

    def __init__(self, lang: str, framework: str) -> None:
        if framework not in FRAMEWORKS:
            raise ValueError(f"framework must be one of {', '.join(FRAMEWORKS)}")
        self.lang = lang
        self.framework = framework
        self.lines: list[str] = []

    @property
    def keras(self) -> bool:
        """True for the Keras 3 script."""
        return self.framework == "keras"

    def words(self, en: str, ko: str) -> str:
        """The Korean or the English text."""
        return ko if self.lang == "ko" else en

    def add(self, *lines: str) -> None:
        """Code lines (each may hold several lines)."""
        for line in lines:
            self.lines.extend(line.split("\n"))

    def comment(self, en: str, ko: str, indent: int = 0) -> None:
        """A ``# ...`` comment in the script's language (one line per ``\\n``)."""
        for part in self.words(en, ko).split("\n"):
            self.lines.append(" " * indent + "# " + part)

    def blank(self) -> None:
        """An empty line."""
        self.lines.append("")

    def header(self, title_en: str, title_ko: str) -> None:
        """The docstring-like title, imports and (Keras) float64."""
        fw = "Keras 3" if self.keras else "PyTorch"
        self.comment(
            f"rnntui: {title_en} -- rebuilt in {fw}. Run it: python this_file.py (or in Colab).",
            f"rnntui: {title_ko} -- {fw}로 다시 만든 코드. 실행: python 이_파일.py (Colab도 됨).",
        )
        self.comment(
            "It ends by checking its numbers against the ones rnntui showed.",
            "마지막에 rnntui가 보여 준 숫자와 같은지 스스로 확인합니다.",
        )
        if self.keras:
            self.add("import os", "")
            self.comment(
                "Any Keras backend works; rnntui's tests use torch.",
                "Keras 백엔드는 무엇이든 됩니다. rnntui 테스트는 torch를 씁니다.",
            )
            self.add('os.environ.setdefault("KERAS_BACKEND", "torch")', "")
            self.add("import keras", "import numpy as np", "")
            self.comment(
                "Keras computes in float32 by default; float64 as rnntui. Some Keras paths still\n"
                f"round to float32 (about 1e-7), hence the tolerance ATOL = {ATOL:g} below.",
                "Keras는 기본으로 float32로 계산합니다. rnntui처럼 float64로 바꿉니다.\n"
                "그래도 일부 계산은 float32로 반올림되므로(약 1e-7)\n"
                f"아래에서 허용 오차 ATOL = {ATOL:g}를 씁니다.",
            )
            self.add('keras.config.set_floatx("float64")')
        else:
            self.add("import numpy as np", "import torch", "")
            self.comment(
                "float64 as rnntui (torch's default is float32).",
                "rnntui처럼 float64를 씁니다 (torch 기본값은 float32).",
            )
            self.add("torch.set_default_dtype(torch.float64)")
        self.add(f"ATOL = {ATOL!r}", "")

    def shown(self, name: str, values: Any, en: str, ko: str) -> None:
        """``name = np.array(...)``: numbers rnntui showed, for the final check."""
        self.comment(en, ko)
        self.add(f"{name} = {literal(values)}")

    def check(self, got: str, shown: str, en: str, ko: str) -> None:
        """``np.testing.assert_allclose(got, shown, atol=ATOL)`` with a comment."""
        self.comment(en, ko)
        self.add(f"np.testing.assert_allclose({got}, {shown}, atol=ATOL)")

    def footer(self) -> None:
        """The line saying every check passed."""
        self.blank()
        self.add(f'print("{MATCH_LINE}")')

    def text(self) -> str:
        """The whole script."""
        return "\n".join(self.lines).rstrip() + "\n"


def to_numpy(script: Script, expr: str) -> str:
    """Source that turns a framework tensor ``expr`` into a NumPy array."""
    if script.keras:
        return f"keras.ops.convert_to_numpy({expr})"
    return f"{expr}.detach().numpy()"


def join(items: Iterable[str]) -> str:
    """``a, b, c``."""
    return ", ".join(items)


def py(value: Any) -> str:
    """A Python literal (strings, numbers, tuples of them)."""
    return repr(value)


def rows(values: Sequence[Sequence[float]]) -> np.ndarray:
    """Per-unit rows (as views hold them) -> a (T, units) array."""
    return np.asarray(values, dtype=np.float64).T
