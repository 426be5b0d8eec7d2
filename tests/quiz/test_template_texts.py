"""Generated texts: the lessons' notation, Korean particles, rounding, the right lesson, slips."""

from __future__ import annotations

import ast
import random
import re
from pathlib import Path

import pytest

from rnntui.quiz.grading import grade
from rnntui.quiz.question import Question
from rnntui.quiz.templates.registry import template, templates

SEEDS = range(80)


def every_text(q: Question) -> list[str]:
    return [
        q.text,
        q.explanation,
        q.solution,
        *(c.text for c in q.choices),
        *(c.why or "" for c in q.choices),
        *(w for _, w in q.traps),
    ]


def all_questions(lang: str) -> list[Question]:
    return [tpl.instance(random.Random(s), lang) for tpl in templates() for s in SEEDS]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_units_are_n_never_u_and_the_lstm_candidate_is_g(lang: str) -> None:
    for q in all_questions(lang):
        for text in every_text(q):
            assert not re.search(r"\b\d*U\(D|\(None, T, U\)|\(None, U\)|\b2U\b|keep U\b", text)
            assert "c~" not in text and "z_c" not in text, text


def test_korean_texts_have_no_particle_right_after_a_number_and_no_english_words() -> None:
    english = re.compile(
        r"\b(candidate|units?|value|sig|pre|input_dim|timesteps|forward|"
        r"backward|side by side|Hint)\b"
    )
    for q in all_questions("ko"):
        for text in every_text(q):
            assert not re.search(r"\d(이|가|은|는|을|를)(\s|$|[.,])", text), text
            prose = re.sub(r"Input 0 with name.*?received: \([^)]*\)", "", text)  # Keras' own
            prose = re.sub(r"\w+\([^()]*(\([^()]*\)[^()]*)*\)", "", prose)  # drop code calls
            prose = re.sub(r"'\w+'|\w+=\w+|return_\w+|merge_mode|reset_after", "", prose)
            assert not english.search(prose), text


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_no_negative_zero_is_printed(lang: str) -> None:
    for q in all_questions(lang):
        for text in every_text(q):
            assert not re.search(r"(?<![\d.])-0(\.0+)?(?![\d.])", text), text


def test_value_questions_say_how_to_round() -> None:
    for tpl_id in ("dropout-scale", "gate-value", "lstm-cell", "gru-state"):
        for s in SEEDS:
            assert "2 decimal" in template(tpl_id).instance(random.Random(s), "en").text
            assert "소수 둘째 자리" in template(tpl_id).instance(random.Random(s), "ko").text


def test_the_one_hot_ratio_question_names_both_sides() -> None:
    seen = 0
    for s in SEEDS:
        q = template("onehot-vs-dense").instance(random.Random(s), "en")
        if q.meta["variant"] == "ratio":
            assert "T x V" in q.text and "T x E" in q.text and "Embedding output" in q.text
            seen += 1
    assert seen


def test_gru_questions_belong_to_the_gru_lesson_and_lstm_ones_to_lstm() -> None:
    for s in SEEDS:
        gate = template("gate-value").instance(random.Random(s), "en")
        assert gate.meta["gate"] in ("i", "f", "g", "o") and gate.topic == "lstm"
        assert template("gru-gate-value").instance(random.Random(s), "en").meta["gate"] in "zr"
        assert template("shape-state").instance(random.Random(s), "en").meta["kind"] == "LSTM"
        other = template("shape-state-gru").instance(random.Random(s), "en")
        assert other.meta["kind"] in ("GRU", "SimpleRNN") and other.topic == "gru"


def test_doubling_units_quadruples_the_recurrent_kernel() -> None:
    for s in SEEDS:
        q = template("params-bidirectional").instance(random.Random(s), "en")
        texts = [w for _, w in q.traps]
        assert any("quadruples the recurrent kernel U" in w for w in texts)
        assert not any("also doubles the recurrent" in w for w in texts)


def test_gru_reset_after_bias_is_2n_per_block() -> None:
    for s in SEEDS:
        q = template("params-gru").instance(random.Random(s), "en")
        bias = next(w for _, w in q.traps if "bias is missing" in w)
        assert ("2n per gate block" in bias) == q.meta["reset_after"]


def test_a_numeric_slip_gets_the_worked_solution_beside_the_students_number() -> None:
    q = template("params-lstm").instance(random.Random(1), "en")
    n, d = q.meta["units"], q.meta["input_dim"]
    verdict = grade(q, str(4 * n * (d + n)), "en")
    assert verdict.why == (
        f"4 x {n} x ({d} + {n} + 1) = {4 * n * (d + n + 1):,}; you answered "
        f"{4 * n * (d + n):,}: that is 4 x {n} x ({d} + {n}), the bias is missing "
        "(n per gate block)."
    )
    one_block = grade(q, str(n * (d + n + 1)), "en").why
    assert "one gate block only" in one_block
    other = grade(q, "7", "en").why
    assert other.startswith(q.solution) and "you answered 7." in other


def test_slips_cover_forward_only_and_return_sequences_ignored() -> None:
    saw_seq = saw_fwd = False
    for s in SEEDS:
        q = template("output-size-bidirectional").instance(random.Random(s), "en")
        half = grade(q, str(int(q.answer) // 2), "en").why
        assert "forward direction only" in half
        saw_fwd = True
        if q.meta["return_sequences"] and q.meta["steps"] != 2:  # else the same number
            units = 2 * q.meta["units"]
            assert "last step only" in grade(q, str(units), "en").why
            saw_seq = True
    assert saw_seq and saw_fwd


@pytest.mark.parametrize("raw", ["?", "모름", "idk", "I don't know"])
def test_i_dont_know_is_a_wrong_answer_with_the_solution(raw: str) -> None:
    q = template("params-simple-rnn").instance(random.Random(2), "ko")
    verdict = grade(q, raw, "ko")
    assert verdict.status == "wrong" and verdict.dont_know and verdict.right_answer


def test_templates_package_has_no_cycle() -> None:
    """Family modules import ``base`` (and each other), never the registry; nothing imports up."""
    folder = Path(__file__).parents[2] / "rnntui" / "quiz" / "templates"
    for path in folder.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        if path.name != "registry.py":
            assert "rnntui.quiz.templates.registry" not in names, path.name
        assert not {
            m
            for m in names
            if m.startswith(("rnntui.quiz.session", "rnntui.ui", "rnntui.quiz.bank"))
        }, path.name
    assert not (folder.parent / "generated.py").exists()
