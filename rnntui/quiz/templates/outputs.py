"""Generated output-size questions: how many numbers a layer returns for one sample.

The answer is the product of the engine's ``compute_output_shape``; the slips are the usual
ones: return_sequences ignored (or assumed), one direction of a Bidirectional only, the input
features taken for the units.
"""

from __future__ import annotations

import math
import random

from rnntui.lab.format import words
from rnntui.quiz.grading import format_number as fmt
from rnntui.quiz.question import Question
from rnntui.quiz.templates.base import Template
from rnntui.quiz.templates.params import KINDS, clean, layer_code, make_layer


def _size(shape: tuple[int | None, ...]) -> int:
    """Numbers per sample: the product of every axis but the batch."""
    return math.prod(int(d or 0) for d in shape[1:])


def _output_size(rng: random.Random, lang: str, bidirectional: bool) -> Question:
    from rnntui.nn import Bidirectional

    kind = rng.choice(KINDS)
    steps, dim, units = rng.sample(range(2, 33), 3)
    seq = rng.random() < 0.5
    flags = {"return_sequences": True} if seq else {}
    layer = make_layer(kind, units, **flags)
    code = layer_code(kind, units, **flags)
    if bidirectional:
        layer, code = Bidirectional(layer), f"Bidirectional({code})"
    answer = _size(layer.compute_output_shape((None, steps, dim)))
    width = 2 * units if bidirectional else units
    text = words(
        lang,
        f"Input({steps}, {dim}), then {code}. How many numbers does the layer output for one "
        "sample (one sequence)?",
        f"Input({steps}, {dim}) 다음에 {code}. 샘플(시퀀스) 하나에 대해 이 층이 내보내는 "
        "숫자는 몇 개인가요?",
    )
    shape = f"(None, {steps}, {width})" if seq else f"(None, {width})"
    solution = f"{shape}: {steps} x {width} = {fmt(answer)}" if seq else f"{shape}: {fmt(answer)}"
    why = words(
        lang,
        f"The output shape is {shape}"
        + (", one h per step" if seq else ", only the last h")
        + (" with forward and backward side by side (concat)." if bidirectional else "."),
        f"출력 모양은 {shape}입니다. "
        + ("스텝마다 h가 하나씩 나옵니다." if seq else "마지막 h만 나옵니다.")
        + (" 순방향과 역방향은 나란히 붙습니다(concat)." if bidirectional else ""),
    )
    slips = [
        (
            width if seq else steps * width,
            words(
                lang,
                f"that is {'the last step only' if seq else f'{steps} x {width}, every step'}: "
                + (
                    "return_sequences=True returns every one of the T steps."
                    if seq
                    else "without return_sequences=True only the last h comes out."
                ),
                f"{'마지막 스텝뿐' if seq else f'{steps} x {width}, 모든 스텝'}입니다. "
                + (
                    "return_sequences=True이면 T개 스텝 모두가 나옵니다."
                    if seq
                    else "return_sequences=True가 없으면 마지막 h만 나옵니다."
                ),
            ),
        ),
        (
            answer * dim // width,
            words(
                lang,
                f"that uses the input features D = {dim}: the last axis is the units.",
                f"입력 특성 수(D = {dim})를 썼습니다. 마지막 축은 유닛 수입니다.",
            ),
        ),
    ]
    if bidirectional:
        slips.insert(
            0,
            (
                answer // 2,
                words(
                    lang,
                    "that is the forward direction only: concat puts the backward half beside "
                    "it, so the last axis is 2n.",
                    "순방향 하나뿐입니다. concat은 역방향 절반을 옆에 붙이므로 "
                    "마지막 축은 2n입니다.",
                ),
            ),
        )
    return Question(
        id="",
        type="numeric",
        text=text,
        answer=float(answer),
        explanation=why,
        solution=solution,
        traps=clean(slips, answer),
        meta={
            "kind": kind,
            "steps": steps,
            "dim": dim,
            "units": units,
            "return_sequences": seq,
            "bidirectional": bidirectional,
        },
    )


TEMPLATES: tuple[Template, ...] = (
    Template("output-size", "units", lambda rng, lang: _output_size(rng, lang, False)),
    Template(
        "output-size-bidirectional",
        "bidirectional",
        lambda rng, lang: _output_size(rng, lang, True),
    ),
)
