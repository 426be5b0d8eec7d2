"""No import cycles in the engine (``rnntui.nn``) or the labs (``rnntui.lab``), and the engine
imports nothing of rnntui above it.

The import graph is read with ``ast`` from the source (one process, no module is run). Every
``import`` counts, also one inside a function (a lazy import hides a cycle, it does not remove
it), except those under ``if TYPE_CHECKING:``, which never run. ``from pkg import name`` points
at the module ``pkg.name`` when there is one, else at ``pkg`` itself.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import rnntui

ROOT = Path(rnntui.__file__).parent
CHECKED = ("rnntui.nn", "rnntui.lab")


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


def test_the_checker_finds_a_cycle_and_a_lazy_one() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [["a", "b", "c"]]
    graph = rnntui_graph()
    assert "rnntui.nn.layer" in graph["rnntui.nn.dense"]  # a plain import is an edge
    assert "rnntui.nn.sequential" in graph["rnntui.nn.grad_trace"]  # so is a lazy one
    assert "rnntui.nn.recurrent" not in graph["rnntui.nn.bptt"]  # TYPE_CHECKING is not


def test_no_import_cycle_in_the_engine_or_the_labs() -> None:
    found = [g for g in cycles(rnntui_graph()) if any(_in(m, CHECKED) for m in g)]
    assert found == []


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
