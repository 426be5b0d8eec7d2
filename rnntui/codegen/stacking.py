"""Code for the stacking panel: the stack as a Sequential model, each layer's output shape and
parameters (model.summary()), and Keras' error when a layer gets a 2-D input."""

from __future__ import annotations

from rnntui.codegen.emit import Script
from rnntui.lab.stacking import StackingLab, stack_spec
from rnntui.nn.spec import parse_spec

GATES = {"SimpleRNN": 1, "LSTM": 4, "GRU": 3}
TORCH = {"SimpleRNN": "RNN", "LSTM": "LSTM", "GRU": "GRU"}


def generate(lab: StackingLab, script: Script) -> None:
    """Append the script for ``lab`` to ``script``."""
    lab.view(script.lang)
    layers = list(lab.stack())
    error = lab.error
    valid = layers if error is None else layers[: error.layer_index]
    summary = parse_spec(
        stack_spec(lab.timesteps, lab.input_dim, valid), draw_weights=False
    ).summary()
    shown_rows = [(tuple(row.output_shape), row.params) for row in summary.rows]
    s = script
    s.header("the stacking panel", "층 쌓기 패널")
    s.add(
        f"timesteps, input_dim = {lab.timesteps}, {lab.input_dim}",
        "# (type, units, return_sequences)",
        f"layers = {layers!r}",
        "",
    )
    s.comment(
        "rnntui's summary: (output shape, params) of each layer it could build.",
        "rnntui의 요약: 만들 수 있었던 층마다 (출력 모양, 파라미터 수).",
    )
    s.add(f"shown_rows = {shown_rows!r}")
    if error is None:
        s.add(f"shown_total = {summary.total_params}", "shown_error = None")
    else:
        s.add(f"shown_error = {error.keras_message!r}")
    s.blank()
    if s.keras:
        s.add(
            "def make(kind, units, return_sequences):",
            "    return getattr(keras.layers, kind)(units, return_sequences=return_sequences)",
            "",
            "",
            "raised = None",
            "try:",
            "    model = keras.Sequential([keras.Input((timesteps, input_dim))]"
            " + [make(*layer) for layer in layers])",
            "    model.summary()",
            "except ValueError as problem:  # a layer got a 2-D input",
            "    raised = problem",
            '    print("ValueError:", str(problem).splitlines()[0])',
            "",
        )
        s.comment(
            "Each layer that can be built: its output shape and parameters.",
            "만들 수 있는 층마다 출력 모양과 파라미터 수.",
        )
        s.add(
            "rows, shape = [], (None, timesteps, input_dim)",
            "for layer in layers[: len(shown_rows)]:",
            "    built = make(*layer)",
            "    built.build(shape)",
            "    shape = tuple(built.compute_output_shape(shape))",
            "    rows.append((shape, built.count_params()))",
            '    print(f"{layer[0]}({layer[1]})", shape, f"{built.count_params():,}")',
            "assert (raised is None) == (shown_error is None), raised",
        )
    else:
        s.comment(
            "torch has no return_sequences: a layer returns every step, and keeping only the last\n"
            "step (out[:, -1]) is return_sequences=False. torch keeps two biases (b_ih, b_hh)\n"
            "where Keras' SimpleRNN and LSTM keep one, so it counts G*n more parameters.",
            "torch에는 return_sequences가 없습니다: 층은 모든 스텝을 돌려주고, 마지막 스텝만\n"
            "남기면(out[:, -1]) return_sequences=False입니다. torch는 편향이 둘(b_ih, b_hh)이라\n"
            "편향이 하나인 Keras의 SimpleRNN, LSTM보다 파라미터를 G*n개 더 셉니다.",
        )
        s.add(
            f"gates, modules = {GATES!r}, {TORCH!r}",
            "rows, dim = [], input_dim",
            "h = torch.zeros((1, timesteps, input_dim))",
            "for kind, units, return_sequences in layers:",
            "    if h.ndim == 2:",
        )
        s.comment(
            "Keras refuses a 2-D input here; torch would read it as one unbatched sequence.",
            "Keras는 여기서 2차원 입력을 거부합니다. torch는 배치 없는 시퀀스 하나로 읽습니다.",
            indent=8,
        )
        s.add(
            '        print("Keras: ValueError:", shown_error)',
            "        break",
            "    module = getattr(torch.nn, modules[kind])(dim, units, batch_first=True)",
            "    with torch.no_grad():",
            "        out = module(h)[0]",
            "    h = out if return_sequences else out[:, -1]",
            "    total = sum(p.numel() for p in module.parameters())",
            '    params = total if kind == "GRU" else total - gates[kind] * units',
            "    rows.append(((None, *h.shape[1:]), params))",
            '    print(f"{kind}({units})", rows[-1][0], f"{params:,}")',
            "    dim = units",
            "assert (h.ndim == 2 and len(rows) < len(layers)) == (shown_error is not None)",
        )
    s.add("assert rows == shown_rows, rows")
    if error is None:
        s.add('print("Total params:", f"{sum(p for _, p in rows):,}")')
        s.add("assert sum(p for _, p in rows) == shown_total")
    s.footer()
