"""Find the model in pasted Keras code: the ``Sequential([...])`` list or ``model.add(...)`` calls.

Read with ``ast`` only, never run. What comes back is a SPEC that ``rnntui.nn.spec`` reads.
"""

from __future__ import annotations

import ast

from rnntui.nn.spec import SpecError, call_name


def _sequential_list(tree: ast.AST) -> list[ast.expr] | None:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and call_name(node.func) == "Sequential":
            if node.args and isinstance(node.args[0], ast.List | ast.Tuple):
                return list(node.args[0].elts)
            for kw in node.keywords:
                if kw.arg == "layers" and isinstance(kw.value, ast.List | ast.Tuple):
                    return list(kw.value.elts)
    return None


def _added(tree: ast.Module) -> list[ast.expr]:
    """The arguments of ``<name>.add(...)`` statements, in source order."""
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "add"
            and len(node.args) == 1
            and isinstance(node.args[0], ast.Call)
        ):
            found.append(node)
    found.sort(key=lambda n: (n.lineno, n.col_offset))
    return [n.args[0] for n in found]


def spec_from_source(text: str) -> str:
    """The SPEC in ``text``: a Sequential model in Python code, else ``text`` itself."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return " ".join(text.split())  # a plain SPEC over several lines
    if len(tree.body) == 1 and isinstance(tree.body[0], ast.Expr):
        return text.strip()
    items = _sequential_list(tree)
    if not items:
        items = _added(tree) or items
    if not items:
        raise SpecError(
            "No model found: paste a Sequential([...]) list or model.add(...) lines "
            "(the functional API is not read)"
        )
    return "[" + ", ".join(ast.unparse(item) for item in items) + "]"
