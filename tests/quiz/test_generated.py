"""Generated questions: every answer (computed by the engine) equals an independent formula
written here with plain ``math``, over many seeds and both languages."""

from __future__ import annotations

import math
import random
import unicodedata
from typing import Any

import pytest

from rnntui.quiz.grading import format_number, grade
from rnntui.quiz.question import Question
from rnntui.quiz.templates.registry import template, templates

SEEDS = range(200)
LANGS = ("en", "ko")
"""Each seed is checked in one language (the numbers do not depend on it), alternating."""


def sig(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def params(kind: str, u: int, d: int, reset_after: bool = True) -> int:
    """Keras parameter counts (rnn-semantics.md section 2)."""
    if kind == "SimpleRNN":
        return u * (d + u + 1)
    if kind == "LSTM":
        return 4 * u * (d + u + 1)
    return 3 * u * (d + u + (2 if reset_after else 1))


def shape(*dims: int | None) -> str:
    return "(" + ", ".join("None" if d is None else str(d) for d in dims) + ")"


def shapes(*items: str) -> str:
    return "[" + ", ".join(items) + "]"


def instances(template_id: str) -> list[Question]:
    tpl = template(template_id)
    return [tpl.instance(random.Random(seed), LANGS[seed % 2]) for seed in SEEDS]


def right_text(q: Question) -> str:
    return q.choices[int(q.answer)].text


def test_every_template_has_a_stable_gen_id_and_a_topic() -> None:
    from rnntui.content.model import TOPICS

    ids = [t.item_id for t in templates()]
    assert len(ids) == len(set(ids)) >= 12
    assert all(i.startswith("gen/") for i in ids)
    assert all(t.topic in TOPICS for t in templates())


@pytest.mark.parametrize("template_id", ["params-simple-rnn", "params-lstm", "params-gru"])
def test_single_layer_params(template_id: str) -> None:
    for q in instances(template_id):
        m: dict[str, Any] = dict(q.meta)
        assert q.answer == params(m["kind"], m["units"], m["input_dim"], m["reset_after"])
        assert format_number(q.answer) in q.explanation
        assert q.tolerance == 0


def test_bidirectional_params() -> None:
    for q in instances("params-bidirectional"):
        m = q.meta
        assert q.answer == 2 * params(m["kind"], m["units"], m["input_dim"])


def test_stack_params() -> None:
    for q in instances("params-stack"):
        m = q.meta
        (k1, u1), (k2, u2) = m["layers"]
        expected = (
            m["vocab"] * m["emb"]
            + params(k1, u1, m["emb"])
            + params(k2, u2, u1)
            + u2 * m["dense"]
            + m["dense"]
        )
        assert q.answer == expected


def test_return_sequences_shapes() -> None:
    for q in instances("shape-sequences"):
        m = q.meta
        expected = (
            shape(None, m["steps"], m["units"])
            if m["return_sequences"]
            else shape(None, m["units"])
        )
        assert right_text(q) == expected


def test_return_state_shapes() -> None:
    for q in instances("shape-state"):
        m = q.meta
        out = (
            shape(None, m["steps"], m["units"])
            if m["return_sequences"]
            else shape(None, m["units"])
        )
        n_states = 2 if m["kind"] == "LSTM" else 1
        assert right_text(q) == shapes(out, *[shape(None, m["units"])] * n_states)


def test_bidirectional_shapes() -> None:
    for q in instances("shape-bidirectional"):
        m = q.meta
        head = (None, m["steps"]) if m["return_sequences"] else (None,)
        u = m["units"]
        expected = {
            "concat": shape(*head, 2 * u),
            "sum": shape(*head, u),
            "ave": shape(*head, u),
            "mul": shape(*head, u),
            None: shapes(shape(*head, u), shape(*head, u)),
        }[m["merge_mode"]]
        assert right_text(q) == expected


def test_stack_validity() -> None:
    seen = set()
    for q in instances("stack-valid"):
        m = q.meta
        layers = m["layers"]
        three_d_input = not m["tokens"] or m["embedding"]
        below_ok = all(seq for _, _, seq in layers[:-1])
        expected = three_d_input and below_ok
        assert q.answer is expected, m["spec"]
        if not expected:
            assert "expected ndim=3, found ndim=2" in q.explanation
        seen.add(expected)
    assert seen == {True, False}


def test_gate_values() -> None:
    for q in instances("gate-value"):
        m = q.meta
        z = m["z"]
        expected = sig(z) if m["sigmoid"] else math.tanh(z)
        assert m["sigmoid"] == (m["gate"] != "g")
        assert q.answer == pytest.approx(expected, abs=1e-12)


def test_lstm_cell() -> None:
    for q in instances("lstm-cell"):
        m = q.meta
        expected = sig(m["z_f"]) * m["c_prev"] + sig(m["z_i"]) * math.tanh(m["z_g"])
        assert q.answer == pytest.approx(expected, abs=1e-12)


def test_lstm_hidden() -> None:
    for q in instances("lstm-hidden"):
        m = q.meta
        assert q.answer == pytest.approx(sig(m["z_o"]) * math.tanh(m["c"]), abs=1e-12)


def test_gru_state_keras_convention() -> None:
    for q in instances("gru-state"):
        m = q.meta
        z = sig(m["a_z"])
        assert q.answer == pytest.approx(z * m["h_prev"] + (1 - z) * m["candidate"], abs=1e-12)


def test_simple_rnn_step() -> None:
    for q in instances("simple-rnn-step"):
        m = q.meta
        expected = math.tanh(m["x"] * m["kernel"] + m["h_prev"] * m["recurrent"] + m["bias"])
        assert q.answer == pytest.approx(expected, abs=1e-12)


def test_onehot_vs_dense() -> None:
    for q in instances("onehot-vs-dense"):
        m = q.meta
        expected = {
            "onehot": m["steps"] * m["vocab"],
            "dense": m["steps"] * m["dim"],
            "ratio": m["vocab"] / m["dim"],
        }[m["variant"]]
        assert q.answer == pytest.approx(expected, rel=1e-12)


def test_dropout_scaling() -> None:
    for q in instances("dropout-scale"):
        m = q.meta
        expected = m["x"] / (1 - m["rate"]) if m["training"] else m["x"]
        assert q.answer == pytest.approx(expected, rel=1e-12)


def _ambiguous(text: str) -> set[str]:
    return {c for c in text if ord(c) > 0x7F and unicodedata.east_asian_width(c) == "A"}


@pytest.mark.parametrize("tpl", templates(), ids=lambda t: t.id)
def test_instances_are_well_formed_and_gradable(tpl: Any) -> None:
    texts = set()
    for seed in range(60):
        for lang in LANGS:
            q = tpl.instance(random.Random(seed), lang)
            assert q.id == tpl.item_id and q.generated and q.topic == tpl.topic
            every = [
                q.text,
                q.explanation,
                *(c.text for c in q.choices),
                *(c.why or "" for c in q.choices),
                *(w for _, w in q.traps),
            ]
            for text in every:
                assert unicodedata.normalize("NFC", text) == text
                assert not _ambiguous(text), (text, _ambiguous(text))
            assert q.explanation
            texts.add(q.text)
            if q.type == "choice":
                labels = [c.text for c in q.choices]
                assert 2 <= len(labels) <= 6 and len(set(labels)) == len(labels)
                assert [c.why is None for c in q.choices].count(True) == 1
                assert q.choices[int(q.answer)].why is None
                assert grade(q, str(int(q.answer) + 1), lang).correct
                for i, c in enumerate(q.choices):
                    if i != q.answer:
                        verdict = grade(q, str(i + 1), lang)
                        assert verdict.status == "wrong" and verdict.why == c.why
            elif q.type == "truefalse":
                assert grade(q, "t" if q.answer else "f", lang).correct
                assert not grade(q, "f" if q.answer else "t", lang).correct
            else:
                shown = format_number(float(q.answer))
                if q.tolerance >= 0.005 or float(q.answer).is_integer():
                    assert grade(q, shown, lang).correct, (shown, q.answer)
                assert grade(q, f"{float(q.answer):.2f}", lang).correct or q.tolerance < 0.005
                for value, why in q.traps:
                    verdict = grade(q, repr(value), lang)
                    assert verdict.status == "wrong" and verdict.why.endswith(why)
                    assert verdict.why.startswith(q.solution)
    assert len(texts) > 20, "fresh numbers: instances should differ"


def test_fresh_numbers_without_a_seed() -> None:
    tpl = template("params-lstm")
    rng = random.Random()
    assert len({tpl.instance(rng, "en").text for _ in range(10)}) > 1
