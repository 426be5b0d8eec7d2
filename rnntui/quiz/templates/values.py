"""Generated value questions: a gate or state from given pre-activations, one-hot vs dense
sizes, and dropout scaling. Answers use the engine's ``sigmoid`` / ``tanh``, layers and masks.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from rnntui.lab.format import paren, words
from rnntui.quiz.grading import format_number as fmt
from rnntui.quiz.question import Question
from rnntui.quiz.templates.base import Template

ONE_STEP = 0.005
"""Tolerance for one activation rounded to 2 decimals."""
MULTI_STEP = 0.01
"""Tolerance when the student may round intermediate values to 2 decimals."""


def _sig(z: float) -> float:
    from rnntui.nn.activations import sigmoid

    return float(sigmoid(z))


def _tanh(z: float) -> float:
    from rnntui.nn.activations import tanh

    return float(tanh(z))


def _pre(rng: random.Random, span: float = 3.0) -> float:
    """A number with one decimal, never 0 (so never printed as ``-0.0``)."""
    value = 0.0
    while value == 0.0:
        value = round(rng.uniform(-span, span), 1) + 0.0
    return value


def _round2(lang: str) -> str:
    return words(lang, " Give 2 decimal places.", " 소수 둘째 자리까지 답하세요.")


def _clean(
    traps: Sequence[tuple[float, str]], answer: float, tol: float
) -> tuple[tuple[float, str], ...]:
    """Keep traps far enough from the answer (and from each other) to tell apart."""
    out: list[tuple[float, str]] = []
    for value, why in traps:
        if all(abs(value - v) > 2 * tol + 1e-9 for v in (answer, *(v for v, _ in out))):
            out.append((float(value), why))
    return tuple(out)


Trap = tuple[float, str, str]
"""A wrong answer a student may give, and why it is wrong: (value, English, Korean)."""


def _numeric(
    lang: str,
    *,
    text: str,
    answer: float,
    tolerance: float,
    explanation: str,
    traps: Sequence[Trap],
    solution: str,
    meta: dict[str, object],
) -> Question:
    """A numeric question: the traps in ``lang``, those too close to the answer left out."""
    chosen = [(value, words(lang, en, ko)) for value, en, ko in traps]
    return Question(
        id="",
        type="numeric",
        text=text,
        answer=answer,
        tolerance=tolerance,
        explanation=explanation,
        traps=_clean(chosen, answer, tolerance),
        solution=solution,
        meta=meta,
    )


GATES = {
    # gate: (layer, name in the text, uses sigmoid)
    "i": ("LSTM", "input gate i", True),
    "f": ("LSTM", "forget gate f", True),
    "o": ("LSTM", "output gate o", True),
    "g": ("LSTM", "candidate g", False),
    "z": ("GRU", "update gate z", True),
    "r": ("GRU", "reset gate r", True),
}
GATES_KO = {
    "i": "입력 게이트 i",
    "f": "망각 게이트 f",
    "o": "출력 게이트 o",
    "g": "후보 값 g",
    "z": "업데이트 게이트 z",
    "r": "리셋 게이트 r",
}


def _gate(rng: random.Random, lang: str, layer_kind: str) -> Question:
    gate = rng.choice(sorted(g for g, (kind, _, _) in GATES.items() if kind == layer_kind))
    layer, name, is_sig = GATES[gate]
    z = _pre(rng)
    answer = _sig(z) if is_sig else _tanh(z)
    fn = "sigmoid" if is_sig else "tanh"
    text = words(
        lang,
        f"In {'an' if layer == 'LSTM' else 'a'} {layer}, the pre-activation of the {name} is "
        f"{z}. What is {gate}?",
        f"{layer}에서 {GATES_KO[gate]}의 활성화 전 값이 {z}입니다. {gate}의 값은?",
    ) + _round2(lang)
    why = words(
        lang,
        f"{gate} = {fn}({z}) = {fmt(answer)}. "
        + (
            "Gates use the sigmoid, so they lie between 0 and 1."
            if is_sig
            else "The candidate g uses tanh, so it lies between -1 and 1."
        ),
        f"{gate} = {fn}({z}) = {fmt(answer)}. "
        + (
            "게이트는 시그모이드를 써서 0과 1 사이입니다."
            if is_sig
            else "후보 값 g는 tanh를 써서 -1과 1 사이입니다."
        ),
    )
    other = _tanh(z) if is_sig else _sig(z)
    traps = [
        (
            other,
            f"that is tanh({z}): gates use the sigmoid (0 to 1); tanh is for the candidate g."
            if is_sig
            else f"that is sigmoid({z}): gates use it, but the candidate g uses tanh (-1 to 1).",
            f"tanh({z})의 값입니다. 게이트는 시그모이드(0에서 1)를 씁니다."
            if is_sig
            else f"sigmoid({z})의 값입니다. 후보 값 g는 tanh(-1에서 1)를 씁니다.",
        ),
        (
            z,
            "that is the pre-activation itself; apply the activation function.",
            "활성화 전 값 그대로입니다. 활성화 함수를 적용하세요.",
        ),
    ]
    return _numeric(
        lang,
        text=text,
        answer=answer,
        tolerance=ONE_STEP,
        explanation=why,
        traps=traps,
        solution=f"{gate} = {fn}({z}) = {fmt(answer)}",
        meta={"gate": gate, "z": z, "sigmoid": is_sig},
    )


def _lstm_cell(rng: random.Random, lang: str) -> Question:
    zi, zf, zg, c_prev = _pre(rng), _pre(rng), _pre(rng), _pre(rng, 2.0)
    i, f, g = _sig(zi), _sig(zf), _tanh(zg)
    answer = f * c_prev + i * g
    text = words(
        lang,
        f"One LSTM unit: pre-activations z_i = {zi}, z_f = {zf}, z_g = {zg}, and c_prev = "
        f"{c_prev}. What is the new cell state c_t?",
        f"LSTM 유닛 하나: 활성화 전 값 z_i = {zi}, z_f = {zf}, z_g = {zg}, 이전 셀 상태 "
        f"c_prev = {c_prev}. 새 셀 상태 c_t는?",
    ) + _round2(lang)
    solution = (
        f"c_t = f * c_prev + i * g = {fmt(f)} * {paren(c_prev, fmt)} + {fmt(i)} * "
        f"{paren(g, fmt)} = {fmt(answer)}"
    )
    why = (
        f"i = sigmoid({zi}) = {fmt(i)}, f = sigmoid({zf}) = {fmt(f)}, g = tanh({zg}) = "
        f"{fmt(g)}; {solution}."
    )
    traps = [
        (
            c_prev + i * g,
            "that is c_prev + i * g: the forget gate is missing, c_prev is multiplied by f.",
            "c_prev + i * g: 망각 게이트가 빠졌습니다. c_prev에 f를 곱합니다.",
        ),
        (
            f * c_prev + i * _sig(zg),
            f"that uses sigmoid({zg}) for g: the candidate g uses tanh, not the sigmoid.",
            f"g에 sigmoid({zg})를 썼습니다. 후보 값 g는 시그모이드가 아니라 tanh를 씁니다.",
        ),
        (
            f * c_prev + i,
            "that is f * c_prev + i: the input gate scales the candidate, add i * g, not i.",
            "f * c_prev + i: 입력 게이트는 후보 값을 조절합니다. i가 아니라 i * g를 더합니다.",
        ),
    ]
    return _numeric(
        lang,
        text=text,
        answer=answer,
        tolerance=MULTI_STEP,
        explanation=why,
        traps=traps,
        solution=solution,
        meta={"z_i": zi, "z_f": zf, "z_g": zg, "c_prev": c_prev},
    )


def _lstm_hidden(rng: random.Random, lang: str) -> Question:
    zo, c = _pre(rng), _pre(rng, 2.0)
    o = _sig(zo)
    answer = o * _tanh(c)
    text = words(
        lang,
        f"One LSTM unit: the output gate's pre-activation is z_o = {zo} and the new cell state "
        f"is c_t = {c}. What is h_t?",
        f"LSTM 유닛 하나: 출력 게이트의 활성화 전 값 z_o = {zo}, 새 셀 상태 c_t = {c}. h_t는?",
    ) + _round2(lang)
    solution = f"h_t = o * tanh(c_t) = {fmt(o)} * {paren(_tanh(c), fmt)} = {fmt(answer)}"
    why = f"o = sigmoid({zo}) = {fmt(o)}; tanh({c}) = {fmt(_tanh(c))}; {solution}."
    traps = [
        (
            o * c,
            "that is o * c_t: h uses tanh(c_t), not c_t itself.",
            "o * c_t: h는 c_t 그대로가 아니라 tanh(c_t)를 씁니다.",
        ),
        (
            _tanh(c),
            "that is tanh(c_t) alone: the output gate o scales it, multiply by o.",
            "tanh(c_t)만 있습니다. 출력 게이트 o가 tanh(c_t)를 조절하므로 o를 곱하세요.",
        ),
    ]
    return _numeric(
        lang,
        text=text,
        answer=answer,
        tolerance=MULTI_STEP,
        explanation=why,
        traps=traps,
        solution=solution,
        meta={"z_o": zo, "c": c},
    )


def _gru_state(rng: random.Random, lang: str) -> Question:
    az, h_prev, cand = _pre(rng), _pre(rng, 1.0), round(rng.uniform(-0.9, 0.9), 2) + 0.0
    z = _sig(az)
    answer = z * h_prev + (1 - z) * cand
    text = words(
        lang,
        f"One GRU unit (Keras): the update gate's pre-activation is {az}, h_prev = {h_prev}, "
        f"and the candidate value is h~ = {cand}. What is h_t?",
        f"GRU 유닛 하나(Keras): 업데이트 게이트의 활성화 전 값 {az}, h_prev = {h_prev}, "
        f"후보 값 h~ = {cand}. h_t는?",
    ) + _round2(lang)
    solution = (
        f"h_t = z * h_prev + (1 - z) * h~ = {fmt(z)} * {paren(h_prev, fmt)} + {fmt(1 - z)} * "
        f"{paren(cand, fmt)} = {fmt(answer)}"
    )
    why = f"z = sigmoid({az}) = {fmt(z)}; {solution}. " + words(
        lang,
        "In Keras and PyTorch, z keeps the OLD state.",
        "Keras와 PyTorch에서 z는 이전 상태를 유지하는 쪽입니다.",
    )
    traps = [
        (
            (1 - z) * h_prev + z * cand,
            "that is (1 - z) * h_prev + z * h~, the textbook convention where z picks the new "
            "candidate. In Keras and PyTorch z gates the old state: "
            "h_t = z * h_prev + (1 - z) * h~.",
            "(1 - z) * h_prev + z * h~: z가 새 후보 값을 고르는 교과서 방식입니다. Keras와 "
            "PyTorch에서는 z가 이전 상태에 곱해집니다. h_t = z * h_prev + (1 - z) * h~.",
        )
    ]
    return _numeric(
        lang,
        text=text,
        answer=answer,
        tolerance=MULTI_STEP,
        explanation=why,
        traps=traps,
        solution=solution,
        meta={"a_z": az, "h_prev": h_prev, "candidate": cand},
    )


def _simple_rnn(rng: random.Random, lang: str) -> Question:
    import numpy as np

    from rnntui.nn import SimpleRNN

    k, r, b = (_pre(rng, 1.5) for _ in range(3))
    x, h_prev = _pre(rng, 2.0), _pre(rng, 1.0)
    layer = SimpleRNN(1)
    layer.build((None, 1, 1))
    layer.set_weights([[[k]], [[r]], [b]])
    trace = layer.trace(np.array([[[x]]]), initial_state=[np.array([[h_prev]])])
    answer = float(trace.h[0, 0])
    pre = x * k + h_prev * r + b
    text = words(
        lang,
        f"SimpleRNN with 1 unit and 1 feature: kernel W = {k}, recurrent kernel U = {r}, "
        f"bias b = {b}. "
        f"With x_t = {x} and h_prev = {h_prev}, what is h_t?",
        f"유닛 1개, 특성 1개인 SimpleRNN: 커널 W = {k}, 순환 커널 U = {r}, 편향 b = {b}. "
        f"x_t = {x}, h_prev = {h_prev}일 때 h_t는?",
    ) + _round2(lang)
    solution = (
        f"h_t = tanh(x_t W + h_prev U + b) = tanh({paren(x, fmt)} * {paren(k, fmt)} + "
        f"{paren(h_prev, fmt)} * {paren(r, fmt)} + {paren(b, fmt)}) = tanh({fmt(pre)}) = "
        f"{fmt(answer)}"
    )
    why = solution + "."
    traps = [
        (
            pre,
            f"that is {fmt(pre)} before tanh: SimpleRNN applies tanh to it.",
            f"tanh를 적용하기 전의 값({fmt(pre)})입니다. SimpleRNN은 여기에 tanh를 적용합니다.",
        ),
        (
            _tanh(x * k + b),
            "that is tanh(x_t W + b): the previous state is missing, add h_prev U.",
            "tanh(x_t W + b): 이전 상태가 빠졌습니다. h_prev U를 더하세요.",
        ),
    ]
    return _numeric(
        lang,
        text=text,
        answer=answer,
        tolerance=MULTI_STEP,
        explanation=why,
        traps=traps,
        solution=solution,
        meta={"kernel": k, "recurrent": r, "bias": b, "x": x, "h_prev": h_prev},
    )


def _onehot(rng: random.Random, lang: str) -> Question:
    from rnntui.nn import Embedding

    vocab = rng.choice((1000, 2000, 5000, 10000, 20000))
    dim, steps = rng.choice((8, 16, 32, 50, 64, 100, 128)), rng.randint(5, 30)
    emb = Embedding(vocab, dim)
    dense = 1
    for n in emb.compute_output_shape((None, steps))[1:]:
        dense *= int(n or 0)
    onehot = steps * emb.input_dim
    table = emb.input_dim * emb.output_dim
    variant = rng.choice(("onehot", "dense", "ratio"))
    setup = words(
        lang,
        f"A sentence of {steps} words, a vocabulary of {vocab} words, and "
        f"Embedding({vocab}, {dim}).",
        f"단어 {steps}개짜리 문장, 어휘 {vocab}개, Embedding({vocab}, {dim}).",
    )
    ask = {
        "onehot": words(
            lang,
            " How many numbers hold the sentence as one-hot vectors?",
            " 문장을 원-핫 벡터로 나타내면 숫자가 몇 개 필요한가요?",
        ),
        "dense": words(
            lang,
            " How many numbers does the Embedding output for the sentence hold?",
            " 이 문장에 대한 Embedding 출력에는 숫자가 몇 개 있나요?",
        ),
        "ratio": words(
            lang,
            " The one-hot vectors of the sentence (T x V numbers) hold how many times as many "
            "numbers as the Embedding output for it (T x E)? Give 2 decimal places.",
            " 문장의 원-핫 벡터(T x V개)에는 이 문장의 Embedding 출력(T x E개)보다 숫자가 몇 배 "
            "있나요? 소수 둘째 자리까지 답하세요.",
        ),
    }[variant]
    solution = {
        "onehot": f"T x V = {steps} x {vocab} = {fmt(onehot)}",
        "dense": f"T x E = {steps} x {dim} = {fmt(dense)}",
        "ratio": f"({steps} x {vocab}) / ({steps} x {dim}) = {vocab} / {dim} = "
        f"{fmt(onehot / dense)}",
    }[variant]
    answer = {"onehot": onehot, "dense": dense, "ratio": onehot / dense}[variant]
    why = words(
        lang,
        f"One-hot: {steps} x {vocab} = {fmt(onehot)} numbers (almost all zeros). Embedding: "
        f"{steps} x {dim} = {fmt(dense)} dense numbers, {fmt(onehot / dense)} times fewer.",
        f"원-핫: {steps} x {vocab} = {fmt(onehot)}개(거의 모두 0). 임베딩: {steps} x {dim} = "
        f"{fmt(dense)}개의 밀집 값으로, {fmt(onehot / dense)}배 적습니다.",
    )
    traps = [
        (
            table,
            f"that is the embedding table V x E = {vocab} x {dim}, stored once for all sentences.",
            f"임베딩 표의 크기 V x E = {vocab} x {dim}입니다. 이 표는 모든 문장이 함께 씁니다.",
        ),
        (
            onehot if variant != "onehot" else dense,
            "that is the other representation; compare one-hot (T x V) and dense (T x E).",
            "다른 표현의 크기입니다. 원-핫(T x V)과 밀집(T x E)을 비교하세요.",
        ),
        (
            vocab if variant == "onehot" else dim,
            "that is one word; the sentence has one vector per word.",
            "단어 하나의 크기입니다. 문장에는 단어마다 벡터가 하나씩 있습니다.",
        ),
    ]
    tol = 0.01 if variant == "ratio" else 0.0
    return _numeric(
        lang,
        text=setup + ask,
        answer=float(answer),
        tolerance=tol,
        explanation=why,
        traps=traps,
        solution=solution,
        meta={"vocab": vocab, "dim": dim, "steps": steps, "variant": variant},
    )


def _dropout(rng: random.Random, lang: str) -> Question:
    import numpy as np

    from rnntui.nn.dropout import draw_mask

    rate = rng.choice((0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6))
    x = round(rng.uniform(0.2, 2.0), 2)
    training = rng.random() < 0.75
    mask = draw_mask(np.random.default_rng(rng.getrandbits(32)), rate, (1, 256))
    scale = float(mask.max()) if training else 1.0
    answer = x * scale
    if training:
        text = words(
            lang,
            f"LSTM(8, dropout={rate}) during training: an input entry x = {x} is kept by the "
            "mask. What value reaches the kernel W?",
            f"학습 중인 LSTM(8, dropout={rate}): 입력 값 하나(x = {x})가 마스크에서 "
            "살아남았습니다. 커널 W에 들어가는 값은?",
        ) + _round2(lang)
        solution = f"{x} / (1 - {rate}) = {x} / {fmt(1 - rate)} = {fmt(answer)}"
        why = words(
            lang,
            f"Inverted dropout: kept entries are scaled by 1 / (1 - {rate}), so {x} / "
            f"{fmt(1 - rate)} = {fmt(answer)}. At inference nothing is dropped or scaled.",
            f"역 드롭아웃: 살아남은 값은 1 / (1 - {rate})배가 되어 {x} / {fmt(1 - rate)} = "
            f"{fmt(answer)}입니다. 추론 때는 지우지도 키우지도 않습니다.",
        )
    else:
        text = words(
            lang,
            f"LSTM(8, dropout={rate}) at inference (predict): an input entry is x = {x}. What "
            "value reaches the kernel W?",
            f"추론(predict) 중인 LSTM(8, dropout={rate}): 입력 값은 x = {x}입니다. 커널 W에 "
            "들어가는 값은?",
        ) + _round2(lang)
        solution = f"x = {x}"
        why = words(
            lang,
            f"At inference dropout does nothing: no mask and no scaling, so x stays {x}. "
            "The 1 / (1 - rate) scaling happened during training instead.",
            "추론 때 드롭아웃은 아무것도 하지 않습니다. "
            f"마스크도 배율도 없어 x는 {x} 그대로입니다. "
            "1 / (1 - rate) 배율은 학습 때 적용됩니다.",
        )
    traps = [
        (
            x * (1 - rate),
            f"that is {x} x (1 - {rate}): scaling by (1 - rate) at inference is the old "
            "convention; Keras scales kept entries up by 1 / (1 - rate) during training and "
            "leaves inference alone.",
            f"{x} x (1 - {rate}): 추론 때 (1 - rate)를 곱하는 것은 옛 방식입니다. Keras는 학습 "
            "때 살아남은 값을 1 / (1 - rate)배 하고 추론 때는 그대로 둡니다.",
        ),
        (
            x / (1 - rate) if not training else x,
            f"that is {x} / (1 - {rate}): scaling happens only during training; at inference "
            "the input passes unchanged."
            if not training
            else "that is x unchanged: during training the kept entries are scaled by "
            "1 / (1 - rate).",
            f"{x} / (1 - {rate}): 배율은 학습 때만 적용되고 추론 때는 입력이 그대로 지나갑니다."
            if not training
            else "x 그대로입니다. 학습 중에는 살아남은 값에 1 / (1 - rate)를 곱합니다.",
        ),
        (
            0.0,
            "0 is what a dropped entry becomes during training; "
            + ("this one was kept." if training else "at inference nothing is dropped."),
            "학습 중 지워진 값이 0입니다. "
            + ("이 값은 살아남았습니다." if training else "추론 때는 아무것도 지우지 않습니다."),
        ),
    ]
    return _numeric(
        lang,
        text=text,
        answer=answer,
        tolerance=ONE_STEP,
        explanation=why,
        traps=traps,
        solution=solution,
        meta={"rate": rate, "x": x, "training": training},
    )


TEMPLATES: tuple[Template, ...] = (
    Template("gate-value", "lstm", lambda rng, lang: _gate(rng, lang, "LSTM")),
    Template("gru-gate-value", "gru", lambda rng, lang: _gate(rng, lang, "GRU")),
    Template("lstm-cell", "lstm", _lstm_cell),
    Template("lstm-hidden", "lstm", _lstm_hidden),
    Template("gru-state", "gru", _gru_state),
    Template("simple-rnn-step", "simple-rnn", _simple_rnn),
    Template("onehot-vs-dense", "embedding", _onehot),
    Template("dropout-scale", "dropout", _dropout),
)
