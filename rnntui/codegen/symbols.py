"""Code for the symbols panel: the three seeded cells (SimpleRNN, LSTM, GRU; n=3, D=2, T=4)
over the same input, h_t of each and every gate at step t, next to the chosen symbol."""

from __future__ import annotations

import numpy as np

from rnntui.codegen import cells
from rnntui.codegen.emit import Script, literal
from rnntui.lab.symbols import SymbolsLab

KINDS = ("SimpleRNN", "LSTM", "GRU")
GATES = {"LSTM": ("i", "f", "g", "o"), "GRU": ("z", "r", "hh")}


def generate(lab: SymbolsLab, script: Script) -> None:
    """Append the script for ``lab`` to ``script``."""
    view = lab.view(script.lang)
    traces = lab.cells
    first = traces["SimpleRNN"][1]
    x = np.stack([step.x[0] for step in first.steps])[None]
    n, steps, dim = first.units, first.timesteps, first.input_dim
    s = script
    s.header("the symbols panel", "기호 패널")
    s.comment(view.meaning, view.meaning)
    index = lab.t  # the step's Python index; the panel shows step index + 1
    s.comment(
        "Steps are numbered from 1 as in the lessons; t_shown is the Python index (from 0).",
        "스텝 번호는 레슨처럼 1부터 셉니다. t_shown은 Python 인덱스(0부터)입니다.",
    )
    s.add(
        f"symbol, t_shown = {view.symbol!r}, {index}  # step t={index + 1}",
        f"units, steps, dim = {n}, {steps}, {dim}",
    )
    s.add(f"x = {literal(x)}", "weights = {}")
    for kind in KINDS:
        layer = traces[kind][0]
        s.add(f"weights[{kind!r}] = [")
        for w in layer.get_weights():
            s.add(f"    {literal(w, 4)},")
        s.add("]")
    s.blank()
    if s.keras:
        s.add(
            "framework_h = {}",
            "for kind in weights:",
            "    make = getattr(keras.layers, kind)",
            '    layer = make(units, return_sequences=True, dtype="float64")',
            "    layer.build((None, steps, dim))",
            "    layer.set_weights(weights[kind])",
            "    framework_h[kind] = keras.ops.convert_to_numpy(layer(x))[0]",
        )
    else:
        cells.torch_notes(s, {"LSTM", "GRU"})
        s.add("framework_h = {}")
        for kind in KINDS:
            var = f"torch_{kind.lower()}"
            s.add(f"{var} = torch.nn.{cells.TORCH_CLASS[kind]}(dim, units, batch_first=True)")
            s.add(f"kernel, recurrent_kernel, bias = weights[{kind!r}]")
            cells.torch_copy(s, var, kind, ("kernel", "recurrent_kernel", "bias"))
            s.add(
                "with torch.no_grad():",
                f"    framework_h[{kind!r}] = {var}(torch.from_numpy(x))[0][0].numpy()",
            )
    s.blank()
    s.comment(
        "The three cells written out, for the gates (the layers return only h).",
        "게이트를 보려고 세 셀을 직접 씁니다 (층은 h만 돌려줍니다).",
    )
    cells.activations(s)
    s.add("FORCES = {}", "", "", cells.GATE_FN, "")
    for kind in KINDS:
        s.add(
            cells.CELLS[cells.cell_key(kind)].replace("def cell(", f"def {kind.lower()}_cell("), ""
        )
    wrap = "" if s.keras else "torch.from_numpy"
    s.add(
        "hand_h, gates_at_t = {}, {}",
        "steps_of = {'SimpleRNN': simplernn_cell, 'LSTM': lstm_cell, 'GRU': gru_cell}",
        "for kind, step in steps_of.items():",
        f"    W, U, b = ({wrap}(w) for w in weights[kind])",
        f"    h = c = {'np' if s.keras else 'torch'}.zeros((1, units))",
        f"    xs, hs = {wrap}(x), []",
        "    for t in range(steps):",
        "        h, c, pre, gate_values = step(xs[:, t], h, c, W, U, b)",
        "        hs.append(h)",
        "        if t == t_shown:",
        "            gates_at_t[kind] = {k: np.asarray(v)[0] for k, v in gate_values.items()}",
        f"    hand_h[kind] = {'np.concatenate(hs)' if s.keras else 'torch.cat(hs).numpy()'}",
        "",
        'print(f"symbol {symbol}, values at t={t_shown + 1}:")',
        "for kind in weights:",
        "    values = np.round(framework_h[kind][t_shown], 4).tolist()",
        '    print(f"{kind:10}h_{t_shown + 1} =", values)',
        "for kind in ('LSTM', 'GRU'):",
        "    for name, values in gates_at_t[kind].items():",
        '        print(f"{kind:10}{name} =", np.round(values, 4).tolist())',
        "",
    )
    for kind in KINDS:
        s.shown(
            f"shown_h_{kind.lower()}",
            traces[kind][1].outputs[0],
            f"rnntui's {kind} h (every step).",
            f"rnntui의 {kind} h (모든 스텝).",
        )
    for kind, names in GATES.items():
        step = traces[kind][1].steps[index]
        s.shown(
            f"shown_gates_{kind.lower()}",
            [step.gates[g][0] for g in names],
            f"rnntui's {kind} gates at t ({', '.join(names)}).",
            f"rnntui의 t에서 {kind} 게이트 ({', '.join(names)}).",
        )
    s.blank()
    for kind in KINDS:
        low = kind.lower()
        s.check(
            f"framework_h[{kind!r}]", f"shown_h_{low}", f"{kind} matches.", f"{kind}가 같습니다."
        )
        s.check(
            f"hand_h[{kind!r}]",
            f"shown_h_{low}",
            "The written-out cell too.",
            "직접 쓴 셀도 같습니다.",
        )
    for kind, names in GATES.items():
        s.check(
            f"np.array([gates_at_t[{kind!r}][g] for g in {names!r}])",
            f"shown_gates_{kind.lower()}",
            f"{kind} gates match.",
            f"{kind} 게이트가 같습니다.",
        )
    s.footer()
