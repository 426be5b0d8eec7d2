"""The one declaration of every panel's settings (the lesson ``preset:`` keys and the controls).

Pure stdlib, cheap to import: ``rnntui check`` reads :data:`PANEL_SPECS` without NumPy. Each
lab module takes its ``SPEC`` from here.
"""

from __future__ import annotations

import math
from typing import Any

from rnntui.lab.spec import Setting, Spec, is_int, is_number

MAX_STEPS = 12
"""Longest input sequence of the recurrent labs."""
MAX_FEATURES = 16
"""Most numbers per step in a preset sequence."""
RECURRENT_MAX_UNITS = 64
ACTIVATION_X = (-6.0, 6.0)
SYMBOLS = ("h", "x", "W", "U", "t", "F", "I", "O", "Z", "R", "sigmoid", "tanh")
LAYER_TYPES = ("LSTM", "GRU", "SimpleRNN")
MERGE_MODES = ("concat", "sum", "mul", "ave", "None")

LABELS: dict[str, tuple[str, str]] = {
    "x": ("x", "x"),
    "t": ("t", "t"),
    "unit": ("unit", "유닛"),
    "units": ("units", "유닛 수"),
    "units_n": ("units n", "유닛 n"),
    "units_long": ("units", "유닛 수"),
    "x_t": ("x_t", "x_t"),
    "h_prev": ("h_{t-1}", "h_{t-1}"),
    "c_prev": ("c_{t-1}", "c_{t-1}"),
    "example": ("worked example", "레슨 예제"),
    "sequence": ("sequence:", "입력 순서:"),
    "seed": ("seed", "시드"),
    "reset_after": ("reset_after", "reset_after"),
    "input_dim": ("input_dim", "입력 특성 수"),
    "timesteps": ("timesteps", "스텝 수"),
    "timesteps_long": ("timesteps", "스텝 수"),
    "T": ("T", "T"),
    "D": ("D", "D"),
    "layers": ("layers", "층 수"),
    "sentence": ("sentence", "문장"),
    "merge_mode": ("merge_mode", "merge_mode"),
    "vocab": ("vocab V", "사전 V"),
    "dim": ("dim", "차원"),
    "word": ("word", "단어"),
    "tokens": ("tokens T", "토큰 T"),
    "dim_e": ("dim E", "차원 E"),
    "dropout": ("dropout", "dropout"),
    "recurrent_dropout": ("recurrent_dropout", "recurrent_dropout"),
    "symbol": ("symbol", "기호"),
}
"""Label key -> (English, Korean) text of a control: the one source of control labels in both
languages, Korean in the docs/terms.md terms (Keras argument names such as ``dropout``,
``merge_mode`` and ``reset_after`` stay as code)."""


def label(key: str, lang: str) -> str:
    """The control label for ``key`` in ``lang`` ("ko" or "en")."""
    en, ko = LABELS.get(key, (key, key))
    return ko if lang == "ko" else en


def check_sequence(value: Any) -> list[list[float]]:
    """A preset ``sequence``: 1..MAX_STEPS numbers, or equally long lists of finite numbers."""
    reason = f"must be a list of 1..{MAX_STEPS} steps: numbers, or equally long lists of numbers"
    if not isinstance(value, list) or not 1 <= len(value) <= MAX_STEPS:
        raise ValueError(reason)
    rows = [step if isinstance(step, list) else [step] for step in value]
    if (
        not all(
            row and len(row) <= MAX_FEATURES and all(is_number(v) or _non_finite(v) for v in row)
            for row in rows
        )
        or len({len(row) for row in rows}) != 1
    ):
        raise ValueError(reason)
    if any(_non_finite(v) for row in rows for v in row):
        raise ValueError("must hold finite numbers (no .nan or .inf)")
    return [[float(v) for v in row] for row in rows]


def _non_finite(value: Any) -> bool:
    return isinstance(value, float) and not math.isfinite(value)


def _words(most: int, what: str = "words") -> Any:
    def check(value: Any) -> tuple[str, ...]:
        if (
            not isinstance(value, list)
            or not 1 <= len(value) <= most
            or not all(isinstance(tok, str) and tok.strip() for tok in value)
        ):
            raise ValueError(f"must be a list of 1..{most} {what}")
        return tuple(tok.strip() for tok in value)

    return check


def _optional_words(most: int) -> Any:
    words = _words(most)

    def check(value: Any) -> tuple[str, ...] | None:
        return None if value is None else words(value)

    return check


def _vocab(value: Any) -> int | tuple[str, ...] | None:
    if value is None:
        return None
    if is_int(value):
        if not 1 <= value <= 10_000:
            raise ValueError("must be a vocabulary size 1..10000 or a list of up to 100 words")
        return int(value)
    if (
        not isinstance(value, list)
        or not 1 <= len(value) <= 100
        or not all(isinstance(w, str) and w.strip() for w in value)
    ):
        raise ValueError("must be a vocabulary size 1..10000 or a list of up to 100 words")
    words = tuple(w.strip() for w in value)
    if len(set(words)) != len(words):
        raise ValueError("must list different words")
    return words


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be text (quote it)")
    return value


def _merge_mode(value: Any) -> str:
    value = "None" if value is None else value
    if value not in MERGE_MODES:
        raise ValueError(f"must be one of {', '.join(MERGE_MODES)}")
    return str(value)


def _symbol(value: Any) -> str:
    names = {name.lower(): name for name in SYMBOLS}
    if not isinstance(value, str) or value.strip().lower() not in names:
        raise ValueError(f"must be one of {', '.join(SYMBOLS)}")
    text = value.strip()
    return text if text in SYMBOLS else names[text.lower()]


def _layers(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not 1 <= len(value) <= 4:
        raise ValueError("must be a list of 1..4 layers")
    layers = []
    for item in value:
        if not isinstance(item, dict) or item.get("type") not in LAYER_TYPES:
            raise ValueError(f"must give each layer a type: {', '.join(LAYER_TYPES)}")
        units: Any = item.get("units")
        if not is_int(units) or not 1 <= units <= 256:
            raise ValueError("must give each layer units, a whole number 1..256")
        seq = item.get("return_sequences", False)
        if not isinstance(seq, bool):
            raise ValueError("must give return_sequences as true or false")
        layers.append({"type": item["type"], "units": units, "return_sequences": seq})
    return layers


EXAMPLE_MAX_UNITS = 8
"""Most units of a lesson's worked example (it is worked by hand)."""
WEIGHT_LIMIT = 100.0
"""Largest |weight| a lesson's example (or a student's edit) may give."""
EXAMPLE_KEYS = ("sequence", "kernel", "recurrent_kernel", "bias", "h0", "c0")


def _numbers(value: Any, count: int, what: str, limit: float) -> list[float]:
    if (
        not isinstance(value, list)
        or len(value) != count
        or not all(is_number(v) and abs(v) <= limit for v in value)
    ):
        raise ValueError(
            f"must give `{what}` as a list of {count} numbers in -{limit:g}..{limit:g}"
        )
    return [float(v) for v in value]


def _matrix(value: Any, rows: int, cols: int, what: str) -> list[list[float]]:
    if not isinstance(value, list) or len(value) != rows:
        raise ValueError(f"must give `{what}` as {rows} row(s) of {cols} numbers")
    return [_numbers(row, cols, what, WEIGHT_LIMIT) for row in value]


def _example(gates: int, carry: bool, gru: bool = False) -> Any:
    """A lesson's worked example: exact weights in Keras order and shapes, its sequence and
    (optionally) the initial state ``h0`` (and ``c0``); units follow the kernel's width."""

    def check(value: Any) -> dict[str, Any] | None:
        if value is None:
            return None
        keys = EXAMPLE_KEYS if carry else EXAMPLE_KEYS[:-1]
        if not isinstance(value, dict) or not all(k in keys for k in value):
            raise ValueError(f"must be a mapping with the keys {', '.join(keys)}")
        for key in ("sequence", "kernel", "recurrent_kernel", "bias"):
            if key not in value:
                raise ValueError(f"must give `{key}`")
        seq = check_sequence(value["sequence"])
        kernel = value["kernel"]
        width = (
            len(kernel[0])
            if isinstance(kernel, list) and kernel and isinstance(kernel[0], list)
            else 0
        )
        units, rest = divmod(width, gates)
        if rest or not 1 <= units <= EXAMPLE_MAX_UNITS:
            raise ValueError(
                f"must give `kernel` rows of {gates} x units numbers (1..{EXAMPLE_MAX_UNITS} units)"
            )
        out: dict[str, Any] = {
            "units": units,
            "sequence": seq,
            "kernel": _matrix(kernel, len(seq[0]), width, "kernel"),
            "recurrent_kernel": _matrix(
                value["recurrent_kernel"], units, width, "recurrent_kernel"
            ),
        }
        bias = value["bias"]
        two_rows = gru and isinstance(bias, list) and bool(bias) and isinstance(bias[0], list)
        out["bias"] = (
            _matrix(bias, 2, width, "bias")
            if two_rows
            else _numbers(bias, width, "bias", WEIGHT_LIMIT)
        )
        out["h0"] = _numbers(value.get("h0", [0.0] * units), units, "h0", 1.0)
        if carry:
            out["c0"] = _numbers(value.get("c0", [0.0] * units), units, "c0", 5.0)
        return out

    return check


def _recurrent(*extra: Setting, carry: bool = False, gates: int = 1, gru: bool = False) -> Spec:
    controls = [
        Setting("x_t", "float", 0.0, -5.0, 5.0, label="x_t", preset=False),
        Setting("h_prev", "float", 0.0, -1.0, 1.0, label="h_prev", preset=False),
    ]
    if carry:
        controls.append(Setting("c_prev", "float", 0.0, -5.0, 5.0, label="c_prev", preset=False))
    return Spec(
        Setting("units", "int", 2, 1, RECURRENT_MAX_UNITS, label="units"),
        Setting("sequence", "custom", [1.0, 0.5, -1.0], label="sequence", check=check_sequence),
        Setting("seed", "int", 0, 0, None, label="seed"),
        *extra,
        Setting("example", "custom", None, label="example", check=_example(gates, carry, gru)),
        *controls,
    )


PANEL_SPECS: dict[str, Spec] = {
    "activation": Spec(Setting("x", "float", 0.5, *ACTIVATION_X, label="x")),
    "simple_rnn": _recurrent(),
    "lstm": _recurrent(carry=True, gates=4),
    "gru": _recurrent(Setting("reset_after", "bool", True, label="reset_after"), gates=3, gru=True),
    "units": Spec(
        Setting("units", "int", 4, 1, 256, label="units"),
        Setting("input_dim", "int", 8, 1, 256, label="input_dim"),
        Setting("timesteps", "int", 5, 1, 100, label="timesteps"),
    ),
    "stacking": Spec(
        Setting("input_dim", "int", 8, 1, 256, label="D"),
        Setting("timesteps", "int", 20, 1, 500, label="T"),
        Setting(
            "layers",
            "custom",
            [
                {"type": "LSTM", "units": 32, "return_sequences": True},
                {"type": "LSTM", "units": 16, "return_sequences": False},
            ],
            label="layers",
            check=_layers,
        ),
    ),
    "bidirectional": Spec(
        Setting("sentence", "custom", None, label="sentence", check=_optional_words(8)),
        Setting("units", "int", 2, 1, 4, label="units_n"),
        Setting("merge_mode", "custom", "concat", label="merge_mode", check=_merge_mode),
    ),
    "embedding": Spec(
        Setting("vocab", "custom", None, label="vocab", check=_vocab),
        Setting("dim", "int", 4, 1, 64, label="dim_e"),
        Setting("word", "custom", None, label="word", check=_text),
        Setting("size", "int", 5, 1, 10_000, label="vocab", preset=False),
        Setting("tokens", "int", 10, 1, 1_000, label="tokens", preset=False),
    ),
    "dropout": Spec(
        Setting("dropout", "float", 0.2, 0.0, 0.95, label="dropout"),
        Setting("recurrent_dropout", "float", 0.2, 0.0, 0.95, label="recurrent_dropout"),
        Setting("units", "int", 4, 1, 5, label="units_long"),
        Setting("timesteps", "int", 6, 1, 6, label="timesteps_long"),
    ),
    "symbols": Spec(
        Setting("symbol", "custom", "h", label="symbol", check=_symbol),
        Setting("t", "int", 0, 0, 3, label="t", preset=False),
    ),
    "order": Spec(
        Setting(
            "sentence",
            "custom",
            ["I", "go", "to", "school"],
            label="sentence",
            check=_words(7, "text tokens"),
        ),
        Setting("units", "int", 4, 1, 5, label="units_long"),
    ),
}
"""Panel name -> its settings (the keys a lesson's ``preset`` may hold)."""
