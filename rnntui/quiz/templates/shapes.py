"""Generated shape questions: return_sequences, return_state, Bidirectional merge modes, and
"does this stack build?".

The right shape is the engine's ``compute_output_shape``; wrong options are built here, each
with the reason it is wrong.
"""

from __future__ import annotations

import random
from typing import Any

from rnntui.content.model import Choice
from rnntui.lab.format import words
from rnntui.nn.layer import format_shape
from rnntui.quiz.question import Question
from rnntui.quiz.templates.base import Template
from rnntui.quiz.templates.params import KINDS, layer_code, make_layer


def _choice_question(
    rng: random.Random,
    text: str,
    right: Any,
    wrong: list[tuple[Any, str]],
    explanation: str,
    meta: dict[str, Any],
) -> Question:
    """Shuffle the right shape with distinct wrong ones (each with its why)."""
    right_text = format_shape(right)
    options: list[Choice] = [Choice(right_text)]
    for shape, why in wrong:
        t = format_shape(shape)
        if all(t != c.text for c in options):
            options.append(Choice(t, why))
    rng.shuffle(options)
    answer = next(i for i, c in enumerate(options) if c.why is None)
    return Question(
        id="",
        type="choice",
        text=text,
        answer=answer,
        choices=tuple(options),
        explanation=explanation,
        meta=meta,
    )


def _distinct(rng: random.Random, n: int, low: int, high: int) -> list[int]:
    return rng.sample(range(low, high + 1), n)


def _sequences(rng: random.Random, lang: str) -> Question:
    kind = rng.choice(KINDS)
    steps, dim, units = _distinct(rng, 3, 2, 40)
    seq = rng.random() < 0.5
    flags = {"return_sequences": True} if seq else {}
    layer = make_layer(kind, units, **flags)
    right = layer.compute_output_shape((None, steps, dim))
    code = layer_code(kind, units, **flags)
    text = words(
        lang,
        f"Input({steps}, {dim}), then {code}. Output shape?",
        f"Input({steps}, {dim}) 다음에 {code}. 출력 모양은?",
    )
    wrong = [
        (
            (None, units),
            words(
                lang,
                "That is the default return_sequences=False: only the last step's h.",
                "기본값 return_sequences=False일 때의 모양입니다. 마지막 스텝의 h만 나옵니다.",
            ),
        ),
        (
            (None, steps, units),
            words(
                lang,
                "Every step's output needs return_sequences=True; by default only the last h "
                f"(None, {units}) comes out.",
                "모든 스텝의 출력은 return_sequences=True일 때만 나옵니다. 기본값은 마지막 h "
                f"(None, {units})입니다.",
            ),
        ),
        (
            (None, steps, dim),
            words(
                lang,
                f"The last axis becomes the number of units n = {units}, not the input features "
                f"D = {dim}.",
                f"마지막 축은 입력 특성 수(D = {dim})가 아니라 유닛 수(n = {units})입니다.",
            ),
        ),
        (
            (None, dim) if not seq else (None, steps),
            words(
                lang,
                f"Each output is a whole vector h of {units} numbers, so the last axis is "
                "the units.",
                f"각 출력은 {units}개의 숫자로 된 벡터 h이므로 마지막 축은 유닛 수입니다.",
            ),
        ),
    ]
    why = words(
        lang,
        f"{'With' if seq else 'Without'} return_sequences=True the layer returns "
        + (
            f"h at every one of the {steps} steps: (None, {steps}, {units})."
            if seq
            else f"only the last h: (None, {units})."
        ),
        f"return_sequences={'True' if seq else 'False'}이면 "
        + (
            f"{steps}개 스텝 모두의 h를 돌려줍니다: (None, {steps}, {units})."
            if seq
            else f"마지막 h만 돌려줍니다: (None, {units})."
        ),
    )
    return _choice_question(
        rng,
        text,
        right,
        wrong,
        why,
        {"kind": kind, "steps": steps, "dim": dim, "units": units, "return_sequences": seq},
    )


def _state(rng: random.Random, lang: str, kinds: tuple[str, ...]) -> Question:
    kind = rng.choice(kinds)
    steps, dim, units = _distinct(rng, 3, 2, 40)
    seq = rng.random() < 0.5
    flags = {"return_sequences": True, "return_state": True} if seq else {"return_state": True}
    right = make_layer(kind, units, **flags).compute_output_shape((None, steps, dim))
    out, h = ((None, steps, units) if seq else (None, units)), (None, units)
    n_states = 2 if kind == "LSTM" else 1
    code = layer_code(kind, units, **flags)
    text = words(
        lang,
        f"Input({steps}, {dim}), then {code}. What does the layer return?",
        f"Input({steps}, {dim}) 다음에 {code}. 이 층이 돌려주는 것은?",
    )
    other_out = (None, units) if seq else (None, steps, units)
    wrong = [
        (
            [out] + [h] * (3 - n_states),
            words(
                lang,
                "LSTM returns two states, h and the carry c, so the list has three entries."
                if kind == "LSTM"
                else f"{kind} has a single state h; only LSTM also returns a carry c.",
                "LSTM은 상태 두 개(h와 셀 상태 c)를 돌려주므로 목록은 세 개입니다."
                if kind == "LSTM"
                else f"{kind}의 상태는 h 하나뿐입니다. 셀 상태 c는 LSTM에만 있습니다.",
            ),
        ),
        (
            [other_out] + [h] * n_states,
            words(
                lang,
                "The first entry follows return_sequences: "
                + (
                    "every step (None, T, n) when it is True."
                    if seq
                    else "only the last output (None, n) when it is False."
                ),
                "첫 항목은 return_sequences를 따릅니다: "
                + (
                    "True이면 모든 스텝 (None, T, n)."
                    if seq
                    else "False이면 마지막 출력 (None, n)."
                ),
            ),
        ),
        (
            [out] + [(None, steps, units)] * n_states,
            words(
                lang,
                "States are only the final state: (None, n) each, even with return_sequences=True.",
                "상태는 마지막 상태뿐입니다. return_sequences=True여도 각각 (None, n)입니다.",
            ),
        ),
        (
            out,
            words(
                lang,
                "With return_state=True the layer returns a list: the output, then the state(s).",
                "return_state=True이면 출력 다음에 상태가 붙은 목록을 돌려줍니다.",
            ),
        ),
    ]
    states = "h, c" if kind == "LSTM" else "h"
    why = words(
        lang,
        f"return_state=True returns [output, {states}]; each state is (None, {units}).",
        f"return_state=True이면 목록 [출력, {states}]가 나옵니다. 상태는 각각 (None, {units})"
        "입니다.",
    )
    return _choice_question(
        rng,
        text,
        right,
        wrong,
        why,
        {"kind": kind, "steps": steps, "dim": dim, "units": units, "return_sequences": seq},
    )


MERGE_MODES: tuple[str | None, ...] = ("concat", "sum", "ave", "mul", None)
MERGE_EN: dict[str | None, str] = {
    "concat": "'concat': forward and backward side by side, 2n",
    "sum": "'sum': forward + backward, n",
    "ave": "'ave': (forward + backward) / 2, n",
    "mul": "'mul': forward * backward, n",
    None: "None: a list [forward, backward]",
}
MERGE_KO: dict[str | None, str] = {
    "concat": "'concat': 순방향과 역방향을 나란히 이어 붙여 2n",
    "sum": "'sum': 순방향 + 역방향, n",
    "ave": "'ave': (순방향 + 역방향) / 2, n",
    "mul": "'mul': 순방향 * 역방향, n",
    None: "None: 목록 [순방향, 역방향]",
}


def _bidirectional(rng: random.Random, lang: str) -> Question:
    from rnntui.nn import Bidirectional

    kind = rng.choice(KINDS)
    steps, dim, units = _distinct(rng, 3, 2, 40)
    seq = rng.random() < 0.5
    mode = rng.choice(MERGE_MODES)
    flags = {"return_sequences": True} if seq else {}
    right = Bidirectional(make_layer(kind, units, **flags), merge_mode=mode).compute_output_shape(
        (None, steps, dim)
    )
    head = (None, steps) if seq else (None,)
    inner = layer_code(kind, units, **flags)
    shown = "" if mode == "concat" and rng.random() < 0.5 else f", merge_mode={mode!r}"
    code = f"Bidirectional({inner}{shown})"
    text = words(
        lang,
        f"Input({steps}, {dim}), then {code}. Output shape?",
        f"Input({steps}, {dim}) 다음에 {code}. 출력 모양은?",
    )
    doubled, single, both = (*head, 2 * units), (*head, units), [(*head, units)] * 2
    flipped = (None, 2 * units) if seq else (None, steps, 2 * units)
    wrong: list[tuple[Any, str]] = [
        (
            doubled,
            words(
                lang,
                "Only merge_mode='concat' (the default) puts forward and backward side by side, "
                "doubling the last axis.",
                "마지막 축이 두 배가 되는 것은 merge_mode='concat'(기본값)뿐입니다.",
            ),
        ),
        (
            single,
            words(
                lang,
                "sum, ave and mul combine the two halves number by number and keep n; "
                + ("concat doubles it." if mode == "concat" else "None does not merge at all."),
                "sum, ave, mul은 두 방향을 원소별로 합쳐 n을 유지합니다. "
                + ("concat은 두 배가 됩니다." if mode == "concat" else "None은 합치지 않습니다."),
            ),
        ),
        (
            both,
            words(
                lang,
                "Only merge_mode=None returns the two directions as a list.",
                "두 방향을 목록으로 돌려주는 것은 merge_mode=None뿐입니다.",
            ),
        ),
        (
            flipped,
            words(
                lang,
                "The time axis follows return_sequences of the wrapped layer.",
                "시간 축은 감싼 층의 return_sequences를 따릅니다.",
            ),
        ),
    ]
    why = words(
        lang,
        f"merge_mode={MERGE_EN[mode]}. Result: {format_shape(right)}.",
        f"merge_mode={MERGE_KO[mode]}. 결과: {format_shape(right)}.",
    )
    return _choice_question(
        rng,
        text,
        right,
        wrong,
        why,
        {
            "kind": kind,
            "steps": steps,
            "dim": dim,
            "units": units,
            "return_sequences": seq,
            "merge_mode": mode,
        },
    )


def _stack_valid(rng: random.Random, lang: str) -> Question:
    from rnntui.nn.spec import SpecError, plan_spec

    steps, dim = rng.randint(3, 30), rng.randint(2, 30)
    n = rng.choice((2, 2, 3))
    layers = [(rng.choice(KINDS), rng.randint(2, 32), rng.random() < 0.6) for _ in range(n)]
    tokens = rng.random() < 0.2
    embedding = tokens and rng.random() < 0.5
    head = (
        f"Input({steps})" + (f" Embedding(1000,{dim})" if embedding else "")
        if tokens
        else f"Input({steps},{dim})"
    )
    body = [f"{k}({u},return_sequences=True)" if s else f"{k}({u})" for k, u, s in layers]
    dense = rng.random() < 0.5
    spec = " ".join([head, *body] + (["Dense(1)"] if dense else []))
    try:
        plan = plan_spec(spec)
        valid, error = True, ""
        flow = " -> ".join(format_shape(r.output_shape) for r in plan.summary.rows)
    except SpecError as err:
        valid, error, flow = False, err.text(lang), ""
    text = words(
        lang,
        f"True or false: this model builds without an error: {spec}",
        f"참 또는 거짓: 이 모델은 오류 없이 만들어진다: {spec}",
    )
    if valid:
        why = words(
            lang,
            "Each recurrent layer gets the 3-D input (None, T, features) it needs, because every "
            f"recurrent layer below another one has return_sequences=True. Shapes: {flow}.",
            "아래에 있는 순환층마다 return_sequences=True라서 각 순환층이 필요한 3차원 입력 "
            f"(None, T, D)를 받습니다. 모양: {flow}.",
        )
    else:
        why = words(lang, f"Keras stops with: {error}", f"Keras가 멈추며 내는 오류: {error}")
    return Question(
        id="",
        type="truefalse",
        text=text,
        answer=valid,
        explanation=why,
        meta={
            "layers": layers,
            "tokens": tokens,
            "embedding": embedding,
            "dense": dense,
            "spec": spec,
        },
    )


TEMPLATES: tuple[Template, ...] = (
    Template("shape-sequences", "stacking", _sequences),
    Template("shape-state", "lstm", lambda rng, lang: _state(rng, lang, ("LSTM",))),
    Template("shape-state-gru", "gru", lambda rng, lang: _state(rng, lang, ("GRU", "SimpleRNN"))),
    Template("shape-bidirectional", "bidirectional", _bidirectional),
    Template("stack-valid", "stacking", _stack_valid),
)
