"""Parse a model SPEC such as ``Input(20) Embedding(1000,16) GRU(32) Dense(1)`` safely.

A SPEC is a list of Keras-style constructor calls: space- or comma-separated, or written as a
student pastes it from a notebook (``keras.Sequential([keras.Input(shape=(20,)),
layers.LSTM(32, return_sequences=True)])``). Everything is read with ``ast`` and only literal
arguments (numbers, strings, tuples, True/False/None) and nested layer calls are accepted:
nothing is evaluated.

``plan_spec`` works out shapes and parameter counts from the layers' configuration alone (no
weight is allocated, so ``LSTM(100000)`` costs nothing); ``parse_spec`` builds the model and
refuses one larger than ``MAX_BUILD_PARAMS``.
"""

from __future__ import annotations

import ast
import difflib
import inspect
import math
from dataclasses import dataclass
from typing import Any

from rnntui.nn.kinds import KINDS
from rnntui.nn.layer import Layer, Shape
from rnntui.nn.sequential import ModelSummary, Sequential, StackError, SummaryRow

LAYERS: dict[str, type] = {kind.name: kind.cls for kind in KINDS}
"""The SPEC's layer constructors: the catalogue ``rnntui.nn.kinds.KINDS``."""
EXAMPLE = (
    "Input(20) Embedding(1000,16) Bidirectional(LSTM(16,return_sequences=True)) GRU(32) Dense(1)"
)
USAGE = {
    **{kind.name: kind.usage for kind in KINDS},
    "Input": "Input(shape=(20,)) or Input(shape=(5, 10))",
}
IGNORED_ARGS = frozenset(
    {
        "kernel_initializer",
        "recurrent_initializer",
        "bias_initializer",
        "embeddings_initializer",
        "kernel_regularizer",
        "recurrent_regularizer",
        "bias_regularizer",
        "activity_regularizer",
        "embeddings_regularizer",
        "kernel_constraint",
        "recurrent_constraint",
        "bias_constraint",
        "embeddings_constraint",
        "dtype",
        "trainable",
        "stateful",
        "unroll",
        "implementation",
        "input_length",
        "noise_shape",
        "weights",
        "lora_rank",
        "use_cudnn",
    }
)
"""Keras arguments that change neither shapes nor parameter counts: accepted and skipped."""
MAX_BUILD_PARAMS = 20_000_000
"""``parse_spec`` refuses to allocate more weights than this (160 MB of float64)."""
BYTES_PER_PARAM = 4
"""Keras' summary sizes assume float32 weights."""


class SpecError(ValueError):
    """The SPEC cannot be parsed, or the stack it describes is invalid (then ``stack`` holds
    the ``StackError``, with Keras' message and the hint in English and Korean)."""

    def __init__(self, message: str, stack: StackError | None = None) -> None:
        super().__init__(message)
        self.stack = stack

    def text(self, lang: str = "en") -> str:
        """The message; for an invalid stack, Keras' message and the hint in ``lang``."""
        if self.stack is not None and lang == "ko":
            return f"{self.stack.keras_message}\n{self.stack.hint_ko}"
        return str(self)


# -- reading the text -------------------------------------------------------------------------
def split_items(spec: str) -> list[str]:
    """Split at spaces and commas that are outside parentheses, brackets and quotes."""
    items, depth, current, quote = [], 0, [], ""
    for ch in spec:
        if quote:
            current.append(ch)
            if ch == quote:
                quote = ""
            continue
        if ch in "'\"":
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
            if depth < 0:
                raise SpecError(f"Unbalanced {ch!r} in {_cut(spec)!r}")
        if (ch.isspace() or ch == ",") and depth == 0:
            if current:
                items.append("".join(current))
                current = []
            continue
        current.append(ch)
    if depth != 0 or quote:
        raise SpecError(f"Unbalanced parentheses or quotes in {_cut(spec)!r}")
    if current:
        items.append("".join(current))
    return items


def _cut(text: str, limit: int = 60) -> str:
    """``text`` cut to ``limit`` characters for a message."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def call_name(node: ast.AST) -> str | None:
    """``LSTM`` for ``LSTM``, ``layers.LSTM`` or ``tf.keras.layers.LSTM``; None otherwise."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _sequence_items(node: ast.AST) -> list[ast.expr] | None:
    """The layer calls of ``Sequential([...])``, ``[...]`` or ``(..., ...)``; else None."""
    if isinstance(node, ast.Call) and call_name(node.func) == "Sequential":
        if node.args and isinstance(node.args[0], (ast.List, ast.Tuple)):
            return list(node.args[0].elts)
        for kw in node.keywords:
            if kw.arg == "layers" and isinstance(kw.value, (ast.List, ast.Tuple)):
                return list(kw.value.elts)
        return []
    if isinstance(node, (ast.List, ast.Tuple)):
        return list(node.elts)
    return None


def _items_of_expression(text: str) -> list[ast.expr] | None:
    """The calls of a text that is one Python expression, else None."""
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError):
        return None
    items = _sequence_items(tree.body)
    if items is not None:
        return items
    return [tree.body] if isinstance(tree.body, ast.Call) else None


def read_calls(spec: str) -> list[tuple[ast.expr, str]]:
    """Each item of a SPEC as (expression, its text), in order."""
    items = _items_of_expression(spec)
    if items is not None:
        return [(node, ast.unparse(node)) for node in items]
    out = []
    for item in split_items(spec):
        try:
            tree = ast.parse(item, mode="eval")
        except (SyntaxError, ValueError):
            raise SpecError(
                f"Cannot read {_cut(item)!r}: write it like LSTM(32, return_sequences=True)"
            ) from None
        out.append((tree.body, item))
    return out


# -- turning calls into layers ----------------------------------------------------------------
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
        and not isinstance(node.operand.value, bool)
    ):
        return -node.operand.value
    if isinstance(node, ast.Tuple | ast.List):
        return tuple(_literal(e, item) for e in node.elts)
    if isinstance(node, ast.Call):
        return _layer(node, item)
    raise SpecError(
        f"Only numbers, strings, tuples, True/False/None and layers are allowed: {_cut(item)!r}"
    )


def suggest(word: str, options: list[str]) -> str:
    """`` Did you mean 'LSTM'?`` (case-insensitive and close matches), or an empty string."""
    folded = {o.casefold(): o for o in options}
    if word.casefold() in folded:
        return f" Did you mean {folded[word.casefold()]!r}? Names are case-sensitive."
    close = difflib.get_close_matches(word.casefold(), list(folded), n=1, cutoff=0.75)
    return f" Did you mean {folded[close[0]]!r}?" if close else ""


def accepted_args(cls: type) -> list[str]:
    """The keyword arguments a layer class accepts (following ``**kwargs`` up the classes)."""
    names: list[str] = []
    for klass in cls.__mro__:
        init = klass.__dict__.get("__init__")
        if init is None:
            continue
        params = inspect.signature(init).parameters.values()
        names += [p.name for p in params if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
        if not any(p.kind == p.VAR_KEYWORD for p in params):
            break
    return [n for n in dict.fromkeys(names) if n != "self"]


def _layer_name(node: ast.Call, item: str) -> str:
    name = call_name(node.func)
    if name is None:
        raise SpecError(f"Expected a name like LSTM(...) in {_cut(item)!r}")
    return name


def _layer(node: ast.Call, item: str) -> Layer:
    name = _layer_name(node, item)
    cls = LAYERS.get(name)
    if cls is None:
        known = ", ".join(["Input", *LAYERS])
        hint = suggest(name, ["Input", *LAYERS])
        raise SpecError(f"Unknown layer {name!r} in {_cut(item)!r}.{hint} Known: {known}")
    allowed = accepted_args(cls)
    args = [_literal(a, item) for a in node.args]
    kwargs: dict[str, Any] = {}
    for kw in node.keywords:
        if kw.arg is None:
            raise SpecError(f"'**' is not allowed in {_cut(item)!r}")
        if kw.arg in IGNORED_ARGS:
            continue
        if kw.arg not in allowed:
            hint = suggest(kw.arg, allowed)
            raise SpecError(f"{name} has no argument {kw.arg!r}.{hint} Example: {USAGE[name]}")
        kwargs[kw.arg] = _literal(kw.value, item)
    try:
        return cls(*args, **kwargs)
    except TypeError:
        raise SpecError(
            f"Cannot build {_cut(item)!r}: check the arguments. Example: {USAGE[name]}"
        ) from None
    except ValueError as err:
        raise SpecError(f"{_cut(item)}: {err}") from None


def _as_call(node: ast.expr, item: str) -> ast.Call:
    if not isinstance(node, ast.Call):
        raise SpecError(f"Expected a constructor call like GRU(32), got {_cut(item)!r}")
    return node


def _input_shape(node: ast.Call, item: str) -> Shape:
    """``(None, T)`` or ``(None, T, D)`` from ``Input(T)``, ``Input(T, D)`` or ``shape=``."""
    args = [_literal(a, item) for a in node.args]
    kwargs = {kw.arg: kw.value for kw in node.keywords}
    for key in ("shape", "input_shape"):
        if key in kwargs and not args:
            args = [_literal(kwargs.pop(key), item)]
    for extra in ("batch_size", "name", "dtype", "sparse", "batch_shape", "ragged"):
        kwargs.pop(extra, None)
    if len(args) == 1 and isinstance(args[0], tuple):
        args = list(args[0])
    if kwargs or not 1 <= len(args) <= 2:
        raise SpecError(
            f"A model starts with Input(T) for token ids or Input(T, D) for vectors "
            f"(Keras: {USAGE['Input']}), got {_cut(item)!r}. Example: {EXAMPLE}"
        )
    for k, a in enumerate(args):
        none_ok = k == 0
        if (a is None and none_ok) or (isinstance(a, int) and not isinstance(a, bool) and a > 0):
            continue
        raise SpecError(f"Input sizes must be positive integers, got {_cut(item)!r}")
    return (None, *args)


def read_spec(spec: str) -> tuple[Shape, list[Layer]]:
    """The input shape and the (unbuilt) layers a SPEC describes; SpecError if it cannot."""
    calls = read_calls(spec)
    if not calls:
        raise SpecError(f"Empty spec. Example: {EXAMPLE}")
    first, first_text = calls[0]
    head = _as_call(first, first_text)
    rest = calls[1:]
    if _layer_name(head, first_text) in ("Input", "InputLayer"):
        input_shape = _input_shape(head, first_text)
    else:
        given = next((kw for kw in head.keywords if kw.arg == "input_shape"), None)
        if given is None:
            raise SpecError(
                f"A model starts with Input(T) for token ids or Input(T, D) for vectors "
                f"(Keras: {USAGE['Input']}), got {_cut(first_text)!r}. Example: {EXAMPLE}"
            )
        head.keywords.remove(given)
        input_shape = (None, *_as_tuple(_literal(given.value, first_text), first_text))
        rest = calls
    layers = [_layer(_as_call(node, text), text) for node, text in rest]
    if not layers:
        raise SpecError(f"Add at least one layer after {_cut(first_text)}. Example: {EXAMPLE}")
    return input_shape, layers


def _as_tuple(value: Any, item: str) -> tuple[Any, ...]:
    if isinstance(value, tuple) and 1 <= len(value) <= 2:
        return value
    raise SpecError(f"input_shape must be (T,) or (T, D), got {_cut(item)!r}")


# -- shapes and counts without weights --------------------------------------------------------
def weight_shapes(layer: Layer, input_shape: Shape) -> list[tuple[int, ...]]:
    """The shapes ``layer`` would build on ``input_shape``, worked out without allocating."""
    return layer.weight_shapes_for(input_shape)


@dataclass(frozen=True)
class SpecPlan:
    """What a SPEC describes, worked out without building: layers, shapes, counts."""

    input_shape: Shape
    model: Sequential
    """The named but unbuilt model (``model.build(input_shape)`` allocates the weights)."""
    summary: ModelSummary

    @property
    def output_shape(self) -> Any:
        """Output shape of the last layer."""
        return self.summary.rows[-1].output_shape

    @property
    def total_params(self) -> int:
        """Every weight (all are trainable in this engine)."""
        return self.summary.total_params


def plan_spec(spec: str) -> SpecPlan:
    """Shapes and parameter counts of a SPEC (no weights allocated); SpecError if invalid."""
    input_shape, layers = read_spec(spec)
    model = Sequential(layers)
    shape: Any = input_shape
    rows = []
    for k, layer in enumerate(model.layers):
        if isinstance(shape, list):
            shape = shape[0]
        try:
            out = layer.compute_output_shape(shape)
            params = count_params(layer, shape)
        except ValueError as err:
            hints = model._hint(k, shape), model._hint(k, shape, "ko")
            stack = StackError(str(err), hints[0], k, hint_ko=hints[1])
            raise SpecError(str(stack), stack) from None
        rows.append(SummaryRow(layer.name, type(layer).__name__, out, params))
        shape = out
    summary = ModelSummary(rows=tuple(rows), total_params=sum(r.params for r in rows))
    return SpecPlan(input_shape, model, summary)


def parse_spec(
    spec: str, draw_weights: bool = True, max_params: int | None = MAX_BUILD_PARAMS
) -> Sequential:
    """Build the model a SPEC describes (the first item is the input, see ``read_spec``).

    ``draw_weights=False`` skips the random initializers (zero weights): enough for shapes,
    parameter counts and summaries, and much faster. A model with more than ``max_params``
    weights is refused before anything is allocated (``plan_spec`` counts it instead).
    """
    plan = plan_spec(spec)
    if max_params is not None and plan.total_params > max_params:
        raise SpecError(
            f"This model has {plan.total_params:,} parameters, more than the {max_params:,} "
            "rnntui builds; `rnntui summary` still counts it"
        )
    for layer in plan.model.layers:
        layer.draw_weights = draw_weights
    try:
        plan.model.build(plan.input_shape)
    except StackError as err:
        raise SpecError(str(err), err) from None
    except MemoryError:
        raise SpecError(f"Not enough memory to build {plan.total_params:,} parameters") from None
    return plan.model


def readable_size(n_bytes: float) -> str:
    """Keras' size text: ``103.88 KB`` (powers of 1024, two decimals)."""
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if n_bytes / 1024 < 1:
            return f"{n_bytes:.2f} {unit}"
        n_bytes /= 1024
    return f"{n_bytes:.2f} PB"


def count_params(layer: Layer, input_shape: Shape) -> int:
    """``layer.count_params()`` once built on ``input_shape``, without building it."""
    return sum(math.prod(s) for s in weight_shapes(layer, input_shape))
