"""Source snippets shared by the recurrent scripts: Keras layers, the same weights in a torch
module (gate order and transposes), and the cell equations written out by hand.

The hand-written cells use ``sigmoid``, ``tanh`` and ``full_like`` from the script's header
(NumPy or torch), so the same text runs on arrays and on tensors.
"""

from __future__ import annotations

from rnntui.codegen.emit import Script

KERAS_CLASS = {"SimpleRNN": "SimpleRNN", "LSTM": "LSTM", "GRU": "GRU"}
TORCH_CLASS = {"SimpleRNN": "RNN", "LSTM": "LSTM", "GRU": "GRU"}


def activations(script: Script) -> None:
    """``sigmoid``, ``tanh`` and ``full_like`` for the hand-written cells."""
    if script.keras:
        script.add(
            "def sigmoid(v):",
            "    return 1.0 / (1.0 + np.exp(-v))",
            "",
            "",
            "tanh, full_like = np.tanh, np.full_like",
        )
    else:
        script.add("sigmoid, tanh, full_like = torch.sigmoid, torch.tanh, torch.full_like")
    script.blank()


def keras_layer(
    var: str, kind: str, units: int, *, reset_after: bool = True, extra: str = ""
) -> str:
    """``var = keras.layers.LSTM(...)`` (return_sequences, float64)."""
    args = [str(units), "return_sequences=True"]
    if kind == "GRU" and not reset_after:
        args.append("reset_after=False")
    if extra:
        args.append(extra)
    args.append('dtype="float64"')
    return f"{var} = keras.layers.{KERAS_CLASS[kind]}({', '.join(args)})"


def torch_copy(
    script: Script, var: str, kind: str, names: tuple[str, str, str], suffix: str = ""
) -> None:
    """Copy Keras-layout weights (kernel, recurrent_kernel, bias variables ``names``) into
    torch module ``var`` (``suffix="_reverse"`` for a bidirectional module's backward half)."""
    kernel, rec, bias = names
    script.add("with torch.no_grad():")
    if kind == "GRU":
        fix = "keras_to_torch_gru"
        script.add(
            f"    {var}.weight_ih_l0{suffix}.copy_(torch.from_numpy({fix}({kernel}).T))",
            f"    {var}.weight_hh_l0{suffix}.copy_(torch.from_numpy({fix}({rec}).T))",
            f"    {var}.bias_ih_l0{suffix}.copy_(torch.from_numpy({fix}({bias}[0])))",
            f"    {var}.bias_hh_l0{suffix}.copy_(torch.from_numpy({fix}({bias}[1])))",
        )
    else:
        script.add(
            f"    {var}.weight_ih_l0{suffix}.copy_(torch.from_numpy({kernel}.T))",
            f"    {var}.weight_hh_l0{suffix}.copy_(torch.from_numpy({rec}.T))",
            f"    {var}.bias_ih_l0{suffix}.copy_(torch.from_numpy({bias}))",
            f"    {var}.bias_hh_l0{suffix}.zero_()",
        )


def torch_notes(script: Script, kinds: set[str]) -> None:
    """Comments on torch's layout, and the GRU reorder helper when a GRU is used."""
    script.comment(
        "torch stores weights transposed (out, in) and has two biases (b_ih + b_hh = Keras' b).",
        "torch는 가중치를 전치해서 (출력, 입력) 저장하고 편향이 둘입니다\n"
        "(b_ih + b_hh = Keras의 b).",
    )
    if "LSTM" in kinds:
        script.comment(
            "LSTM gate order: torch i, f, g, o = Keras i, f, c, o (the same blocks).",
            "LSTM 게이트 순서: torch i, f, g, o = Keras i, f, c, o (같은 블록).",
        )
    if "GRU" in kinds:
        script.comment(
            "GRU gate order: Keras z, r, h; torch r, z, n. torch.nn.GRU is Keras'\n"
            "reset_after=True (bias row 0 -> b_ih, row 1 -> b_hh).",
            "GRU 게이트 순서: Keras z, r, h, torch r, z, n. torch.nn.GRU는 Keras의\n"
            "reset_after=True와 같습니다 (bias 0행 -> b_ih, 1행 -> b_hh).",
        )
        script.add(
            "def keras_to_torch_gru(a):",
            "    n = a.shape[-1] // 3",
            "    return np.concatenate([a[..., n : 2 * n], a[..., :n], a[..., 2 * n :]], axis=-1)",
        )
    script.blank()


GATE_FN = '''\
def gate(name, pre, act):
    """act(pre), or what FORCES says for this gate (rnntui's what-if forcing)."""
    kind, value = FORCES.get(name, ("", 0.0))
    if kind == "pre":
        pre = full_like(pre, value)
    out = act(pre)
    if kind == "value":
        out = full_like(out, value)
    return pre, out
'''

CELLS = {
    "SimpleRNN": '''\
def cell(x_t, h, c, W, U, b):
    """One SimpleRNN step: h_t = tanh(x_t W + h_{t-1} U + b)."""
    pre, h = gate("h", x_t @ W + h @ U + b, tanh)
    return h, c, {"h": pre}, {"h": h}
''',
    "LSTM": '''\
def cell(x_t, h, c, W, U, b):
    """One LSTM step; Keras blocks i, f, c (called g here), o."""
    n = U.shape[0]
    z = x_t @ W + h @ U + b
    pre, gates = {}, {}
    for k, (name, act) in enumerate([("i", sigmoid), ("f", sigmoid), ("g", tanh), ("o", sigmoid)]):
        pre[name], gates[name] = gate(name, z[..., k * n : (k + 1) * n], act)
    c = gates["f"] * c + gates["i"] * gates["g"]
    h = gates["o"] * tanh(c)
    return h, c, pre, gates
''',
    "GRU_after": '''\
def cell(x_t, h, c, W, U, b):
    """One GRU step, reset_after=True (Keras 3 default); blocks z, r, h (called hh here)."""
    n = U.shape[0]
    a = x_t @ W + b[0]
    m = h @ U + b[1]
    pre, gates = {}, {}
    pre["z"], gates["z"] = gate("z", a[..., :n] + m[..., :n], sigmoid)
    pre["r"], gates["r"] = gate("r", a[..., n : 2 * n] + m[..., n : 2 * n], sigmoid)
    pre["hh"], gates["hh"] = gate("hh", a[..., 2 * n :] + gates["r"] * m[..., 2 * n :], tanh)
    h = gates["z"] * h + (1 - gates["z"]) * gates["hh"]
    return h, c, pre, gates
''',
    "GRU_before": '''\
def cell(x_t, h, c, W, U, b):
    """One GRU step, reset_after=False: the reset gate acts before U_h; one bias."""
    n = U.shape[0]
    a = x_t @ W + b
    pre, gates = {}, {}
    pre["z"], gates["z"] = gate("z", a[..., :n] + h @ U[:, :n], sigmoid)
    pre["r"], gates["r"] = gate("r", a[..., n : 2 * n] + h @ U[:, n : 2 * n], sigmoid)
    pre["hh"], gates["hh"] = gate("hh", a[..., 2 * n :] + (gates["r"] * h) @ U[:, 2 * n :], tanh)
    h = gates["z"] * h + (1 - gates["z"]) * gates["hh"]
    return h, c, pre, gates
''',
}


def cell_key(kind: str, reset_after: bool = True) -> str:
    """The key of :data:`CELLS` for a layer kind."""
    if kind == "GRU":
        return "GRU_after" if reset_after else "GRU_before"
    return kind


def hand_cell(script: Script, kind: str, reset_after: bool = True, forces: str = "{}") -> None:
    """``FORCES``, ``gate`` and ``cell`` for ``kind``."""
    script.add(f"FORCES = {forces}", "", "")
    script.add(GATE_FN, "")
    script.add(CELLS[cell_key(kind, reset_after)], "")
