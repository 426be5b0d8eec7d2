"""``rnntui summary``: a Keras-style model summary from shapes alone, without TensorFlow.

The model comes from a SPEC argument, from pasted notebook code (``keras.Sequential([...])``),
from a file (``-f model.py``) or from stdin (``-``). Nothing is run and no weight is allocated,
so a model of any size is counted instantly.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from rnntui.nn.spec import BYTES_PER_PARAM, SpecError, SpecPlan, plan_spec, readable_size
from rnntui.summary_source import spec_from_source

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
    size = readable_size(total * BYTES_PER_PARAM)
    return [
        f" Total params: {total:,} ({size})",
        f" Trainable params: {total:,} ({size})",
        f" Non-trainable params: 0 ({readable_size(0)})",
    ]


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
        "trainable_params": plan.total_params,
        "non_trainable_params": 0,
        "total_bytes": plan.total_params * BYTES_PER_PARAM,
    }


def print_table(plan: SpecPlan) -> None:
    """The summary as Keras prints it, with ASCII borders (safe on every terminal)."""
    from rich import box
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(title='Model: "sequential"', title_justify="left", box=box.ASCII)
    table.add_column("Layer (type)")
    table.add_column("Output Shape")
    table.add_column("Param #", justify="right")
    for r in plan.summary.rows:
        table.add_row(escape(f"{r.name} ({r.class_name})"), r.shape_text, f"{r.params:,}")
    console = Console(highlight=False)
    console.print(table)
    for line in summary_lines(plan):
        console.print(line, markup=False)


def run_summary(spec: str | None, *, file: Path | None = None, as_json: bool = False) -> int:
    """Print the summary table (or JSON); exit code 0, or 2 for a bad model or input."""
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
