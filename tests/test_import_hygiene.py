"""The engine, lesson content and quiz logic never import Textual (nor Rich, for the engine)."""

from __future__ import annotations

import subprocess
import sys

import pytest

PURE = {
    "rnntui.nn": ("textual", "rich"),
    "rnntui.nn.spec": ("textual", "rich"),
    "rnntui.content.loader": ("textual",),
    "rnntui.content.commands": ("textual",),
    "rnntui.quiz": ("textual",),
    "rnntui.quiz.commands": ("textual",),
    "rnntui.settings": ("textual", "rich"),
    "rnntui.storage": ("textual", "rich"),
    "rnntui.cli": ("textual",),
    "rnntui.demos": ("textual", "rich"),
}


@pytest.mark.parametrize(("module", "forbidden"), sorted(PURE.items()))
def test_module_does_not_import(module: str, forbidden: tuple[str, ...]) -> None:
    code = (
        f"import importlib, sys; importlib.import_module({module!r}); "
        f"print(','.join(m for m in {forbidden!r} if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    if "ModuleNotFoundError" in result.stderr and module.split(".")[-1] in result.stderr:
        pytest.skip(f"{module} does not exist yet")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{module} imported {result.stdout.strip()}"
