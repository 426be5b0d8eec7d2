"""``rnntui summary``: a Keras-style model summary from shapes alone, without TensorFlow.

The model comes from a SPEC argument, from pasted notebook code (``keras.Sequential([...])``),
from a file (``-f model.py``) or from stdin (``-``). Nothing is run and no weight is allocated,
so a model of any size is counted instantly.

A model FILE (``model.keras``, ``model.h5``, or ``.weights.h5`` / ``.npz`` with ``--spec``) is
read by ``rnntui.nn.load_model`` instead: its summary, and for an unsupported layer the layers
read before it, then the message.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from rnntui.nn.keras_code import spec_from_source
from rnntui.nn.sequential import ModelSummary, Sequential
from rnntui.nn.spec import BYTES_PER_PARAM, SpecError, SpecPlan, plan_spec, readable_size

MODEL_SUFFIXES = (".keras", ".h5", ".npz")
"""An argument ending like this (and without parentheses) names a model file."""

MAX_SOURCE = 1_000_000
"""Characters read from a file or stdin (a model definition is far smaller)."""


class SourceError(ValueError):
    """The file or stdin cannot be read."""


def read_source(spec: str | None, file: Path | None) -> str:
    """The model text: ``spec``, or the file (``-`` is stdin); SourceError if unreadable."""
    if file is None and spec != "-":
        if not spec:
            raise SourceError("give a SPEC, -f FILE, or - to read stdin")
        return spec
    try:
        if file is None or str(file) == "-":
            text = sys.stdin.read(MAX_SOURCE + 1)
        else:
            if not file.is_file():
                raise SourceError(f"{file} is not a regular file")
            with file.open(encoding="utf-8", errors="replace") as handle:
                text = handle.read(MAX_SOURCE + 1)
    except OSError as exc:
        raise SourceError(f"cannot read {file or 'stdin'}: {exc.strerror or exc}") from None
    if len(text) > MAX_SOURCE:
        raise SourceError(f"{file or 'stdin'} is larger than {MAX_SOURCE:,} characters")
    return text


def summary_lines(plan: SpecPlan) -> list[str]:
    """Keras' lines under the table: Total, Trainable and Non-trainable params with sizes."""
    total = plan.total_params
    frozen = _non_trainable(plan)
    size = readable_size(total * BYTES_PER_PARAM)
    trainable = readable_size((total - frozen) * BYTES_PER_PARAM)
    return [
        f" Total params: {total:,} ({size})",
        f" Trainable params: {total - frozen:,} ({trainable})",
        f" Non-trainable params: {frozen:,} ({readable_size(frozen * BYTES_PER_PARAM)})",
    ]


def _non_trainable(plan: SpecPlan) -> int:
    """Weights of layers a model file marks ``trainable: false`` (0 for a SPEC)."""
    return int(getattr(plan.model, "non_trainable_params", 0))


def summary_json(plan: SpecPlan) -> dict[str, Any]:
    """What ``rnntui summary --json`` prints."""
    rows = plan.summary.rows
    return {
        "layers": [
            {
                "name": r.name,
                "class_name": r.class_name,
                "output_shape": r.output_shape,
                "params": r.params,
            }
            for r in rows
        ],
        "total_params": plan.total_params,
        "trainable_params": plan.total_params - _non_trainable(plan),
        "non_trainable_params": _non_trainable(plan),
        "total_bytes": plan.total_params * BYTES_PER_PARAM,
    }


def print_table(plan: SpecPlan) -> None:
    """The summary as Keras prints it, with ASCII borders (safe on every terminal)."""
    from rich import box
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    name = str(getattr(plan.model, "model_name", "sequential"))
    table = Table(title=escape(f'Model: "{name}"'), title_justify="left", box=box.ASCII)
    table.add_column("Layer (type)")
    table.add_column("Output Shape")
    table.add_column("Param #", justify="right")
    for r in plan.summary.rows:
        table.add_row(escape(f"{r.name} ({r.class_name})"), r.shape_text, f"{r.params:,}")
    console = Console(highlight=False)
    console.print(table)
    for line in summary_lines(plan):
        console.print(line, markup=False)


def is_model_file(spec: str | None) -> bool:
    """``spec`` names a model file (``.keras``, ``.h5``, ``.npz``) rather than a SPEC."""
    return bool(spec) and "(" not in str(spec) and str(spec).lower().endswith(MODEL_SUFFIXES)


def _file_plan(model: Sequential, summary: ModelSummary) -> SpecPlan:
    return SpecPlan(model.input_shape or (None,), model, summary)


def run_model_summary(path: str, *, weights_spec: str | None, as_json: bool) -> int:
    """The summary of a model file (``rnntui.nn.load_model``); exit 2 with a message if bad."""
    from rnntui.nn.loading import LoadError, load_model

    try:
        model = load_model(path, spec=weights_spec)
    except LoadError as err:
        if err.partial is not None and err.partial.rows and not as_json:
            print_table(_file_plan(Sequential([]), err.partial))
        print(f"error: {err.text('en')}", file=sys.stderr)
        korean = err.text("ko")
        if korean != err.text("en"):
            print(f"오류: {korean}", file=sys.stderr)
        return 2
    plan = _file_plan(model, model.summary())
    if as_json:
        data = summary_json(plan)
        data["source_dtype"] = model.source_dtype
        data["source_format"] = model.source_format
        print(json.dumps(data, ensure_ascii=False))
        return 0
    print_table(plan)
    if model.computed_in_float64:
        print(f" Weights: {model.source_dtype} in the file, computed in float64 by rnntui")
    return 0


def run_summary(
    spec: str | None,
    *,
    file: Path | None = None,
    as_json: bool = False,
    weights_spec: str | None = None,
) -> int:
    """Print the summary table (or JSON); exit code 0, or 2 for a bad model or input."""
    if file is None and spec is not None and is_model_file(spec):
        return run_model_summary(spec, weights_spec=weights_spec, as_json=as_json)
    if weights_spec is not None:
        print("error: --spec goes with a weights file (.weights.h5 or .npz)", file=sys.stderr)
        return 2
    try:
        plan = plan_spec(spec_from_source(read_source(spec, file)))
    except (SpecError, SourceError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except (MemoryError, RecursionError):
        print(
            "error: this model description is too large or too deeply nested to read",
            file=sys.stderr,
        )
        return 2
    if as_json:
        print(json.dumps(summary_json(plan), ensure_ascii=False))
    else:
        print_table(plan)
    return 0
