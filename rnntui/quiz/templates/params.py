"""Generated parameter-count questions: one layer, a Bidirectional layer, a whole stack.

Answers are counted by the engine from the weight shapes (``rnntui.nn.spec``), without drawing
or allocating a single weight. Notation as in the lessons: n units, D input features, kernel W
(D x n per gate block), recurrent kernel U (n x n per block). Each tempting wrong number (a
"slip") carries its own formula, so a wrong answer gets a worked comparison.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from rnntui.lab.format import words
from rnntui.quiz.grading import format_number as fmt
from rnntui.quiz.question import Question
from rnntui.quiz.templates.base import Template

KINDS = ("SimpleRNN", "LSTM", "GRU")
BLOCKS = {"SimpleRNN": 1, "LSTM": 4, "GRU": 3}
GATES = {"SimpleRNN": "h", "LSTM": "i, f, g, o", "GRU": "z, r, h~"}


def layer_code(kind: str, units: int, reset_after: bool = True, **flags: Any) -> str:
    """The Keras constructor as the student would write it, e.g. ``GRU(8, reset_after=False)``."""
    args = [str(units)]
    if kind == "GRU" and not reset_after:
        args.append("reset_after=False")
    args += [f"{k}={v!r}" if isinstance(v, str) else f"{k}={v}" for k, v in flags.items()]
    return f"{kind}({', '.join(args)})"


def bias_rows(kind: str, reset_after: bool = True) -> int:
    """Bias numbers per unit and gate block: 2 for GRU with reset_after=True, else 1."""
    return 2 if kind == "GRU" and reset_after else 1


def formula(blocks: int, units: int, *terms: int) -> str:
    """``4 x 8 x (5 + 8 + 1)``; one block drops the leading factor."""
    inner = f"({' + '.join(str(t) for t in terms)})" if len(terms) > 1 else str(terms[0])
    return f"{units} x {inner}" if blocks == 1 else f"{blocks} x {units} x {inner}"


def formula_text(kind: str, units: int, dim: int, reset_after: bool = True) -> str:
    """The Keras parameter formula with numbers filled in, e.g. ``4 x 8 x (5 + 8 + 1)``."""
    return formula(BLOCKS[kind], units, dim, units, bias_rows(kind, reset_after))


def make_layer(kind: str, units: int, **kwargs: Any) -> Any:
    """The engine's ``SimpleRNN`` / ``LSTM`` / ``GRU`` layer (not built: no weights)."""
    from rnntui import nn

    return getattr(nn, kind)(units, **kwargs)


def engine_params(kind: str, units: int, dim: int, reset_after: bool = True) -> int:
    """The engine's parameter count of the layer on inputs with ``dim`` features."""
    from rnntui.nn.spec import count_params

    kwargs: dict[str, Any] = {"reset_after": reset_after} if kind == "GRU" else {}
    return count_params(make_layer(kind, units, **kwargs), (None, 5, dim))


def _slip(lang: str, shown: str, en: str, ko: str) -> str:
    """A slip's text: the formula the wrong number comes from, then what went wrong."""
    return words(lang, f"that is {shown}, {en}", f"계산식이 {shown}입니다. {ko}")


def layer_slips(kind: str, n: int, d: int, reset_after: bool, lang: str) -> list[tuple[float, str]]:
    """Tempting wrong counts for one layer, each with its formula and reason."""
    g, b = BLOCKS[kind], bias_rows(kind, reset_after)
    per_block = (
        "2n per gate block with reset_after=True: an input and a recurrent bias"
        if b == 2
        else "n per gate block"
    )
    per_block_ko = (
        "reset_after=True이면 게이트 블록마다 2n개: 입력 편향과 순환 편향"
        if b == 2
        else "게이트 블록마다 n개"
    )
    slips: list[tuple[float, str]] = [
        (
            g * n * (d + n),
            _slip(
                lang,
                formula(g, n, d, n),
                f"the bias is missing ({per_block}).",
                f"편향이 빠졌습니다({per_block_ko}).",
            ),
        ),
        (
            g * n * (d + b),
            _slip(
                lang,
                formula(g, n, d, b),
                f"the recurrent kernel U ({n} x {n} per gate block) is missing: every unit reads "
                "the previous h.",
                f"순환 가중치 U(게이트 블록마다 {n} x {n})가 빠졌습니다. 모든 유닛이 이전 h를 "
                "읽습니다.",
            ),
        ),
        (
            g * n * (d + n + 2),
            _slip(
                lang,
                formula(g, n, d, n, 2),
                f"PyTorch's count: torch keeps two bias vectors; Keras' {kind} keeps one.",
                "PyTorch 방식의 수입니다. torch는 편향을 두 벌 두지만 Keras는 한 벌입니다.",
            ),
        ),
    ]
    if g > 1:
        slips.append(
            (
                n * (d + n + b),
                _slip(
                    lang,
                    formula(1, n, d, n, b),
                    f"one gate block only; {kind} has {g} ({GATES[kind]}), each with its "
                    "own weights.",
                    f"게이트 블록 하나뿐입니다. {kind}에는 블록이 {g}개({GATES[kind]}) 있고 각각 "
                    "가중치가 따로 있습니다.",
                ),
            )
        )
    if kind == "GRU":
        other = 1 if reset_after else 2
        slips.insert(
            0,
            (
                3 * n * (d + n + other),
                _slip(
                    lang,
                    formula(3, n, d, n, other),
                    f"the count for reset_after={not reset_after} ({other} bias row"
                    f"{'s' if other == 2 else ''}); here reset_after={reset_after}.",
                    f"reset_after={not reset_after}일 때의 수입니다(편향 {other}줄). 여기서는 "
                    f"reset_after={reset_after}입니다.",
                ),
            ),
        )
    if kind == "LSTM":
        slips.append(
            (
                3 * n * (d + n + 2),
                _slip(
                    lang,
                    formula(3, n, d, n, 2),
                    "a GRU's count (3 gate blocks); LSTM has 4 (i, f, g, o).",
                    "GRU의 수(게이트 블록 3개)입니다. LSTM은 4개(i, f, g, o)입니다.",
                ),
            )
        )
    return slips


def clean(slips: Sequence[tuple[float, str]], answer: float) -> tuple[tuple[float, str], ...]:
    """Distinct slips that differ from the answer."""
    out: list[tuple[float, str]] = []
    for value, why in slips:
        if value != answer and all(value != v for v, _ in out):
            out.append((float(value), why))
    return tuple(out)


def _parts(kind: str, n: int, d: int, reset_after: bool, lang: str) -> str:
    blocks = BLOCKS[kind]
    bias = (
        words(lang, "two bias rows (reset_after=True)", "편향 두 줄(reset_after=True)")
        if bias_rows(kind, reset_after) == 2
        else words(lang, "a bias", "편향")
    )
    if blocks > 1:
        return words(
            lang,
            f"{blocks} gate blocks ({GATES[kind]}), each with a kernel W ({d} x {n}), a "
            f"recurrent kernel U ({n} x {n}) and {bias}.",
            f"게이트 블록 {blocks}개({GATES[kind]}) 각각에 커널 W({d} x {n}), 순환 커널 "
            f"U({n} x {n}), {bias}이 있습니다.",
        )
    return words(
        lang,
        f"A kernel W ({d} x {n}), a recurrent kernel U ({n} x {n}) and {bias}.",
        f"커널 W({d} x {n}), 순환 커널 U({n} x {n}), {bias}이 있습니다.",
    )


def _single(kind: str) -> Template:
    def make(rng: random.Random, lang: str) -> Question:
        units, dim, steps = rng.randint(1, 64), rng.randint(1, 64), rng.randint(2, 30)
        reset_after = kind != "GRU" or rng.random() < 0.7
        answer = engine_params(kind, units, dim, reset_after)
        code = layer_code(kind, units, reset_after)
        text = words(
            lang,
            f"How many parameters does {code} have on inputs of shape (None, {steps}, {dim})?",
            f"입력 모양이 (None, {steps}, {dim})일 때 {code}의 파라미터 수는?",
        )
        solution = f"{formula_text(kind, units, dim, reset_after)} = {fmt(answer)}"
        why = f"{kind}: {solution}. " + _parts(kind, units, dim, reset_after, lang)
        return Question(
            id="",
            type="numeric",
            text=text,
            answer=float(answer),
            explanation=why,
            solution=solution,
            traps=clean(layer_slips(kind, units, dim, reset_after, lang), answer),
            meta={"kind": kind, "units": units, "input_dim": dim, "reset_after": reset_after},
        )

    slug = {"SimpleRNN": "simple-rnn", "LSTM": "lstm", "GRU": "gru"}[kind]
    topic = {"SimpleRNN": "simple-rnn", "LSTM": "units", "GRU": "gru"}[kind]
    return Template(f"params-{slug}", topic, make)


def _bidirectional(rng: random.Random, lang: str) -> Question:
    from rnntui.nn import Bidirectional
    from rnntui.nn.spec import count_params

    kind = rng.choice(KINDS)
    units, dim, steps = rng.randint(1, 48), rng.randint(1, 48), rng.randint(2, 30)
    answer = count_params(Bidirectional(make_layer(kind, units)), (None, steps, dim))
    one = engine_params(kind, units, dim)
    code = f"Bidirectional({layer_code(kind, units)})"
    text = words(
        lang,
        f"How many parameters does {code} have on inputs of shape (None, {steps}, {dim})?",
        f"입력 모양이 (None, {steps}, {dim})일 때 {code}의 파라미터 수는?",
    )
    single = formula_text(kind, units, dim)
    solution = f"2 x {single} = 2 x {fmt(one)} = {fmt(answer)}"
    why = words(
        lang,
        f"{solution}: the backward copy has its own weights.",
        f"{solution}: 역방향 사본은 가중치를 따로 가집니다.",
    )
    g, b = BLOCKS[kind], bias_rows(kind)
    double = engine_params(kind, 2 * units, dim)
    slips = [
        (
            one,
            _slip(
                lang,
                single,
                "the forward direction only. Bidirectional keeps separate weights for the "
                "backward copy, so the count doubles.",
                "순방향 하나뿐입니다. Bidirectional은 역방향 사본의 가중치를 따로 두므로 "
                "두 배가 됩니다.",
            ),
        ),
        (
            double,
            _slip(
                lang,
                formula(g, 2 * units, dim, 2 * units, b),
                f"{kind}({2 * units}). Doubling the units doubles the kernel W but quadruples the "
                f"recurrent kernel U ({2 * units} x {2 * units} instead of {units} x {units} per "
                "block), so Bidirectional is not one layer with 2n units but two layers of n.",
                f"{kind}({2 * units})의 수입니다. 유닛을 두 배로 하면 커널 W는 두 배지만 순환 "
                f"커널 U는 네 배가 됩니다(블록마다 {units} x {units} 대신 {2 * units} x "
                f"{2 * units}). Bidirectional은 유닛 2n개인 층 하나가 아니라 n개인 층 둘입니다.",
            ),
        ),
    ]
    return Question(
        id="",
        type="numeric",
        text=text,
        answer=float(answer),
        explanation=why,
        solution=solution,
        traps=clean(slips, answer),
        meta={"kind": kind, "units": units, "input_dim": dim, "bidirectional": True},
    )


def _stack(rng: random.Random, lang: str) -> Question:
    from rnntui.nn.spec import plan_spec

    steps, vocab, emb = rng.randint(5, 40), rng.choice((500, 1000, 2000, 5000)), rng.randint(4, 32)
    k1, k2 = rng.choice(KINDS), rng.choice(KINDS)
    u1, u2, out = rng.randint(2, 32), rng.randint(2, 32), rng.choice((1, 2, 3, 5, 10))
    spec = (
        f"Input({steps}) Embedding({vocab},{emb}) {k1}({u1},return_sequences=True) "
        f"{k2}({u2}) Dense({out})"
    )
    summary = plan_spec(spec).summary
    answer = int(summary.total_params)
    rows = summary.rows
    parts = [
        f"Embedding: {vocab} x {emb} = {fmt(rows[0].params)}",
        f"{k1}: {formula_text(k1, u1, emb)} = {fmt(rows[1].params)}",
        f"{k2}: {formula_text(k2, u2, u1)} = {fmt(rows[2].params)}",
        f"Dense: {u2} x {out} + {out} = {fmt(rows[3].params)}",
    ]
    text = words(
        lang, f"Total parameters of the model {spec}?", f"모델 {spec}의 전체 파라미터 수는?"
    )
    sums = " + ".join(fmt(r.params) for r in rows)
    solution = f"{sums} = {fmt(answer)}"
    why = words(
        lang,
        "; ".join(parts) + f". Total {fmt(answer)}. Each layer's input size is the last axis of "
        "the layer below.",
        "; ".join(parts) + f". 합계 {fmt(answer)}. 각 층의 입력 크기는 아래 층 출력의 "
        "마지막 축입니다.",
    )
    wrong_second = engine_params(k2, u2, emb)
    slips = [
        (
            answer - rows[2].params + wrong_second,
            words(
                lang,
                f"that counts {k2} on the embedding ({formula_text(k2, u2, emb)}): the "
                f"second recurrent layer reads the first one's output ({u1} features per "
                f"step), not the embedding ({emb}).",
                f"{k2}의 수를 임베딩 위에서 센 값입니다({formula_text(k2, u2, emb)}). "
                "두 번째 순환층은 "
                f"임베딩({emb})이 아니라 첫 순환층의 출력(스텝마다 {u1}개)을 읽습니다.",
            ),
        ),
        (
            answer - rows[3].params + u2 * out,
            words(
                lang,
                f"the Dense bias is missing ({u2} x {out} without + {out}).",
                f"Dense의 편향이 빠졌습니다(+ {out} 없이 {u2} x {out}).",
            ),
        ),
    ]
    return Question(
        id="",
        type="numeric",
        text=text,
        answer=float(answer),
        explanation=why,
        solution=solution,
        traps=clean(slips, answer),
        meta={
            "steps": steps,
            "vocab": vocab,
            "emb": emb,
            "layers": [(k1, u1), (k2, u2)],
            "dense": out,
        },
    )


TEMPLATES: tuple[Template, ...] = (
    *(_single(kind) for kind in KINDS),
    Template("params-bidirectional", "bidirectional", _bidirectional),
    Template("params-stack", "stacking", _stack),
)
