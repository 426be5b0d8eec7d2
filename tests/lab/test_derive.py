"""Derivations add up: every printed term sums to the engine's number, and the numbers agree
with an independent NumPy forward pass written here (and with torch.nn where it has the cell)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from rnntui.lab.derive import MAX_TERMS, SHOWN_TERMS, Derivation, derive, quantities
from rnntui.lab.format import fmt
from rnntui.lab.gru import GRULab
from rnntui.lab.lstm import LSTMLab
from rnntui.lab.recurrent import RecurrentLab
from rnntui.lab.simple_rnn import SimpleRNNLab

SEQ = [1.0, 0.5, -1.0, 0.25]


def sig(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def reference(lab: RecurrentLab) -> list[dict[str, np.ndarray]]:
    """Each step's pre-activations, gates, h (and c), from the weights, written out anew."""
    layer = lab.engine_layer()
    weights = layer.get_weights()
    kernel, rec = weights[0], weights[1]
    bias = weights[2]
    n = layer.units
    x = lab.seq.x
    h = np.zeros(n)
    c = np.zeros(n)
    out = []
    for t in range(x.shape[0]):
        row: dict[str, np.ndarray] = {}
        if lab.KIND == "SimpleRNN":
            row["pre:h"] = x[t] @ kernel + h @ rec + bias
            h = row["h"] = np.tanh(row["pre:h"])
        elif lab.KIND == "LSTM":
            zs = x[t] @ kernel + h @ rec + bias
            for k, g in enumerate("ifgo"):
                row[f"pre:{g}"] = zs[k * n : (k + 1) * n]
            i, f, o = (sig(row[f"pre:{g}"]) for g in "ifo")
            g = np.tanh(row["pre:g"])
            c = f * c + i * g
            h = o * np.tanh(c)
            row.update(i=i, f=f, g=g, o=o, c=c, h=h)
        else:
            blk = [slice(k * n, (k + 1) * n) for k in range(3)]
            if bias.ndim == 2:
                a = x[t] @ kernel + bias[0]
                m = h @ rec + bias[1]
                row["pre:z"] = a[blk[0]] + m[blk[0]]
                row["pre:r"] = a[blk[1]] + m[blk[1]]
                r = sig(row["pre:r"])
                row["pre:hh"] = a[blk[2]] + r * m[blk[2]]
            else:
                row["pre:z"] = x[t] @ kernel[:, blk[0]] + bias[blk[0]] + h @ rec[:, blk[0]]
                row["pre:r"] = x[t] @ kernel[:, blk[1]] + bias[blk[1]] + h @ rec[:, blk[1]]
                r = sig(row["pre:r"])
                row["pre:hh"] = x[t] @ kernel[:, blk[2]] + bias[blk[2]] + (r * h) @ rec[:, blk[2]]
            z = sig(row["pre:z"])
            hh = np.tanh(row["pre:hh"])
            h = z * h + (1 - z) * hh
            row.update(z=z, r=r, hh=hh, h=h)
        out.append(row)
    return out


def labs() -> list[RecurrentLab]:
    return [
        SimpleRNNLab({"units": 3, "sequence": SEQ}),
        LSTMLab({"units": 2, "sequence": SEQ}),
        GRULab({"units": 2, "sequence": SEQ}),
        GRULab({"units": 2, "sequence": SEQ, "reset_after": False}),
        LSTMLab({"units": 9, "sequence": SEQ, "seed": 3}),
        GRULab({"units": 8, "sequence": [[1.0, -0.5]] * 3, "seed": 1}),
        GRULab({"units": 8, "sequence": SEQ, "reset_after": False, "seed": 2}),
        SimpleRNNLab({"units": 7, "sequence": [[0.3] * 9, [-0.2] * 9]}),
    ]


def check_adds_up(d: Derivation) -> None:
    for group in d.groups:
        inner = math.fsum([t.value for t in group.terms] + [group.constant or 0.0])
        if group.terms:
            assert abs(inner - group.value) < 1e-12, (d.title, group.name)
    assert abs(math.fsum(d.addends) - d.total) < 1e-12, d.title


@pytest.mark.parametrize("lab", labs(), ids=lambda lab: f"{lab.KIND}{lab.units}")
def test_every_quantity_adds_up_and_equals_an_independent_forward(lab: RecurrentLab) -> None:
    ref = reference(lab)
    steps = lab.steps()
    for t in range(lab.seq.steps):
        for u in range(lab.units):
            for q in quantities(lab):
                d = derive(lab, q, unit=u, step=t)
                check_adds_up(d)
                assert abs(d.result - float(ref[t][q][u])) < 1e-12, (q, t, u)
                if q.startswith("pre:"):
                    assert d.result == float(steps[t].pre[q[4:]][0, u])
                elif q == "c":
                    assert steps[t].c is not None and d.result == float(steps[t].c[0, u])
                elif q == "h":
                    assert d.result == float(steps[t].h[0, u])
                else:
                    assert d.result == float(steps[t].gates[q][0, u])


def test_the_printed_lines_carry_the_engines_numbers() -> None:
    lab = LSTMLab({"units": 2, "sequence": SEQ})
    lab.select(time=1, unit=1)
    step = lab.steps()[1]
    kernel, rec, bias = lab.engine_layer().get_weights()
    d = derive(lab, "f")
    col = 1 * 2 + 1  # block f (Keras order i, f, c, o), unit 1
    assert d.symbolic.splitlines() == [
        "f[1] = sigmoid(pre_f[1])",
        "pre_f[1] = x_t W_f[:,1] + h_{t-1} U_f[:,1] + b_f[1]",
    ]
    x_line = f"  x_t W_f[:,1] = 0.5000*{fmt(kernel[0, col])} = {fmt(step.parts['f'].x_term[0, 1])}"
    assert d.live[0].replace("(", "").replace(")", "") == x_line.replace("(", "").replace(")", "")
    h = step.h_prev[0]
    assert f"{fmt(h[1]).lstrip('-')}" in d.live[1] and fmt(rec[1, col]).lstrip("-") in d.live[1]
    assert d.live[2] == f"  b_f[1] = {fmt(bias[col])}"
    pre, f = float(step.pre["f"][0, 1]), float(step.gates["f"][0, 1])
    assert d.activation == f"f[1] = sigmoid({fmt(pre)}) = {fmt(f)}"
    assert d.live[-1].endswith(f"= {fmt(pre)}")
    assert d.title.startswith("f[1]") and "t=2" in d.title
    assert "x_2" in d.notes[0] and "h_1" in d.notes[0]


def test_large_sums_show_the_largest_terms_and_the_rest() -> None:
    lab = LSTMLab({"units": 9, "sequence": SEQ})
    lab.select(time=2, unit=4)
    d = derive(lab, "pre:o")
    h_group = d.groups[1]
    assert len(h_group.terms) == 9 > MAX_TERMS
    text = "\n".join(d.lines())
    assert "(9 terms, the 4 largest:)" in text and "and 5 more, adding up to" in text
    shown = [line for line in d.live if line.startswith("    h_{t-1}[")]
    assert len(shown) == SHOWN_TERMS
    biggest = sorted(h_group.terms, key=lambda term: -abs(term.value))[:SHOWN_TERMS]
    for term in biggest:
        assert any(line.startswith(f"    {term.label} = ") for line in shown)
    ko = "\n".join(derive(lab, "pre:o", lang="ko").lines())
    assert "항 9개 중 큰 4개" in ko and "나머지 5개의 합" in ko and "유닛 4" in ko


def test_gru_candidate_in_both_reset_after_forms() -> None:
    after = GRULab({"units": 2, "sequence": SEQ})
    after.select(time=2, unit=0)
    d = derive(after, "hh")
    assert "r[0]*(h_{t-1} U_h[:,0] + b'_h[0])" in d.symbolic
    scaled = d.groups[-1]
    r = float(after.steps()[2].gates["r"][0, 0])
    assert scaled.scale == r and d.addends[-1] == r * scaled.value
    before = GRULab({"units": 2, "sequence": SEQ, "reset_after": False})
    before.select(time=2, unit=0)
    d = derive(before, "hh")
    assert "(r*h_{t-1}) U_h[:,0]" in d.symbolic and "b'_h" not in d.symbolic
    step = before.steps()[2]
    rh = step.gates["r"][0] * step.h_prev[0]
    assert [t.a for t in d.groups[-1].terms] == [float(v) for v in rh]


def test_forced_gates_say_so() -> None:
    lab = LSTMLab({"units": 2, "sequence": SEQ})
    lab.force("f", "value", 1.0)
    d = derive(lab, "f")
    assert d.result == 1.0 and "(forced;" in d.activation
    lab.force("i", "pre", 2.0)
    d = derive(lab, "i", lang="ko")
    assert d.result == float(sig(np.asarray(2.0))) and "고정" in d.notes[-1]
    assert abs(math.fsum(d.addends) - d.total) < 1e-12 and d.total != 2.0
    c = derive(lab, "c")
    check_adds_up(c)
    assert c.groups[0].terms[0].a == 1.0


def test_a_state_edit_is_named() -> None:
    lab = SimpleRNNLab({"units": 2, "sequence": SEQ})
    lab.select(time=1, unit=0)
    lab.set("h_prev", 0.5)
    d = derive(lab, "h")
    assert d.groups[1].terms[0].a == 0.5 and "set by hand" in d.notes[0]
    check_adds_up(d)


def test_unknown_quantities_and_indices_are_refused() -> None:
    lab = SimpleRNNLab()
    with pytest.raises(ValueError):
        derive(lab, "f")
    with pytest.raises(ValueError):
        derive(lab, "h", unit=5)
    with pytest.raises(ValueError):
        derive(lab, "h", step=9)
    assert quantities(LSTMLab()) == (
        "pre:f",
        "f",
        "pre:i",
        "i",
        "pre:o",
        "o",
        "pre:g",
        "g",
        "c",
        "h",
    )


def test_torch_agrees_with_the_derived_numbers() -> None:
    torch = pytest.importorskip("torch")
    lab = LSTMLab({"units": 2, "sequence": SEQ})
    kernel, rec, bias = lab.engine_layer().get_weights()
    net = torch.nn.LSTM(1, 2, batch_first=True, dtype=torch.float64)
    with torch.no_grad():
        net.weight_ih_l0.copy_(torch.from_numpy(kernel.T.copy()))
        net.weight_hh_l0.copy_(torch.from_numpy(rec.T.copy()))
        net.bias_ih_l0.copy_(torch.from_numpy(bias.copy()))
        net.bias_hh_l0.zero_()
        out, (_h, c) = net(torch.from_numpy(lab.seq.x[None].copy()))
    for t in range(len(SEQ)):
        for u in range(2):
            assert abs(derive(lab, "h", u, t).result - float(out[0, t, u])) < 1e-12
    assert abs(derive(lab, "c", 1, len(SEQ) - 1).result - float(c[0, 0, 1])) < 1e-12
    gru = GRULab({"units": 2, "sequence": SEQ})
    kernel, rec, bias = gru.engine_layer().get_weights()

    def order(a: np.ndarray) -> np.ndarray:  # Keras z, r, h -> torch r, z, n
        z, r, h = np.split(a, 3, axis=-1)
        return np.concatenate([r, z, h], axis=-1)

    net2 = torch.nn.GRU(1, 2, batch_first=True, dtype=torch.float64)
    with torch.no_grad():
        net2.weight_ih_l0.copy_(torch.from_numpy(order(kernel).T.copy()))
        net2.weight_hh_l0.copy_(torch.from_numpy(order(rec).T.copy()))
        net2.bias_ih_l0.copy_(torch.from_numpy(order(bias[0]).copy()))
        net2.bias_hh_l0.copy_(torch.from_numpy(order(bias[1]).copy()))
        out2, _ = net2(torch.from_numpy(gru.seq.x[None].copy()))
    for t in range(len(SEQ)):
        for u in range(2):
            assert abs(derive(gru, "h", u, t).result - float(out2[0, t, u])) < 1e-12
