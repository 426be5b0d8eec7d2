"""Reading and grading one typed answer: NFC, trimming, Korean and English input habits.

- Every answer is NFC-normalised and trimmed; an empty line (a second Enter from a Korean IME)
  is ``ignored``, never taken as an answer.
- Numbers: full-width digits, ``0.5`` and ``0,5``, ``1,376`` (thousands or decimal comma:
  either reading may match), ``1.234,5``, a Unicode minus, ``1e-3``, a trailing ``개``.
- True/false: ``t f true false o x y n yes no 참 거짓 예 아니오 네 아니요 맞다 틀리다``, and the
  jamo a Korean keyboard types for t/f/o/x/y/n when it is left in Hangul mode.
- Choices: ``2``, ``２``, ``2.``, ``(2)``, ``2번``, or the exact text of a choice.
"""

from __future__ import annotations

import re
import unicodedata

from rnntui.quiz.question import Question, Status, Verdict
from rnntui.quiz.strings import t
from rnntui.typed_numbers import number_readings

_TRUE = {"t", "true", "o", "y", "yes", "참", "예", "네", "맞다", "맞음", "ㅅ", "ㅐ", "ㅛ"}
_FALSE = {"f", "false", "x", "n", "no", "거짓", "아니오", "아니요", "아니", "틀리다", "틀림"}
_FALSE |= {"ㄹ", "ㅌ", "ㅜ"}
_CHOICE = re.compile(r"[(#]?\s*(\d{1,3})\s*[.)번]?")
_DONT_KNOW = {
    "?",
    "？",
    "모름",
    "몰라",
    "모르겠다",
    "모르겠어요",
    "모르겠습니다",
    "idk",
    "pass",
    "dont know",
    "don't know",
    "i don't know",
    "i dont know",
    "패스",
}


def normalize(raw: str) -> str:
    """NFC, without surrounding whitespace (including full-width spaces and stray newlines)."""
    return unicodedata.normalize("NFC", raw).strip()


def is_dont_know(text: str) -> bool:
    """True for "I don't know" (``?``, ``모름``, ``idk`` ...): graded as a wrong answer."""
    return normalize(text).casefold().rstrip(".!") in _DONT_KNOW


def parse_bool(text: str) -> bool | None:
    """True, False, or None if ``text`` is not a yes/no answer."""
    s = unicodedata.normalize("NFC", text).strip().casefold().rstrip(".!")
    if s in _TRUE:
        return True
    if s in _FALSE:
        return False
    return None


def parse_choice(text: str, question: Question) -> int | None:
    """The 0-based choice picked by ``text`` (a number or a choice's exact text), else None."""
    s = unicodedata.normalize("NFKC", text).strip()
    m = _CHOICE.fullmatch(s)
    if m:
        n = int(m.group(1))
        return n - 1 if 1 <= n <= len(question.choices) else None
    folded = normalize(text).casefold()
    for i, choice in enumerate(question.choices):
        if normalize(choice.text).casefold() == folded:
            return i
    return None


def format_number(value: float) -> str:
    """A number as the quiz shows it: ``5,504`` or ``0.6225`` (at most 4 decimals)."""
    if abs(value - round(value)) < 1e-9 and abs(value) < 1e15:
        return f"{round(value):,}"
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "0", "") else text


def right_answer_text(question: Question, lang: str) -> str:
    """The right answer as shown after a question."""
    if question.type == "choice":
        i = int(question.answer)
        return f"{i + 1}. {question.choices[i].text}"
    if question.type == "truefalse":
        return t("true" if question.answer else "false", lang)
    return format_number(float(question.answer))


def _within(value: float, target: float, tolerance: float) -> bool:
    return abs(value - target) <= tolerance + 1e-9 * max(1.0, abs(target))


def grade(question: Question, raw: str, lang: str) -> Verdict:
    """Grade ``raw`` against ``question`` (no saving): right, wrong, ignored or invalid."""
    given = normalize(raw)
    if not given:
        return Verdict("ignored", question)
    if is_dont_know(given):
        return dont_know(question, given, lang)
    right = right_answer_text(question, lang)

    def graded(status: Status, why: str = "") -> Verdict:
        return Verdict(
            status,
            question,
            given=given,
            why=why,
            explanation=question.explanation,
            right_answer=right,
        )

    if question.type == "choice":
        picked = parse_choice(given, question)
        if picked is None:
            hint = t("invalid-choice", lang, n=len(question.choices))
            return Verdict("invalid", question, given=given, hint=hint)
        if picked == question.answer:
            return graded("right")
        why = question.choices[picked].why or ""
        return graded("wrong", why)
    if question.type == "truefalse":
        value = parse_bool(given)
        if value is None:
            return Verdict("invalid", question, given=given, hint=t("invalid-truefalse", lang))
        return graded("right" if value == bool(question.answer) else "wrong")
    numbers = number_readings(given)
    if not numbers:
        return Verdict("invalid", question, given=given, hint=t("invalid-numeric", lang))
    target = float(question.answer)
    if any(_within(v, target, question.tolerance) for v in numbers):
        return graded("right")
    slip = next(
        ((v, text) for trap, text in question.traps for v in numbers if _within(v, trap, 1e-6)),
        None,
    )
    shown = format_number(slip[0] if slip else numbers[0])
    return graded("wrong", worked(question, shown, slip[1] if slip else None, lang))


def worked(question: Question, given: str, slip: str | None, lang: str) -> str:
    """The worked solution beside the student's number, naming the slip when it is a known one:
    ``4 x (8 + 4 + 1) = 52; you answered 48: that is 4 x (8 + 4): the bias is missing.``"""
    if not question.solution:
        return slip or ""
    if slip:
        return t("worked-slip", lang, solution=question.solution, given=given, slip=slip)
    return t("worked", lang, solution=question.solution, given=given)


def dont_know(question: Question, given: str, lang: str) -> Verdict:
    """The verdict for "I don't know": wrong (an FSRS lapse), with the full solution."""
    return Verdict(
        "wrong",
        question,
        given=given,
        explanation=question.explanation,
        right_answer=right_answer_text(question, lang),
        dont_know=True,
    )
