"""Where a number of a recurrent panel comes from: its derivation, term by term.

:func:`derive` takes a :class:`~rnntui.lab.recurrent.RecurrentLab` and one quantity (a gate's
pre-activation ``"pre:f"``, its value ``"f"``, the candidate, ``"c"`` or ``"h"``) at a unit and
step, and returns a :class:`Derivation`: the formula in the lessons' notation
(``pre_f[1] = x_t W_f[:,1] + h_{t-1} U_f[:,1] + b_f[1]``), the same formula with the live
operands, the activation step and the result. Every operand is read from the engine: the
step's ``x_in``, ``h_in``, ``parts``, ``pre`` and ``gates`` (``rnntui.nn.StepTrace``) and the
layer's ``get_weights()`` (Keras order and shapes). The printed results are the engine's own
numbers; the terms are the products that add up to them (a test checks the sums to 1e-12).

Notation (lessons 3-5): steps count from 1 (``h_0`` is the initial state, ``h_1`` the state
after the first step), units from 0 (``h[0]``). Pure: NumPy and the engine, no Textual.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from rnntui.lab.format import fmt, paren, words
from rnntui.nn import StepTrace
from rnntui.nn.activations import get_activation

if TYPE_CHECKING:
    from rnntui.lab.recurrent import RecurrentLab

MAX_TERMS = 6
"""A sum with more products than this shows its largest :data:`SHOWN_TERMS` and the rest."""
SHOWN_TERMS = 4

WEIGHT_BLOCK = {"i": "i", "f": "f", "g": "c", "o": "o", "z": "z", "r": "r", "hh": "h", "h": ""}
"""Gate -> the subscript of its weights in the lessons (LSTM's candidate g uses W_c)."""
VALUE_NAME = {"hh": "h~"}
"""Gate -> its name in the lessons when it differs (GRU's candidate is h~)."""


@dataclass(frozen=True)
class Term:
    """One product of a sum: ``a * b`` (``label`` says which entries, e.g. ``x_t[0] W_f[0,1]``)."""

    label: str
    a: float
    b: float

    @property
    def value(self) -> float:
        """The product."""
        return self.a * self.b


@dataclass(frozen=True)
class Group:
    """One named sum of products (``x_t W_f[:,1]``), or a single number (a bias) when
    ``terms`` is empty; ``value`` is the engine's number for it."""

    name: str
    terms: tuple[Term, ...]
    value: float
    scale: float | None = None
    """GRU reset_after candidate: this group enters the sum as ``r * (...)``; ``scale`` is r."""
    constant: float | None = None
    """A number added after the products inside the group (the GRU recurrent bias b'_h)."""


@dataclass(frozen=True)
class Derivation:
    """How one number was computed, ready to print (``lines()``) and to check (``addends``)."""

    quantity: str
    unit: int
    step: int
    """0-based index of the step (shown as t = step + 1)."""
    title: str
    symbolic: str
    """The formula in the lessons' notation, e.g. ``pre_f[1] = x_t W_f[:,1] + ...``."""
    groups: tuple[Group, ...]
    live: tuple[str, ...]
    """The formula with the live operands, term by term (several lines)."""
    addends: tuple[float, ...]
    """The numbers the last live line adds up (each group's value, r-scaled where it is)."""
    total_name: str
    total: float
    """The engine's sum (the pre-activation, c_t or h_t)."""
    activation: str
    """``f[1] = sigmoid(1.3631) = 0.7963`` (empty when the quantity is the sum itself)."""
    result: float
    notes: tuple[str, ...] = ()

    def lines(self) -> list[str]:
        """Everything, one printed line each."""
        out = [self.title, "", self.symbolic, *self.live]
        if self.activation:
            out.append(self.activation)
        if self.notes:
            out += ["", *self.notes]
        return out


# -- which quantities a lab has ---------------------------------------------------------------
def quantities(lab: RecurrentLab) -> tuple[str, ...]:
    """Every quantity :func:`derive` can explain for this lab, in display order."""
    gates = [g for g, *_ in lab.GATE_BARS] or ["h"]
    out: list[str] = []
    for gate in gates:
        out += [f"pre:{gate}", gate]
    if lab.HAS_CARRY:
        out.append("c")
    if "h" not in out:
        out.append("h")
    return tuple(out)


def value_name(gate: str) -> str:
    """The lessons' name of a gate's value (``h~`` for GRU's candidate)."""
    return VALUE_NAME.get(gate, gate)


def _sub(name: str, block: str) -> str:
    return f"{name}_{block}" if block else name


def _step_word(lang: str, step: int, unit: int) -> str:
    return words(lang, f"t={step + 1}, unit {unit}", f"t={step + 1}, 유닛 {unit}")


# -- the sums ----------------------------------------------------------------------------------
def _column(lab: RecurrentLab, gate: str, unit: int) -> int:
    layer = lab.engine_layer()
    return layer.gate_names.index(gate) * layer.units + unit


def _pick(entries: tuple[np.ndarray, ...], lab: RecurrentLab, gate: str) -> np.ndarray:
    """The input (or state) this gate read: one shared entry, or the gate's own (dropout)."""
    if len(entries) == 1:
        return entries[0][0]
    return entries[lab.engine_layer().gate_names.index(gate)][0]


def _products(
    operand: np.ndarray, weights: np.ndarray, col: int, unit: int, a_name: str, w_name: str
) -> tuple[Term, ...]:
    """``operand[k] * weights[k, col]`` for every k, labelled with the unit's index."""
    return tuple(
        Term(f"{a_name}[{k}] {w_name}[{k},{unit}]", float(operand[k]), float(weights[k, col]))
        for k in range(operand.shape[0])
    )


def _gate_sums(lab: RecurrentLab, step: StepTrace, gate: str, unit: int) -> tuple[Group, ...]:
    """The groups of a gate's pre-activation (before forcing), from the step and the weights."""
    layer = lab.engine_layer()
    kernel, rec = layer.get_weights()[:2]
    n = layer.units
    col = _column(lab, gate, unit)
    block = WEIGHT_BLOCK[gate]
    parts = step.parts[gate]
    x_in = _pick(step.x_in, lab, gate)
    h_in = _pick(step.h_in, lab, gate)
    w, u, b = _sub("W", block), _sub("U", block), _sub("b", block)

    x_terms = _products(x_in, kernel, col, unit, "x_t", w)
    groups = [Group(f"x_t {w}[:,{unit}]", x_terms, float(parts.x_term[0, unit]))]
    reset_after = bool(getattr(layer, "reset_after", False))
    gru_candidate = gate == "hh"
    if gru_candidate and not reset_after:
        r = step.gates["r"][0]
        rh = r * h_in
        h_terms = tuple(
            Term(f"(r*h_{{t-1}})[{k}] {u}[{k},{unit}]", float(rh[k]), float(rec[k, col]))
            for k in range(n)
        )
        groups.append(Group(f"b_h[{unit}]", (), float(parts.bias[unit])))
        groups.append(Group(f"(r*h_{{t-1}}) {u}[:,{unit}]", h_terms, float(parts.h_term[0, unit])))
        return tuple(groups)
    h_terms = _products(h_in, rec, col, unit, "h_{t-1}", u)
    if parts.rec_bias is not None:  # GRU reset_after: input bias, then the recurrent side
        groups.append(Group(f"{b}[{unit}]", (), float(parts.bias[unit])))
        m = float(parts.h_term[0, unit])
        rb = float(parts.rec_bias[unit])
        rec_name = f"b'_{block}[{unit}]"
        if gru_candidate:
            groups.append(
                Group(
                    f"r[{unit}]*(h_{{t-1}} {u}[:,{unit}] + {rec_name})",
                    h_terms,
                    m + rb,
                    scale=float(step.gates["r"][0, unit]),
                    constant=rb,
                )
            )
        else:
            groups.append(Group(f"h_{{t-1}} {u}[:,{unit}]", h_terms, m))
            groups.append(Group(rec_name, (), rb))
        return tuple(groups)
    groups.append(Group(f"h_{{t-1}} {u}[:,{unit}]", h_terms, float(parts.h_term[0, unit])))
    groups.append(Group(f"{b}[{unit}]", (), float(parts.bias[unit])))
    return tuple(groups)


def _symbolic(lab: RecurrentLab, gate: str, unit: int) -> str:
    layer = lab.engine_layer()
    block = WEIGHT_BLOCK[gate]
    w, u, b = _sub("W", block), _sub("U", block), _sub("b", block)
    pre = f"pre_{value_name(gate)}[{unit}]"
    if gate == "hh" and not bool(getattr(layer, "reset_after", False)):
        return f"{pre} = x_t {w}[:,{unit}] + {b}[{unit}] + (r*h_{{t-1}}) {u}[:,{unit}]"
    if gate == "hh":
        return (
            f"{pre} = x_t {w}[:,{unit}] + {b}[{unit}] + "
            f"r[{unit}]*(h_{{t-1}} {u}[:,{unit}] + b'_{block}[{unit}])"
        )
    if layer.bias.ndim == 2:  # GRU reset_after, z and r
        return (
            f"{pre} = x_t {w}[:,{unit}] + {b}[{unit}] + h_{{t-1}} {u}[:,{unit}] "
            f"+ b'_{block}[{unit}]"
        )
    return f"{pre} = x_t {w}[:,{unit}] + h_{{t-1}} {u}[:,{unit}] + {b}[{unit}]"


def _term_text(term: Term) -> str:
    return f"{paren(term.a)}*{paren(term.b)}"


def group_lines(group: Group, lang: str) -> list[str]:
    """A group's live line(s): every product when there are few, else the largest and the rest."""
    head = f"  {group.name} = "
    if not group.terms:
        return [f"{head}{fmt(group.value)}"]
    terms = group.terms
    if len(terms) <= MAX_TERMS:
        inner = " + ".join(
            [_term_text(t) for t in terms]
            + ([] if group.constant is None else [paren(group.constant)])
        )
        if group.scale is None:
            return [f"{head}{inner} = {fmt(group.value)}"]
        return [
            f"{head}{paren(group.scale)}*({inner})",
            f"      = {paren(group.scale)}*{paren(group.value)} = {fmt(group.scale * group.value)}",
        ]
    biggest = sorted(range(len(terms)), key=lambda k: -abs(terms[k].value))[:SHOWN_TERMS]
    rest = [t for k, t in enumerate(terms) if k not in biggest]
    value = group.value if group.scale is None else group.scale * group.value
    out = [
        f"{head}{fmt(value)}"
        + words(
            lang,
            f"  ({len(terms)} terms, the {SHOWN_TERMS} largest:)",
            f"  (항 {len(terms)}개 중 큰 {SHOWN_TERMS}개:)",
        )
    ]
    if group.scale is not None:
        out.append(f"    = {paren(group.scale)}*{paren(group.value)}")
    out += [
        f"    {terms[k].label} = {_term_text(terms[k])} = {fmt(terms[k].value)}"
        for k in sorted(biggest)
    ]
    rest_sum = float(sum(t.value for t in rest))
    if group.constant is not None:
        out.append(f"    {group.name.split('+ ')[-1].rstrip(')')} = {fmt(group.constant)}")
    out.append(
        words(
            lang,
            f"    and {len(rest)} more, adding up to {fmt(rest_sum)}",
            f"    나머지 {len(rest)}개의 합 {fmt(rest_sum)}",
        )
    )
    return out


def addend(group: Group) -> float:
    """What a group adds to the sum (``r * (...)`` for the scaled candidate group)."""
    return group.value if group.scale is None else group.scale * group.value


def _sum_line(name: str, groups: Sequence[Group], total: float) -> str:
    inner = " + ".join(paren(addend(g)) for g in groups)
    return f"  {name} = {inner} = {fmt(total)}"


def _operands_note(lab: RecurrentLab, t: int, lang: str) -> str:
    """Which x and h the step read, in the lessons' 1-based notation."""
    start = words(lang, " (h_0 is the initial state)", " (h_0은 처음 상태)") if t == 0 else ""
    note = words(
        lang,
        f"Here x_t is x_{t + 1} and h_{{t-1}} is h_{t}{start}.",
        f"여기서 x_t는 x_{t + 1}, h_{{t-1}}은 h_{t}입니다{start}.",
    )
    if lab.edit is not None and lab.edit.t == t:
        note += words(lang, " h_{t-1} was set by hand.", " h_{t-1}은 직접 설정한 값입니다.")
    return note


# -- derive ------------------------------------------------------------------------------------
def _act_name(lab: RecurrentLab, gate: str) -> str:
    layer = lab.engine_layer()
    if gate in ("h", "g", "hh"):
        return str(layer.activation or "linear")
    return str(getattr(layer, "recurrent_activation", None) or "linear")


def _gate(
    lab: RecurrentLab, step: StepTrace, t: int, gate: str, unit: int, pre_only: bool, lang: str
) -> Derivation:
    name = value_name(gate)
    groups = _gate_sums(lab, step, gate, unit)
    pre_name = f"pre_{name}[{unit}]"
    pre = float(step.pre[gate][0, unit])
    value = float(step.gates[gate][0, unit])
    force = lab.forces.get(gate) if gate in step.forced else None
    notes = [_operands_note(lab, t, lang)]
    sum_value = pre
    if force is not None and force.kind == "pre":
        sum_value = float(sum(addend(g) for g in groups))
        notes.append(
            words(
                lang,
                f"{pre_name} is forced to {fmt(pre)} "
                f"(the sum above, {fmt(sum_value)}, is not used).",
                f"{pre_name}은(는) {fmt(pre)}(으)로 고정되어 있습니다 "
                f"(위의 합 {fmt(sum_value)}은(는) 쓰이지 않습니다).",
            )
        )
    live = [line for g in groups for line in group_lines(g, lang)]
    live.append(_sum_line(pre_name, groups, sum_value))
    act = _act_name(lab, gate)
    activation = ""
    if not pre_only:
        if force is not None and force.kind == "value":
            activation = words(
                lang,
                f"{name}[{unit}] = {fmt(value)} (forced; {act}({fmt(pre)}) is not used)",
                f"{name}[{unit}] = {fmt(value)} (고정; {act}({fmt(pre)})은(는) 쓰이지 않음)",
            )
        else:
            activation = f"{name}[{unit}] = {act}({fmt(pre)}) = {fmt(value)}"
    symbolic = _symbolic(lab, gate, unit)
    shown = f"h_t[{unit}]" if lab.KIND == "SimpleRNN" else f"{name}[{unit}]"
    if not pre_only:
        symbolic = f"{shown} = {act}({pre_name})\n{symbolic}"
        if lab.KIND == "SimpleRNN":
            activation = activation.replace(f"{name}[{unit}] =", f"h_{t + 1}[{unit}] =", 1)
    what = pre_name if pre_only else shown
    if lab.KIND == "SimpleRNN" and not pre_only:
        what = f"h_{t + 1}[{unit}]"
    title = f"{what}  ({_step_word(lang, t, unit)})"
    return Derivation(
        quantity=f"pre:{gate}" if pre_only else gate,
        unit=unit,
        step=t,
        title=title,
        symbolic=symbolic,
        groups=groups,
        live=tuple(live),
        addends=tuple(addend(g) for g in groups),
        total_name=pre_name,
        total=sum_value,
        activation=activation,
        result=pre if pre_only else value,
        notes=tuple(notes),
    )


def _products_derivation(
    quantity: str,
    t: int,
    unit: int,
    symbolic: str,
    pairs: Sequence[tuple[str, float, float]],
    total_name: str,
    total: float,
    lang: str,
    before: Sequence[str] = (),
    notes: Sequence[str] = (),
) -> Derivation:
    groups = tuple(Group(name, (Term(name, a, b),), a * b) for name, a, b in pairs)
    inner = " + ".join(f"{paren(a)}*{paren(b)}" for _name, a, b in pairs)
    if len(groups) == 1:
        live: tuple[str, ...] = (*before, f"  {total_name} = {inner} = {fmt(total)}")
    else:
        added = " + ".join(paren(g.value) for g in groups)
        pad = " " * len(total_name)
        live = (*before, f"  {total_name} = {inner}", f"  {pad} = {added} = {fmt(total)}")
    return Derivation(
        quantity=quantity,
        unit=unit,
        step=t,
        title=f"{total_name}  ({_step_word(lang, t, unit)})",
        symbolic=symbolic,
        groups=groups,
        live=live,
        addends=tuple(g.value for g in groups),
        total_name=total_name,
        total=total,
        activation="",
        result=total,
        notes=tuple(notes),
    )


def derive(
    lab: RecurrentLab,
    quantity: str,
    unit: int | None = None,
    step: int | None = None,
    lang: str = "en",
) -> Derivation:
    """How ``quantity`` (see :func:`quantities`) at ``unit`` and 0-based ``step`` (default: the
    lab's shown ones) was computed. ValueError for an unknown quantity or index."""
    steps = lab.steps()
    t = lab.time if step is None else int(step)
    u = lab.unit if unit is None else int(unit)
    if not 0 <= t < len(steps):
        raise ValueError(f"step must be 0..{len(steps) - 1}")
    if not 0 <= u < lab.units:
        raise ValueError(f"unit must be 0..{lab.units - 1}")
    if quantity not in quantities(lab):
        raise ValueError(f"{lab.KIND} has no quantity {quantity!r}")
    st = steps[t]
    if quantity.startswith("pre:"):
        return _gate(lab, st, t, quantity[4:], u, True, lang)
    if quantity in st.gates:
        return _gate(lab, st, t, quantity, u, False, lang)
    if quantity == "c":
        assert st.c is not None and st.c_prev is not None
        f, i, g = (float(st.gates[k][0, u]) for k in "fig")
        c_prev = float(st.c_prev[0, u])
        return _products_derivation(
            "c",
            t,
            u,
            f"c_t[{u}] = f[{u}]*c_{{t-1}}[{u}] + i[{u}]*g[{u}]",
            [(f"f[{u}]*c_{{t-1}}[{u}]", f, c_prev), (f"i[{u}]*g[{u}]", i, g)],
            f"c_{t + 1}[{u}]",
            float(st.c[0, u]),
            lang,
            notes=[
                words(
                    lang,
                    f"c_{{t-1}} = c_{t}: the cell state after step {t}"
                    + (" (c_0 = 0 at the start)." if t == 0 else "."),
                    f"c_{{t-1}} = c_{t}: 스텝 {t} 뒤의 셀 상태"
                    + (" (처음에는 c_0 = 0)." if t == 0 else "."),
                )
            ],
        )
    layer = lab.engine_layer()
    h = float(st.h[0, u])
    if lab.KIND == "LSTM":
        assert st.c is not None
        o, c = float(st.gates["o"][0, u]), float(st.c[0, u])
        act = get_activation(layer.activation)
        tc = float(act(np.asarray(c)))
        name = str(layer.activation)
        return _products_derivation(
            "h",
            t,
            u,
            f"h_t[{u}] = o[{u}]*{name}(c_t[{u}])",
            [(f"o[{u}]*{name}(c_t[{u}])", o, tc)],
            f"h_{t + 1}[{u}]",
            h,
            lang,
            before=[f"  {name}(c_{t + 1}[{u}]) = {name}({fmt(c)}) = {fmt(tc)}"],
        )
    z, hh = float(st.gates["z"][0, u]), float(st.gates["hh"][0, u])
    h_prev = float(st.h_prev[0, u])
    return _products_derivation(
        "h",
        t,
        u,
        f"h_t[{u}] = z[{u}]*h_{{t-1}}[{u}] + (1-z[{u}])*h~[{u}]",
        [(f"z[{u}]*h_{{t-1}}[{u}]", z, h_prev), (f"(1-z[{u}])*h~[{u}]", 1.0 - z, hh)],
        f"h_{t + 1}[{u}]",
        h,
        lang,
    )
