"""The pure packages never import Textual (nor Rich, for the engine and the labs): every module
of each package is imported, one after the other, and the first one that loads a forbidden
package is named."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import pytest

PURE = {
    "rnntui.nn": ("textual", "rich"),
    "rnntui.lab": ("textual", "rich"),
    "rnntui.content": ("textual",),
    "rnntui.quiz": ("textual",),
    "rnntui.settings": ("textual", "rich"),
    "rnntui.storage": ("textual", "rich"),
    "rnntui.cli": ("textual",),
    "rnntui.demos": ("textual", "rich"),
    "rnntui.codegen": ("textual", "rich"),
    "rnntui.printable": ("textual", "rich"),
    "rnntui.typed_numbers": ("textual", "rich"),
    "rnntui.early_interrupt": ("textual", "rich"),
    "rnntui.cli_options": ("textual", "rich", "typer"),
    "rnntui.entry": ("textual", "rich", "typer"),
}

PROBE = """
import importlib, sys
forbidden = {forbidden!r}
for name in {modules!r}:
    importlib.import_module(name)
    loaded = [m for m in forbidden if m in sys.modules]
    if loaded:
        print(name, "imported", ",".join(loaded))
        break
"""


def modules_of(package: str) -> list[str]:
    """``package`` and, if it is a package, every module below it."""
    module = importlib.import_module(package)
    names = [package]
    if hasattr(module, "__path__"):
        names += sorted(
            info.name for info in pkgutil.walk_packages(module.__path__, prefix=package + ".")
        )
    return names


def test_every_pure_package_is_listed_with_its_modules() -> None:
    assert "rnntui.lab.recurrent" in modules_of("rnntui.lab")
    assert "rnntui.lab.specs" in modules_of("rnntui.lab")
    assert len(modules_of("rnntui.nn")) > 10


@pytest.mark.parametrize(("package", "forbidden"), sorted(PURE.items()))
def test_package_does_not_import(package: str, forbidden: tuple[str, ...]) -> None:
    code = PROBE.format(forbidden=forbidden, modules=modules_of(package))
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_the_probe_names_the_module_that_loads_textual() -> None:
    code = PROBE.format(forbidden=("textual",), modules=["rnntui.lab.spec", "rnntui.ui.app"])
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.stdout.strip() == "rnntui.ui.app imported textual"


def test_the_engine_imports_no_model_loader() -> None:
    """The panels import ``rnntui.nn`` at once (a wide start, F4): the model loader
    (vocabularies, file formats, messages; ~20 ms) comes only with ``load_model``."""
    import subprocess
    import sys

    code = (
        "import sys, rnntui.nn as nn\n"
        "print('rnntui.nn.loading' in sys.modules)\n"
        "nn.load_model\n"
        "print('rnntui.nn.loading' in sys.modules, nn.LoadError.__module__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True", "rnntui.nn.loading.errors"]
