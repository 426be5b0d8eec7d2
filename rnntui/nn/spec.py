"""Parse a model SPEC such as ``Input(20) Embedding(1000,16) GRU(32) Dense(1)`` safely.

Each space-separated item is a Keras-style constructor call. Items are parsed with ``ast`` and
only literal arguments (numbers, strings, True/False/None) and nested layer calls are accepted:
nothing is evaluated.
"""

from __future__ import annotations

import ast
from typing import Any

from rnntui.nn.bidirectional import Bidirectional
from rnntui.nn.dense import Dense, Dropout
from rnntui.nn.embedding import Embedding
from rnntui.nn.gru import GRU
from rnntui.nn.layer import Layer
from rnntui.nn.lstm import LSTM
from rnntui.nn.pooling import GlobalAveragePooling1D
from rnntui.nn.sequential import Sequential, StackError
from rnntui.nn.simple_rnn import SimpleRNN

LAYERS: dict[str, type] = {
    "SimpleRNN": SimpleRNN,
    "LSTM": LSTM,
    "GRU": GRU,
    "Embedding": Embedding,
    "Dense": Dense,
    "Dropout": Dropout,
    "Bidirectional": Bidirectional,
    "GlobalAveragePooling1D": GlobalAveragePooling1D,
}
EXAMPLE = (
    "Input(20) Embedding(1000,16) Bidirectional(LSTM(16,return_sequences=True)) GRU(32) Dense(1)"
)


class SpecError(ValueError):
    """The SPEC cannot be parsed, or the stack it describes is invalid."""


def split_items(spec: str) -> list[str]:
    """Split at spaces that are outside parentheses and quotes."""
    items, depth, current, quote = [], 0, [], ""
    for ch in spec:
        if quote:
            current.append(ch)
            if ch == quote:
                quote = ""
            continue
        if ch in "'\"":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise SpecError(f"Unbalanced ')' in {spec!r}")
        if ch.isspace() and depth == 0:
            if current:
                items.append("".join(current))
                current = []
            continue
        current.append(ch)
    if depth != 0 or quote:
        raise SpecError(f"Unbalanced parentheses or quotes in {spec!r}")
    if current:
        items.append("".join(current))
    return items


def _literal(node: ast.AST, item: str) -> Any:
    if isinstance(node, ast.Constant) and isinstance(
        node.value, (int, float, str, bool, type(None))
    ):
        return node.value
    if (
        isinstance(node, ast.UnaryOp)
        and isinstance(node.op, ast.USub)
        and isinstance(node.operand, ast.Constant)
        and isinstance(node.operand.value, (int, float))
    ):
        return -node.operand.value
    if isinstance(node, ast.Call):
        return _layer(node, item)
    raise SpecError(f"Only numbers, strings, True/False/None and layers are allowed: {item!r}")


def _call_parts(node: ast.Call, item: str) -> tuple[str, list[Any], dict[str, Any]]:
    if not isinstance(node.func, ast.Name):
        raise SpecError(f"Expected a name like LSTM(...) in {item!r}")
    args = [_literal(a, item) for a in node.args]
    kwargs = {}
    for kw in node.keywords:
        if kw.arg is None:
            raise SpecError(f"'**' is not allowed in {item!r}")
        kwargs[kw.arg] = _literal(kw.value, item)
    return node.func.id, args, kwargs


def _layer(node: ast.Call, item: str) -> Layer:
    name, args, kwargs = _call_parts(node, item)
    cls = LAYERS.get(name)
    if cls is None:
        known = ", ".join(["Input", *LAYERS])
        raise SpecError(f"Unknown layer {name!r} in {item!r}. Known: {known}")
    try:
        return cls(*args, **kwargs)
    except TypeError as err:
        raise SpecError(f"{item}: {err}") from None
    except ValueError as err:
        raise SpecError(f"{item}: {err}") from None


def _parse_call(item: str) -> ast.Call:
    try:
        tree = ast.parse(item, mode="eval")
    except SyntaxError:
        raise SpecError(
            f"Cannot read {item!r}: write it like LSTM(32,return_sequences=True)"
        ) from None
    if not isinstance(tree.body, ast.Call):
        raise SpecError(f"Expected a constructor call like GRU(32), got {item!r}")
    return tree.body


def parse_spec(spec: str, draw_weights: bool = True) -> Sequential:
    """Build the model a SPEC describes. The first item must be ``Input(T)`` or ``Input(T, D)``.

    ``draw_weights=False`` skips the random initializers (zero weights): enough for shapes,
    parameter counts and summaries, and much faster.
    """
    items = split_items(spec)
    if not items:
        raise SpecError(f"Empty spec. Example: {EXAMPLE}")
    head = _parse_call(items[0])
    name, args, kwargs = _call_parts(head, items[0])
    if name != "Input" or kwargs or not 1 <= len(args) <= 2:
        raise SpecError(
            f"A spec starts with Input(T) for token ids or Input(T, D) for vectors, got "
            f"{items[0]!r}. Example: {EXAMPLE}"
        )
    if not all(isinstance(a, int) and not isinstance(a, bool) and a > 0 for a in args):
        raise SpecError(f"Input sizes must be positive integers, got {items[0]!r}")
    layers = [_layer(_parse_call(item), item) for item in items[1:]]
    if not layers:
        raise SpecError(f"Add at least one layer after {items[0]}. Example: {EXAMPLE}")
    try:
        return Sequential(layers, input_shape=(None, *args), draw_weights=draw_weights)
    except StackError as err:
        raise SpecError(str(err)) from None
