"""Code for the units panel: SimpleRNN, LSTM and GRU parameter counts and output shapes at the
panel's units, input_dim and timesteps, and the h_t grid of the chosen layer."""

from __future__ import annotations

from rnntui.codegen import cells
from rnntui.codegen.emit import Script, literal
from rnntui.lab.units import GRID, KINDS, UnitsLab, input_table

MAX_WEIGHTS = 20_000
"""Bigger grid layers are not written out (the counts and shapes are still checked)."""
GATES = {"SimpleRNN": 1, "LSTM": 4, "GRU": 3}


def generate(lab: UnitsLab, script: Script) -> None:
    """Append the script for ``lab`` to ``script``."""
    view = lab.view(script.lang)
    units, dim, steps = view.units, view.input_dim, view.timesteps
    kind = tuple(KINDS)[view.kind]
    layer = lab.grid_layer()
    weights = layer.get_weights()
    shown_steps = min(steps, GRID)
    with_grid = sum(w.size for w in weights) <= MAX_WEIGHTS
    s = script
    s.header("the units panel", "유닛 패널")
    s.add(f"units, input_dim, timesteps = {units}, {dim}, {steps}", "")
    counts = dict(view.counts)
    shapes = {
        name: (
            tuple(cls(units).compute_output_shape((None, steps, dim))),
            tuple(cls(units, return_sequences=True).compute_output_shape((None, steps, dim))),
        )
        for name, cls in KINDS.items()
    }
    s.comment(
        "rnntui's counts (as model.summary() prints them) and output shapes.",
        "rnntui의 파라미터 수 (model.summary()와 같음)와 출력 모양.",
    )
    s.add(f"shown_counts = {counts!r}", f"shown_shapes = {shapes!r}", "")
    if s.keras:
        s.add(
            "counts, shapes = {}, {}",
            "for kind in shown_counts:",
            "    layer = getattr(keras.layers, kind)(units)",
            "    layer.build((None, timesteps, input_dim))",
            "    counts[kind] = layer.count_params()",
            "    shapes[kind] = (",
            "        tuple(layer.compute_output_shape((None, timesteps, input_dim))),",
            "        tuple(getattr(keras.layers, kind)(units, return_sequences=True)"
            ".compute_output_shape((None, timesteps, input_dim))),",
            "    )",
        )
    else:
        s.comment(
            "torch keeps two bias vectors (b_ih, b_hh) where Keras' SimpleRNN and LSTM keep one,\n"
            "so torch counts G*n more; Keras' GRU (reset_after=True) has two as well.",
            "torch는 편향을 둘 (b_ih, b_hh) 두지만 Keras의 SimpleRNN과 LSTM은 하나라서\n"
            "torch가 G*n개 더 셉니다. Keras의 GRU (reset_after=True)도 편향이 둘입니다.",
        )
        s.add(
            f"gates = {GATES!r}",
            f"names = {cells.TORCH_CLASS!r}",
            "modules = {kind: getattr(torch.nn, name) for kind, name in names.items()}",
            "counts, shapes = {}, {}",
            "for kind in shown_counts:",
            "    module = modules[kind](input_dim, units, batch_first=True)",
            "    total = sum(p.numel() for p in module.parameters())",
            '    counts[kind] = total if kind == "GRU" else total - gates[kind] * units',
            "    with torch.no_grad():",
            "        out = module(torch.zeros((1, timesteps, input_dim)))[0]",
            "    # return_sequences=False is the last step: out[:, -1]",
            "    shapes[kind] = ((None, *out[:, -1].shape[1:]), (None, *out.shape[1:]))",
        )
    s.add(
        "for kind in shown_counts:",
        '    print(f"{kind:9} params {counts[kind]:>8,}  output {shapes[kind][0]}, '
        'return_sequences=True {shapes[kind][1]}")',
        "",
    )
    if with_grid:
        kernel, rec, bias = weights
        last_unit = min(units, GRID) - 1
        s.comment(
            f"The grid: h_t of {kind}({units}), units 0-{last_unit}, steps 0-{shown_steps - 1}\n"
            "(later steps cannot change earlier ones, so only those inputs are written out).",
            f"격자: {kind}({units})의 h_t, 유닛 0-{last_unit}, 스텝 0-{shown_steps - 1}\n"
            "(뒤 스텝은 앞 스텝을 바꾸지 못하므로 그 입력만 적었습니다).",
        )
        s.add(
            f"x = {literal(input_table()[None, :shown_steps, :dim])}",
            f"kernel = {literal(kernel)}",
            f"recurrent_kernel = {literal(rec)}",
            f"bias = {literal(bias)}",
        )
        if s.keras:
            s.add(
                cells.keras_layer("layer", kind, units),
                "layer.build((None, None, input_dim))",
                "layer.set_weights([kernel, recurrent_kernel, bias])",
                f"grid = keras.ops.convert_to_numpy(layer(x))[0].T[:{GRID}]",
            )
        else:
            cells.torch_notes(s, {kind})
            s.add(f"layer = torch.nn.{cells.TORCH_CLASS[kind]}(input_dim, units, batch_first=True)")
            cells.torch_copy(s, "layer", kind, ("kernel", "recurrent_kernel", "bias"))
            s.add(
                "with torch.no_grad():",
                f"    grid = layer(torch.from_numpy(x))[0][0].numpy().T[:{GRID}]",
            )
        s.add(
            "for k, row in enumerate(grid):",
            '    print(f"h[{k}]", " ".join(f"{v:8.4f}" for v in row))',
            "",
        )
        s.shown(
            "shown_grid",
            view.grid,
            "rnntui's h grid (unit, step).",
            "rnntui의 h 격자 (유닛, 스텝).",
        )
        s.check("grid", "shown_grid", "The grid matches.", "격자가 같습니다.")
    else:
        s.comment(
            "The grid layer has too many weights to write out here; counts and shapes are checked.",
            "격자의 층은 가중치가 너무 많아 적지 않았습니다. 파라미터 수와 모양만 확인합니다.",
        )
    s.add(
        "assert counts == shown_counts, counts",
        "assert shapes == shown_shapes, shapes",
    )
    s.footer()
