"""Code for the dropout panel: one LSTM/GRU call with the lab's dropout masks injected (Keras
draws its own from its RNG, which NumPy cannot replay), the masked x_t and h_{t-1}, and the
same weights without dropout."""

from __future__ import annotations

import numpy as np

from rnntui.codegen import cells
from rnntui.codegen.emit import Script, literal
from rnntui.lab.dropout import GATE_LABELS, INPUT_DIM, DropoutLab, input_sequence

TORCH_LOOP = '''\
def run(x, W, U, b, x_masks, h_masks):
    """The layer with dropout by hand: gate k sees x_t * x_masks[k] and h_(t-1) * h_masks[k]."""
    n = U.shape[0]
    h = torch.zeros((1, n))
    c = torch.zeros((1, n))
    out = []
    for t in range(x.shape[1]):
        xs = [(x[:, t] * m) @ W[:, k * n : (k + 1) * n] for k, m in enumerate(x_masks)]
        hs = [(h * m) @ U[:, k * n : (k + 1) * n] for k, m in enumerate(h_masks)]
{body}
        out.append(h)
    return torch.cat(out)
'''
LSTM_BODY = """\
        i, f, g, o = (xs[k] + hs[k] + b[k * n : (k + 1) * n] for k in range(4))
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)"""
GRU_BODY = """\
        z = torch.sigmoid(xs[0] + b[0, :n] + hs[0] + b[1, :n])
        r = torch.sigmoid(xs[1] + b[0, n : 2 * n] + hs[1] + b[1, n : 2 * n])
        hh = torch.tanh(xs[2] + b[0, 2 * n :] + r * (hs[2] + b[1, 2 * n :]))
        h = z * h + (1 - z) * hh"""


def generate(lab: DropoutLab, script: Script) -> None:
    """Append the script for ``lab`` to ``script``."""
    view = lab.view(script.lang)
    run, plain = lab.run, lab.plain
    assert run is not None and plain is not None
    layer = lab.engine_layer()
    kind, units, steps = lab.kind, layer.units, view.timesteps
    kernel, rec, bias = layer.get_weights()
    masks = run.masks
    x_masks = [] if masks is None else [m for m in masks.input]
    h_masks = [] if masks is None else [m for m in masks.recurrent]
    gates = GATE_LABELS[kind]
    s = script
    s.header("the dropout panel", "드롭아웃 패널")
    mode = s.words("training", "훈련") if run.training else s.words("inference", "추론")
    s.comment(f"{dict(view.lines)['title']}, {mode}", f"{dict(view.lines)['title']}, {mode}")
    s.add(
        f"units, steps, dim = {units}, {steps}, {INPUT_DIM}",
        f"dropout, recurrent_dropout = {layer.dropout!r}, {layer.recurrent_dropout!r}",
        f"training = {run.training}",
        f"kernel = {literal(kernel)}",
        f"recurrent_kernel = {literal(rec)}",
        f"bias = {literal(bias)}",
        f"x = {literal(input_sequence(steps))}",
        "",
    )
    s.comment(
        "Keras draws dropout masks from its own random generator; to get rnntui's numbers the\n"
        f"lab's masks are injected. One mask (shared) or one per gate ({', '.join(gates)}):\n"
        "each entry is 0 (dropped) or 1/(1-rate), the same at every step.",
        "Keras는 드롭아웃 마스크를 자체 난수로 뽑습니다. rnntui와 같은 숫자를 얻으려고 랩의\n"
        f"마스크를 넣어 줍니다. 마스크는 하나(공유) 또는 게이트마다 ({', '.join(gates)}):\n"
        "각 값은 0(제외) 또는 1/(1-rate)이고 모든 스텝에서 같습니다.",
    )
    s.add("input_masks = [" + ", ".join(literal(m) for m in x_masks) + "]")
    s.add("recurrent_masks = [" + ", ".join(literal(m) for m in h_masks) + "]", "")
    if s.keras:
        cls = cells.KERAS_CLASS[kind]
        s.add(
            f"layer = keras.layers.{cls}(units, return_sequences=True, dropout=dropout, "
            'recurrent_dropout=recurrent_dropout, dtype="float64")',
            "layer.build((None, steps, dim))",
            "layer.set_weights([kernel, recurrent_kernel, bias])",
            "",
            "",
            "def as_keras(masks):",
            "    tensors = [keras.ops.convert_to_tensor(m) for m in masks]",
            "    return None if not tensors else tensors if len(tensors) > 1 else tensors[0]",
            "",
            "",
            "layer.cell.get_dropout_mask = lambda step: as_keras(input_masks)",
            "layer.cell.get_recurrent_dropout_mask = lambda step: as_keras(recurrent_masks)",
            "run_h = keras.ops.convert_to_numpy(layer(x, training=training))[0]",
            "",
        )
        s.comment("The same weights without dropout.", "같은 가중치, 드롭아웃 없음.")
        s.add(
            f'plain = keras.layers.{cls}(units, return_sequences=True, dtype="float64")',
            "plain.build((None, steps, dim))",
            "plain.set_weights([kernel, recurrent_kernel, bias])",
            "plain_h = keras.ops.convert_to_numpy(plain(x))[0]",
        )
    else:
        cells.torch_notes(s, {kind})
        s.comment(
            "torch has no recurrent_dropout (and torch.nn.LSTM's dropout acts between stacked\n"
            "layers): the layer with dropout is the short torch loop below, in Keras' order.",
            "torch에는 recurrent_dropout이 없습니다 (torch.nn.LSTM의 dropout은 쌓은 층 사이에\n"
            "씁니다). 드롭아웃을 쓴 층은 아래의 짧은 torch 반복문입니다 (Keras와 같은 순서).",
        )
        s.add(TORCH_LOOP.format(body=LSTM_BODY if kind == "LSTM" else GRU_BODY), "")
        s.add(
            f"n_gates = {len(gates)}",
            "",
            "",
            "def per_gate(masks, width):",
            "    if not training or not masks:",
            "        return [torch.ones((1, width))] * n_gates",
            "    tensors = [torch.from_numpy(m) for m in masks]",
            "    return tensors if len(tensors) > 1 else tensors * n_gates",
            "",
            "",
            "W, U, b = (torch.from_numpy(a) for a in (kernel, recurrent_kernel, bias))",
            "run_h = run(torch.from_numpy(x), W, U, b, per_gate(input_masks, dim),"
            " per_gate(recurrent_masks, units)).numpy()",
            "",
        )
        s.comment(
            "The same weights without dropout: torch.nn.", "같은 가중치, 드롭아웃 없음: torch.nn."
        )
        s.add(f"plain = torch.nn.{cells.TORCH_CLASS[kind]}(dim, units, batch_first=True)")
        cells.torch_copy(s, "plain", kind, ("kernel", "recurrent_kernel", "bias"))
        s.add("with torch.no_grad():", "    plain_h = plain(torch.from_numpy(x))[0][0].numpy()")
    s.blank()
    s.add(
        "for k in range(units):",
        '    print(f"h[{k}] with dropout   ", " ".join(f"{v:8.4f}" for v in run_h[:, k]))',
        "for k in range(units):",
        '    print(f"h[{k}] without dropout", " ".join(f"{v:8.4f}" for v in plain_h[:, k]))',
        'print("max |difference| =", round(float(np.abs(run_h - plain_h).max()), 4))',
        "",
    )
    s.comment(
        "What each gate reads: x_t * m and h_{t-1} * m (h_{-1} = 0).",
        "각 게이트가 읽는 값: x_t * m과 h_{t-1} * m (h_{-1} = 0).",
    )
    s.add(
        "h_prev = np.concatenate([np.zeros((1, units)), run_h[:-1]])",
        "x_in = (np.stack([x[0] * m for m in input_masks]) if training and input_masks"
        " else x[0][None])",
        "h_in = (np.stack([h_prev * m for m in recurrent_masks]) if training and recurrent_masks"
        " else h_prev[None])",
        "",
    )
    shown_x = np.stack([np.stack([v[0] for v in st.x_in]) for st in run.steps], axis=1)
    shown_hin = np.stack([np.stack([v[0] for v in st.h_in]) for st in run.steps], axis=1)
    s.shown("shown_run", run.outputs[0], "rnntui's h_t with dropout.", "rnntui의 드롭아웃 h_t.")
    s.shown(
        "shown_plain",
        plain.outputs[0],
        "rnntui's h_t without dropout.",
        "rnntui의 드롭아웃 없는 h_t.",
    )
    s.shown(
        "shown_x_in",
        shown_x,
        "rnntui's masked x_t (mask, step, feature).",
        "rnntui의 마스크 적용 x_t (마스크, 스텝, 특성).",
    )
    s.shown(
        "shown_h_in",
        shown_hin,
        "rnntui's masked h_{t-1} (mask, step, unit).",
        "rnntui의 마스크 적용 h_{t-1} (마스크, 스텝, 유닛).",
    )
    s.blank()
    s.check("run_h", "shown_run", "h_t with dropout matches.", "드롭아웃 h_t가 같습니다.")
    s.check(
        "plain_h", "shown_plain", "h_t without dropout matches.", "드롭아웃 없는 h_t가 같습니다."
    )
    s.check("x_in", "shown_x_in", "The masked inputs match.", "마스크 적용 입력이 같습니다.")
    s.check("h_in", "shown_h_in", "The masked states match.", "마스크 적용 상태가 같습니다.")
    s.footer()
