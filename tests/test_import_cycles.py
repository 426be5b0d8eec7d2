"""No import cycles in rnntui, and no package imports one above it.

The layers, bottom to top (docs/architecture.md, "Layers"):

0. small top-level helpers (``rnntui`` itself, ``paths``, ``storage``, ``settings``,
   ``terminal_guard``, ``printable``, ``typed_numbers``, ``early_interrupt``...): they import
   only each other;
1. ``rnntui.nn``, the engine;
2. ``rnntui.lab`` and ``rnntui.demos`` (side by side: neither imports the other);
3. ``rnntui.content``; 4. ``rnntui.quiz``; 5. ``rnntui.codegen``; 6. ``rnntui.ui``;
7. the command modules: ``entry``, ``cli``, ``cli_help``, ``cli_options``, ``launch``,
   ``__main__`` and every top-level ``*_cmd``.

A new top-level module is a helper unless it is a command; a helper that imports a package
fails the test, so it must be put in a package or named as a command.

The import graph is read with ``ast`` from the source (one process, no module is run). Every
``import`` counts, also one inside a function (a lazy import hides a cycle, it does not remove
it), except those under ``if TYPE_CHECKING:``, which never run. ``from pkg import name`` points
at the module ``pkg.name`` when there is one, else at ``pkg`` itself.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from functools import cache
from pathlib import Path

import rnntui

ROOT = Path(rnntui.__file__).parent
PACKAGE_LAYERS = {
    "nn": 1,
    "lab": 2,
    "demos": 2,
    "content": 3,
    "quiz": 4,
    "codegen": 5,
    "ui": 6,
}
"""Each package of rnntui and its layer (higher may import lower, not the other way)."""
COMMANDS = frozenset({"entry", "cli", "cli_help", "cli_options", "launch", "__main__"})
"""Top-level command modules besides ``*_cmd`` (layer 7)."""
COMMAND_LAYER = 7


@cache
def module_files() -> dict[str, Path]:
    """Every module of rnntui by dotted name (a package by its own name)."""
    out = {}
    for path in ROOT.rglob("*.py"):
        parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(sub) for sub in ast.walk(node))
    return skipped


def import_graph(files: dict[str, Path]) -> dict[str, set[str]]:
    """Module -> the rnntui modules it imports."""

    def known(name: str) -> str | None:
        while name and name not in files:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        skipped = _type_checking_nodes(tree)
        targets: set[str | None] = set()
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            if isinstance(node, ast.Import):
                targets.update(known(alias.name) for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*up, base] if base else up)
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    targets.add(full if full in files else known(base))
        graph[name] = {t for t in targets if t is not None and t != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


@cache
def rnntui_graph() -> dict[str, set[str]]:
    """The import graph of the installed rnntui, read once per test run."""
    return import_graph(module_files())


def _in(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def layer_of(module: str) -> tuple[int, str]:
    """The layer of a module of rnntui and its group (the package, or ``helpers``/``commands``)."""
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in PACKAGE_LAYERS:
        return PACKAGE_LAYERS[parts[1]], parts[1]
    if len(parts) == 2 and (parts[1] in COMMANDS or parts[1].endswith("_cmd")):
        return COMMAND_LAYER, "commands"
    if len(parts) <= 2:
        return 0, "helpers"
    raise AssertionError(f"{module}: a package of rnntui missing from PACKAGE_LAYERS")


def upward_imports(
    graph: dict[str, set[str]], layer: Callable[[str], tuple[int, str]]
) -> set[tuple[str, str]]:
    """``(importer, imported)`` for every import of a higher layer, or of another group of the
    same layer (``lab`` and ``demos``); inside one group anything goes (cycles are checked
    apart)."""
    found = set()
    for name, targets in graph.items():
        level, group = layer(name)
        for target in targets:
            target_level, target_group = layer(target)
            if target_level > level or (target_level == level and target_group != group):
                found.add((name, target))
    return found


def test_the_checker_finds_a_cycle_and_a_lazy_one() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [["a", "b", "c"]]
    graph = rnntui_graph()
    assert "rnntui.nn.layer" in graph["rnntui.nn.dense"]  # a plain import is an edge
    assert "rnntui.nn.sequential" in graph["rnntui.nn.grad_trace"]  # so is a lazy one
    assert "rnntui.nn.recurrent" not in graph["rnntui.nn.bptt"]  # TYPE_CHECKING is not


def test_no_import_cycle_in_rnntui() -> None:
    assert cycles(rnntui_graph()) == []


def test_the_layer_checker_finds_an_upward_and_a_sideways_import() -> None:
    toy = {
        "rnntui.nn.a": {"rnntui.paths"},
        "rnntui.lab.b": {"rnntui.nn.a", "rnntui.demos.c"},  # sideways
        "rnntui.demos.c": {"rnntui.nn.a"},
        "rnntui.paths": {"rnntui.storage"},
        "rnntui.storage": {"rnntui.content.d"},  # a helper reaching up
        "rnntui.content.d": {"rnntui.quiz.e", "rnntui.lab.b"},  # up to the quiz
        "rnntui.quiz.e": {"rnntui.entry"},  # up to a command
        "rnntui.entry": {"rnntui.quiz.e", "rnntui.demo_cmd"},
        "rnntui.demo_cmd": {"rnntui.ui.f"},
        "rnntui.ui.f": set(),
    }
    assert upward_imports(toy, layer_of) == {
        ("rnntui.lab.b", "rnntui.demos.c"),
        ("rnntui.storage", "rnntui.content.d"),
        ("rnntui.content.d", "rnntui.quiz.e"),
        ("rnntui.quiz.e", "rnntui.entry"),
    }
    assert layer_of("rnntui.summary_cmd") == (COMMAND_LAYER, "commands")
    assert layer_of("rnntui.quiz.commands") == (4, "quiz")  # a command inside a package: its layer
    assert layer_of("rnntui") == layer_of("rnntui.typed_numbers") == (0, "helpers")


def test_no_package_imports_one_above_it() -> None:
    assert upward_imports(rnntui_graph(), layer_of) == set()


def test_every_package_of_rnntui_has_a_layer() -> None:
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py")}
    assert packages == set(PACKAGE_LAYERS)


def test_the_engine_imports_nothing_of_rnntui_above_it() -> None:
    graph = rnntui_graph()
    upward = {
        (name, target)
        for name, targets in graph.items()
        if _in(name, ("rnntui.nn",))
        for target in targets
        if not _in(target, ("rnntui.nn",))
    }
    assert upward == set()
