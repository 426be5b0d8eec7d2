"""Evaluate ``{{= EXPR}}`` arithmetic with the ``ast`` module: no ``eval``, no names but three."""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable

MAX_EXPRESSION_LENGTH = 200


class ExpressionError(ValueError):
    """The expression is not allowed or cannot be computed."""


_BINARY: dict[type[ast.operator], Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
}
_SYMBOLS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**"}
FUNCTIONS: tuple[str, ...] = ("sigmoid", "tanh", "exp")


def _function(name: str) -> Callable[[float], float]:
    if name == "exp":
        return math.exp
    import numpy as np

    from rnntui.nn.activations import sigmoid, tanh  # the engine's own definitions

    chosen = sigmoid if name == "sigmoid" else tanh

    def apply(value: float) -> float:
        # a 1-element array: the engine's activations are written for arrays
        return float(np.asarray(chosen(np.array([value], dtype=np.float64))).reshape(-1)[0])

    return apply


def evaluate(expression: str) -> float:
    """The value of ``expression``; raises ExpressionError with a readable reason."""
    if len(expression) > MAX_EXPRESSION_LENGTH:
        raise ExpressionError(f"the expression is longer than {MAX_EXPRESSION_LENGTH} characters")
    try:
        tree = ast.parse(expression.strip(), mode="eval")
    except SyntaxError as exc:
        raise ExpressionError(f"not a valid expression ({exc.msg})") from None
    try:
        value = _eval(tree.body)
    except ZeroDivisionError:
        raise ExpressionError("division by zero") from None
    except (OverflowError, RecursionError):
        raise ExpressionError("the result is too large") from None
    if isinstance(value, complex) or not math.isfinite(value):
        raise ExpressionError("the result is not a finite real number")
    return value


def _eval(node: ast.expr) -> float:
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, int | float):
            raise ExpressionError(f"{node.value!r} is not a number")
        return float(node.value)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        value = _eval(node.operand)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        left, right = _eval(node.left), _eval(node.right)
        result = _BINARY[type(node.op)](left, right)
        if isinstance(result, complex):
            raise ExpressionError(f"{_SYMBOLS[type(node.op)]} gives a complex number here")
        return result
    if isinstance(node, ast.Call):
        name = node.func.id if isinstance(node.func, ast.Name) else None
        if name not in FUNCTIONS:
            raise ExpressionError(f"unknown function; use one of {', '.join(FUNCTIONS)}")
        if len(node.args) != 1 or node.keywords:
            raise ExpressionError(f"{name}() takes exactly one argument")
        argument = _eval(node.args[0])
        try:
            return _function(name)(argument)
        except (ArithmeticError, ExpressionError):
            raise
        except Exception as exc:  # the engine missing or failing must not crash loading
            raise ExpressionError(f"{name}() failed ({type(exc).__name__}: {exc})") from None
    if isinstance(node, ast.Name):
        raise ExpressionError(f"unknown name {node.id!r}; only numbers and {', '.join(FUNCTIONS)}")
    raise ExpressionError(
        f"{type(node).__name__} is not allowed; use numbers, + - * / **, parentheses "
        f"and {', '.join(FUNCTIONS)}"
    )
