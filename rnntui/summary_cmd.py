"""``rnntui summary SPEC``: a Keras-style model summary from the engine, without TensorFlow."""

from __future__ import annotations

import json
import sys

from rnntui.nn.spec import SpecError, parse_spec


def run_summary(spec: str, *, as_json: bool = False) -> int:
    """Print the summary table (or JSON); exit code 0, or 2 for a bad spec or invalid stack."""
    try:
        model = parse_spec(spec, draw_weights=False)
    except SpecError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    summary = model.summary()
    if as_json:
        payload = {
            "layers": [
                {
                    "name": r.name,
                    "class_name": r.class_name,
                    "output_shape": r.output_shape,
                    "params": r.params,
                }
                for r in summary.rows
            ],
            "total_params": summary.total_params,
        }
        print(json.dumps(payload, ensure_ascii=False))
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(title='Model: "sequential"', title_justify="left")
    table.add_column("Layer (type)")
    table.add_column("Output Shape")
    table.add_column("Param #", justify="right")
    for r in summary.rows:
        table.add_row(f"{r.name} ({r.class_name})", r.shape_text, f"{r.params:,}")
    console = Console()
    console.print(table)
    console.print(f" Total params: {summary.total_params:,}")
    return 0
