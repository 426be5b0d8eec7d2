"""Generated parameter-count questions: one layer, a Bidirectional layer, a whole stack.

Answers come from the engine (``count_params`` / ``model.summary()``); the explanations spell
out the Keras formula with the instance's numbers.
"""

from __future__ import annotations

import random
from typing import Any

from rnntui.quiz.generated import Template, pick
from rnntui.quiz.grading import format_number as fmt
from rnntui.quiz.question import Question

KINDS = ("SimpleRNN", "LSTM", "GRU")
BLOCKS = {"SimpleRNN": 1, "LSTM": 4, "GRU": 3}
GATES = {"SimpleRNN": "h", "LSTM": "i, f, c, o", "GRU": "z, r, h"}


def layer_code(kind: str, units: int, reset_after: bool = True, **flags: Any) -> str:
    """The Keras constructor as the student would write it, e.g. ``GRU(8, reset_after=False)``."""
    args = [str(units)]
    if kind == "GRU" and not reset_after:
        args.append("reset_after=False")
    args += [f"{k}={v!r}" if isinstance(v, str) else f"{k}={v}" for k, v in flags.items()]
    return f"{kind}({', '.join(args)})"


def formula_text(kind: str, units: int, dim: int, reset_after: bool = True) -> str:
    """The Keras parameter formula with numbers filled in, e.g. ``4 x 8 x (5 + 8 + 1)``."""
    biases = 2 if kind == "GRU" and reset_after else 1
    inner = f"({dim} + {units} + {biases})"
    blocks = BLOCKS[kind]
    return f"{units} x {inner}" if blocks == 1 else f"{blocks} x {units} x {inner}"


def make_layer(kind: str, units: int, **kwargs: Any) -> Any:
    """The engine's ``SimpleRNN`` / ``LSTM`` / ``GRU`` layer."""
    from rnntui import nn

    return getattr(nn, kind)(units, **kwargs)


def engine_params(kind: str, units: int, dim: int, reset_after: bool = True) -> int:
    """``count_params()`` of the engine's layer built on inputs with ``dim`` features."""
    kwargs: dict[str, Any] = {"reset_after": reset_after} if kind == "GRU" else {}
    layer = make_layer(kind, units, **kwargs)
    layer.build((None, 5, dim))
    return int(layer.count_params())


def _traps(kind: str, u: int, d: int, reset_after: bool, lang: str) -> list[tuple[float, str]]:
    g = BLOCKS[kind]
    traps = [
        (g * u * (d + u + 2), pick(lang,
            "That is PyTorch's count: torch keeps two bias vectors per layer; Keras' "
            f"{kind} has one" + (" bias row per gate block here." if kind == "GRU" else "."),
            "PyTorch 방식의 수입니다. torch는 편향을 두 벌 두지만 Keras는 한 벌입니다.")),
        (g * u * (d + u), pick(lang,
            "You left out the biases (U numbers per gate block).",
            "편향(게이트 블록마다 U개)을 빠뜨렸습니다.")),
        (g * u * (d + 1), pick(lang,
            "You left out the recurrent kernel (U x U per block): every unit reads the previous h.",
            "순환 가중치(블록마다 U x U)를 빠뜨렸습니다. 모든 유닛이 이전 h를 읽습니다.")),
    ]
    if g > 1:
        traps.append((u * (d + u + 1), pick(lang,
            f"That is one block; {kind} has {g} ({GATES[kind]}), each with its own weights.",
            f"블록 하나의 수입니다. {kind}에는 블록이 {g}개({GATES[kind]}) 있습니다.")))
    if kind == "GRU":
        other = 3 * u * (d + u + (1 if reset_after else 2))
        traps.insert(0, (other, pick(lang,
            "That is the count for reset_after="
            + ("False (one bias row). Keras 3's default reset_after=True has two bias rows: "
               "3U(D+U+2)." if reset_after else "True (two bias rows); reset_after=False has one."),
            "reset_after="
            + ("False일 때의 수입니다(편향 한 줄). Keras 3 기본값 reset_after=True는 편향이 "
               "두 줄이라 3U(D+U+2)입니다." if reset_after
               else "True일 때의 수입니다(편향 두 줄). reset_after=False는 한 줄입니다."))))
    if kind == "LSTM":
        traps.append((3 * u * (d + u + 2), pick(lang,
            "That is a GRU's count (3 blocks); LSTM has 4 (i, f, c, o).",
            "GRU의 수(블록 3개)입니다. LSTM은 4개(i, f, c, o)입니다.")))
    return traps


def _clean(traps: list[tuple[float, str]], answer: float) -> tuple[tuple[float, str], ...]:
    out: list[tuple[float, str]] = []
    for value, why in traps:
        if value != answer and all(value != v for v, _ in out):
            out.append((float(value), why))
    return tuple(out)


def _single(kind: str) -> Template:
    def make(rng: random.Random, lang: str) -> Question:
        units, dim, steps = rng.randint(1, 64), rng.randint(1, 64), rng.randint(2, 30)
        reset_after = kind != "GRU" or rng.random() < 0.7
        answer = engine_params(kind, units, dim, reset_after)
        code = layer_code(kind, units, reset_after)
        text = pick(lang,
            f"How many parameters does {code} have on inputs of shape (None, {steps}, {dim})?",
            f"입력 모양이 (None, {steps}, {dim})일 때 {code}의 파라미터 수는?")
        formula = formula_text(kind, units, dim, reset_after)
        blocks = BLOCKS[kind]
        why = pick(lang,
            f"{kind}: {formula} = {fmt(answer)}. "
            + (f"{blocks} blocks ({GATES[kind]}), each with " if blocks > 1 else "It has ")
            + f"a kernel ({dim} x {units}), a recurrent kernel ({units} x {units}) and "
            + ("two bias rows (reset_after=True)." if kind == "GRU" and reset_after
               else "a bias."),
            f"{kind}: {formula} = {fmt(answer)}. "
            + (f"블록 {blocks}개({GATES[kind]}) 각각에 " if blocks > 1 else "")
            + f"커널({dim} x {units}), 순환 커널({units} x {units}), "
            + ("편향 두 줄(reset_after=True)이 있습니다." if kind == "GRU" and reset_after
               else "편향이 있습니다."))
        return Question(
            id="", type="numeric", text=text, answer=float(answer), explanation=why,
            traps=_clean(_traps(kind, units, dim, reset_after, lang), answer),
            meta={"kind": kind, "units": units, "input_dim": dim, "reset_after": reset_after},
        )

    slug = {"SimpleRNN": "simple-rnn", "LSTM": "lstm", "GRU": "gru"}[kind]
    topic = {"SimpleRNN": "simple-rnn", "LSTM": "units", "GRU": "gru"}[kind]
    return Template(f"params-{slug}", topic, make)


def _bidirectional(rng: random.Random, lang: str) -> Question:
    from rnntui.nn import Bidirectional

    kind = rng.choice(KINDS)
    units, dim, steps = rng.randint(1, 48), rng.randint(1, 48), rng.randint(2, 30)
    layer = Bidirectional(make_layer(kind, units))
    layer.build((None, steps, dim))
    answer = int(layer.count_params())
    one = engine_params(kind, units, dim)
    code = f"Bidirectional({layer_code(kind, units)})"
    text = pick(lang,
        f"How many parameters does {code} have on inputs of shape (None, {steps}, {dim})?",
        f"입력 모양이 (None, {steps}, {dim})일 때 {code}의 파라미터 수는?")
    formula = formula_text(kind, units, dim)
    why = pick(lang,
        f"2 x {formula} = 2 x {fmt(one)} = {fmt(answer)}: the backward copy has its own weights.",
        f"2 x {formula} = 2 x {fmt(one)} = {fmt(answer)}: 역방향 사본은 가중치를 따로 가집니다.")
    traps = [
        (one, pick(lang,
            "That is one direction. Bidirectional keeps separate weights for the backward copy, "
            "so the count doubles.",
            "한 방향의 수입니다. Bidirectional은 역방향 사본의 가중치를 따로 두므로 "
            "두 배가 됩니다.")),
        (engine_params(kind, 2 * units, dim), pick(lang,
            f"That is {kind}({2 * units}): doubling the units also doubles the recurrent kernel. "
            "Bidirectional is two separate layers of the original size.",
            f"{kind}({2 * units})의 수입니다. 유닛을 두 배로 하면 순환 커널도 커집니다. "
            "Bidirectional은 원래 크기의 층 두 개입니다.")),
    ]
    return Question(
        id="", type="numeric", text=text, answer=float(answer), explanation=why,
        traps=_clean(traps, answer),
        meta={"kind": kind, "units": units, "input_dim": dim, "bidirectional": True},
    )


def _stack(rng: random.Random, lang: str) -> Question:
    from rnntui.nn.spec import parse_spec

    steps, vocab, emb = rng.randint(5, 40), rng.choice((500, 1000, 2000, 5000)), rng.randint(4, 32)
    k1, k2 = rng.choice(KINDS), rng.choice(KINDS)
    u1, u2, out = rng.randint(2, 32), rng.randint(2, 32), rng.choice((1, 2, 3, 5, 10))
    spec = (
        f"Input({steps}) Embedding({vocab},{emb}) {k1}({u1},return_sequences=True) "
        f"{k2}({u2}) Dense({out})"
    )
    summary = parse_spec(spec).summary()
    answer = int(summary.total_params)
    parts = [
        f"Embedding: {vocab} x {emb} = {fmt(summary.rows[0].params)}",
        f"{k1}: {formula_text(k1, u1, emb)} = {fmt(summary.rows[1].params)}",
        f"{k2}: {formula_text(k2, u2, u1)} = {fmt(summary.rows[2].params)}",
        f"Dense: {u2} x {out} + {out} = {fmt(summary.rows[3].params)}",
    ]
    text = pick(lang,
        f"Total parameters of the model {spec}?",
        f"모델 {spec}의 전체 파라미터 수는?")
    why = pick(lang,
        "; ".join(parts) + f". Total {fmt(answer)}. Each layer's input size is the last axis of "
        "the layer below.",
        "; ".join(parts) + f". 합계 {fmt(answer)}. 각 층의 입력 크기는 아래 층 출력의 "
        "마지막 축입니다.")
    wrong_second = answer - summary.rows[2].params + (
        BLOCKS[k2] * u2 * (emb + u2 + (2 if k2 == "GRU" else 1)))
    traps = [(wrong_second, pick(lang,
        f"The second recurrent layer reads the first one's output ({u1} features per step), not "
        f"the embedding ({emb}).",
        f"두 번째 순환층은 임베딩({emb})이 아니라 첫 순환층의 출력(스텝마다 {u1}개)을 읽습니다."))]
    return Question(
        id="", type="numeric", text=text, answer=float(answer), explanation=why,
        traps=_clean(traps, answer),
        meta={"steps": steps, "vocab": vocab, "emb": emb, "layers": [(k1, u1), (k2, u2)],
              "dense": out},
    )


TEMPLATES: tuple[Template, ...] = (
    *(_single(kind) for kind in KINDS),
    Template("params-bidirectional", "bidirectional", _bidirectional),
    Template("params-stack", "stacking", _stack),
)
