"""Code for the SimpleRNN, LSTM and GRU panels: the layer with the lab's weights over the
lab's sequence (a state set by the student, typed words, forced gates included), the h (and c)
grid and the gates of the shown step, checked against the lab's view."""

from __future__ import annotations

from rnntui.codegen import cells
from rnntui.codegen.emit import Script, int_literal, literal, rows
from rnntui.lab.recurrent import RecurrentLab

GATE_TEXT = {"f": "f sig", "i": "i sig", "o": "o sig", "g": "g tanh", "z": "z sig", "r": "r sig"}


def generate(lab: RecurrentLab, script: Script) -> None:
    """Append the whole script for ``lab`` to ``script``."""
    view = lab.view(script.lang)
    kind, units = lab.KIND, lab.units
    layer = lab.engine_layer()
    kernel, rec, bias = layer.get_weights()
    reset_after = bool(lab.settings.get("reset_after", True))
    seq, edit, forces = lab.seq, lab.edit, dict(lab.forces)
    steps, dim = seq.steps, seq.dim
    carry = lab.HAS_CARRY
    k = script.keras
    s = script
    s.header(f"the {kind} panel", f"{kind} 패널")
    s.comment(f"The panel: {view.title}", f"패널: {view.title}")
    s.add(f"units, steps, dim = {units}, {steps}, {dim}")
    s.comment(
        "Keras weights: kernel = W (D, G*n), recurrent_kernel = U (n, G*n), bias = b.",
        "Keras 가중치: kernel = W (D, G*n), recurrent_kernel = U (n, G*n), bias = b.",
    )
    s.add(f"kernel = {literal(kernel)}", f"recurrent_kernel = {literal(rec)}")
    s.add(f"bias = {literal(bias)}", "")
    _inputs(lab, s)
    if not k:
        cells.torch_notes(s, {kind})
    torch_module = k or not (kind == "GRU" and not reset_after)
    if edit is not None:
        s.comment(
            f"The state entering step t={edit.t + 1} is set (the lesson's example or your edit):\n"
            f"the run restarts there (Python index t_set = {edit.t}).",
            f"t={edit.t + 1} 스텝에 들어가는 상태를 정했습니다 (레슨 예제 또는 직접 설정):\n"
            f"거기서 다시 시작합니다 (Python 인덱스 t_set = {edit.t}).",
        )
        s.add(f"t_set = {edit.t}", f"h_set = {literal(edit.h[None])}")
        if edit.c is not None:
            s.add(f"c_set = {literal(edit.c[None])}")
        s.blank()
    if torch_module:
        _framework_run(lab, s)
    else:
        s.comment(
            "No torch.nn module computes Keras' GRU with reset_after=False (torch.nn.GRU is\n"
            "reset_after=True): the short loop below, in torch, is the layer.",
            "Keras의 reset_after=False GRU와 같은 torch.nn 모듈은 없습니다 (torch.nn.GRU는\n"
            "reset_after=True). 아래의 짧은 torch 반복문이 바로 이 층입니다.",
        )
        s.blank()
    # the cell by hand: gates of every step (and the forcing)
    s.comment(
        "The same cell written out, to print the gates of a step (Keras and torch return only h).",
        "스텝의 게이트 값을 보려고 같은 셀을 직접 씁니다 (Keras와 torch는 h만 돌려줍니다).",
    )
    if forces:
        s.comment(
            "Forced gates are rnntui's what-if; Keras and torch have no such option, so the\n"
            "forcing is done here by hand (FORCES: gate -> ('value' or 'pre', number)).",
            "게이트 고정은 rnntui의 가정 실험입니다. Keras와 torch에는 이런 옵션이 없어서\n"
            "여기서 직접 고정합니다 (FORCES: 게이트 -> ('value' 또는 'pre', 숫자)).",
        )
    forced = (
        "{"
        + ", ".join(f"{g!r}: ({f.kind!r}, {f.value!r})" for g, f in sorted(forces.items()))
        + "}"
    )
    cells.activations(s)
    cells.hand_cell(s, kind, reset_after, "{}")
    wrap = (lambda name: name) if k else (lambda name: f"torch.from_numpy({name})")
    zeros = "np.zeros" if k else "torch.zeros"
    cat = "np.concatenate" if k else "torch.cat"
    tail = "" if k else ".numpy()"
    s.add(
        f"W, U, b = {wrap('kernel')}, {wrap('recurrent_kernel')}, {wrap('bias')}",
        f"xs = {wrap('x')}",
        "",
        "",
        "def run():",
        '    """Every step with the cell above; the gates read FORCES when they are called."""',
        f"    h, c = {zeros}((1, units)), {zeros}((1, units))",
        "    hs, cs, pres, gates, h_prevs = [], [], [], [], []",
        "    for t in range(steps):",
    )
    if edit is not None:
        c_set = wrap("c_set") if edit.c is not None else "c"
        s.add("        if t == t_set:", f"            h, c = {wrap('h_set')}, {c_set}")
    s.add(
        "        h_prevs.append(h)",
        "        h, c, pre, gate_values = cell(xs[:, t], h, c, W, U, b)",
        "        hs.append(h)",
        "        cs.append(c)",
        "        pres.append(pre)",
        "        gates.append(gate_values)",
        f"    return {cat}(hs){tail}, {cat}(cs){tail}, pres, gates, h_prevs",
        "",
        "",
    )
    if forces and torch_module:
        s.comment(
            "Without forcing, the written-out cell computes what the layer computes:",
            "고정하지 않으면 직접 쓴 셀은 층과 같은 값을 계산합니다:",
        )
        s.add("np.testing.assert_allclose(run()[0], framework_h, atol=ATOL)")
        s.comment("Now with rnntui's forcing:", "이제 rnntui처럼 고정합니다:")
    if forces:
        s.add(f"FORCES = {forced}")
    s.add("hand_h, hand_c, pres, gates, h_prevs = run()", "")
    # what the panel shows
    s.shown(
        "shown_h",
        rows(view.grid_h),
        "rnntui's h grid (every step, every unit), as computed by rnntui.",
        "rnntui가 계산한 h 격자 (모든 스텝, 모든 유닛).",
    )
    if carry and view.grid_c is not None:
        s.shown("shown_c", rows(view.grid_c), "rnntui's c grid.", "rnntui의 c 격자.")
    if view.gates:
        gate_names = [g.gate for g in view.gates]
        s.shown(
            "shown_gates",
            [g.value for g in view.gates],
            f"The gates at t={view.time + 1}, unit {view.unit} ({', '.join(gate_names)}).",
            f"t={view.time + 1}, 유닛 {view.unit}의 게이트 ({', '.join(gate_names)}).",
        )
    s.blank()
    s.comment(
        "Steps are numbered from 1 as in the lessons (t=1 is the first); Python indexes from 0.",
        "스텝 번호는 레슨처럼 1부터 셉니다 (t=1이 첫 스텝). Python 인덱스는 0부터입니다.",
    )
    s.add(
        'print("    ", " ".join(f"t={t + 1}".rjust(8) for t in range(steps)))',
        "for k in range(units):",
        '    print(f"h[{k}]", " ".join(f"{v:8.4f}" for v in hand_h[:, k]))',
    )
    if carry:
        s.add(
            "for k in range(units):",
            '    print(f"c[{k}]", " ".join(f"{v:8.4f}" for v in hand_c[:, k]))',
        )
    if view.gates:
        s.add(f"t_shown, unit = {view.time}, {view.unit}  # step t={view.time + 1}")
        labels = {g.gate: g.label for g in view.gates}
        s.add(f"labels = {labels!r}")
        s.add(
            "for name in labels:",
            "    value = float(gates[t_shown][name][0, unit])",
            "    pre = float(pres[t_shown][name][0, unit])",
            '    print(f"{labels[name]:7} {value:.4f}   pre {pre:8.4f}")',
        )
        s.add(f"hand_gates = np.array([float(gates[t_shown][g][0, unit]) for g in {gate_names!r}])")
    s.blank()
    if torch_module and not forces:
        s.check(
            "framework_h",
            "hand_h",
            "The hand-written cell computes what the layer computes.",
            "직접 쓴 셀은 층과 같은 값을 계산합니다.",
        )
        s.check(
            "framework_h", "shown_h", "The layer gives rnntui's h.", "층이 rnntui의 h를 냅니다."
        )
    elif torch_module:
        s.comment(
            "framework_h is the unforced layer: it differs from the forced run.",
            "framework_h는 고정하지 않은 층의 결과라서 고정한 실행과 다릅니다.",
        )
        s.add('print("unforced layer, last h:", np.round(framework_h[-1], 4))')
    s.check("hand_h", "shown_h", "h matches rnntui.", "h가 rnntui와 같습니다.")
    if carry:
        s.check("hand_c", "shown_c", "c matches rnntui.", "c가 rnntui와 같습니다.")
    if view.gates:
        s.check("hand_gates", "shown_gates", "The gates match.", "게이트 값이 같습니다.")
    if kind == "SimpleRNN":
        _simple_terms(lab, s)
    if kind == "GRU":
        _gru_params(lab, s)
    s.footer()


def _simple_terms(lab: RecurrentLab, s: Script) -> None:
    """The panel's formula line: x_t W[:, u], h_(t-1) U[:, u] and b[u] of the shown cell."""
    view = lab.view(s.lang)
    parts = lab.steps()[view.time].parts["h"]
    u = view.unit
    shown = [float(parts.x_term[0, u]), float(parts.h_term[0, u]), float(parts.bias[u])]
    s.blank()
    s.comment(
        f"The formula of unit {u} at t={view.time + 1}: tanh(x_t W + h_(t-1) U + b), term by term.",
        f"t={view.time + 1}, 유닛 {u}의 식: tanh(x_t W + h_(t-1) U + b), 항마다.",
    )
    s.add(
        f"t_shown, unit = {view.time}, {u}",
        "x_t, h_prev = xs[:, t_shown], h_prevs[t_shown]",
        "terms = [float((x_t @ W)[0, unit]), float((h_prev @ U)[0, unit]), float(b[unit])]",
        'print("tanh(" + " + ".join(f"{v:.4f}" for v in terms) + f") = {np.tanh(sum(terms)):.4f}")',
    )
    s.shown("shown_terms", shown, "rnntui's three terms.", "rnntui의 세 항.")
    s.check("np.array(terms)", "shown_terms", "The terms match.", "항이 같습니다.")


def _gru_params(lab: RecurrentLab, s: Script) -> None:
    """The panel's parameter line: LSTM vs GRU at these units and input dim."""
    from rnntui.lab.gru import GRULab

    assert isinstance(lab, GRULab)
    n_lstm, n_gru = lab.param_counts()
    reset_after = bool(lab.settings.get("reset_after", True))
    s.blank()
    s.comment(
        "Parameters: LSTM (4 blocks) vs this GRU (3 blocks), as model.summary() counts them.",
        "파라미터: LSTM (블록 4) 대 이 GRU (블록 3), model.summary()가 세는 대로.",
    )
    s.add(f"shown_params = ({n_lstm}, {n_gru})  # (LSTM, GRU)")
    if s.keras:
        s.add(
            'lstm = keras.layers.LSTM(units, dtype="float64")',
            "lstm.build((None, steps, dim))",
            "params = (lstm.count_params(), layer.count_params())",
        )
    else:
        s.comment(
            "torch keeps two biases: LSTM counts 4n more than Keras; torch.nn.GRU has Keras'\n"
            "two GRU biases (reset_after=True; reset_after=False has one, 3n fewer).",
            "torch는 편향이 둘입니다: LSTM은 Keras보다 4n개 많습니다. torch.nn.GRU는 Keras\n"
            "GRU의 두 편향과 같습니다 (reset_after=True; reset_after=False는 하나라 3n개 적음).",
        )
        s.add(
            "def count(module):",
            "    return sum(p.numel() for p in module.parameters())",
            "",
            "",
            "params = (",
            "    count(torch.nn.LSTM(dim, units)) - 4 * units,",
            f"    count(torch.nn.GRU(dim, units)) - {0 if reset_after else 3} * units,",
            ")",
        )
    s.add(
        'print(f"params, units={units}, input {dim}: LSTM {params[0]:,}, GRU {params[1]:,}")',
        "assert params == shown_params, params",
    )


def _inputs(lab: RecurrentLab, s: Script) -> None:
    seq = lab.seq
    if seq.tokens and seq.embedding is not None:
        table = seq.embedding.get_weights()[0]
        ids = [[seq.vocab.index(tok) for tok in seq.tokens]]
        s.comment(
            f"The words {' '.join(seq.tokens)!r} -> ids (sorted vocabulary {list(seq.vocab)!r})\n"
            "-> rows of a small Embedding.",
            f"단어 {' '.join(seq.tokens)!r} -> id (정렬한 어휘 {list(seq.vocab)!r})\n"
            "-> 작은 Embedding의 행.",
        )
        s.add(f"ids = {int_literal(ids)}", f"table = {literal(table)}")
        if s.keras:
            s.add(
                f"embedding = keras.layers.Embedding({table.shape[0]}, {table.shape[1]},"
                ' dtype="float64")',
                "embedding.build((None, steps))",
                "embedding.set_weights([table])",
                "x = keras.ops.convert_to_numpy(embedding(ids))",
            )
        else:
            s.add(
                f"embedding = torch.nn.Embedding({table.shape[0]}, {table.shape[1]})",
                "with torch.no_grad():",
                "    embedding.weight.copy_(torch.from_numpy(table))",
                "    x = embedding(torch.from_numpy(ids)).numpy()",
            )
        s.blank()
        return
    s.comment(
        "The input sequence, shape (batch 1, steps, dim).",
        "입력 시퀀스, 모양 (배치 1, 스텝, 차원).",
    )
    s.add(f"x = {literal(seq.x[None])}", "")


def _framework_run(lab: RecurrentLab, s: Script) -> None:
    kind, edit = lab.KIND, lab.edit
    reset_after = bool(lab.settings.get("reset_after", True))
    carry = lab.HAS_CARRY
    parts: list[tuple[str, str | None]] = []
    if edit is None:
        parts.append(("x", None))
    else:
        if edit.t > 0:
            parts.append(("x[:, :t_set]", None))
        parts.append(("x[:, t_set:]", "set"))
    if s.keras:
        s.add(
            cells.keras_layer(
                "layer", kind, lab.units, reset_after=reset_after, extra="return_state=True"
            ),
            "layer.build((None, steps, dim))",
            "layer.set_weights([kernel, recurrent_kernel, bias])",
            "outputs = []",
        )
        for part, state in parts:
            if state is None:
                s.add(f"outputs.append(keras.ops.convert_to_numpy(layer({part})[0]))")
            else:
                init = "[h_set, c_set]" if carry else "[h_set]"
                s.add(
                    f"out = layer({part}, initial_state={init})[0]",
                    "outputs.append(keras.ops.convert_to_numpy(out))",
                )
    else:
        s.add(
            f"layer = torch.nn.{cells.TORCH_CLASS[kind]}(dim, units, batch_first=True)",
        )
        cells.torch_copy(s, "layer", kind, ("kernel", "recurrent_kernel", "bias"))
        s.add("outputs = []", "with torch.no_grad():")
        for part, state in parts:
            if state is None:
                s.add(f"    outputs.append(layer(torch.from_numpy({part}))[0].numpy())")
            else:
                init = (
                    "(torch.from_numpy(h_set)[None], torch.from_numpy(c_set)[None])"
                    if carry
                    else "torch.from_numpy(h_set)[None]"
                )
                s.add(f"    outputs.append(layer(torch.from_numpy({part}), {init})[0].numpy())")
    s.add("framework_h = np.concatenate(outputs, axis=1)[0]  # (steps, units)", "")
