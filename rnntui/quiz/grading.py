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

import math
import re
import unicodedata

from rnntui.quiz.question import Question, Verdict
from rnntui.quiz.strings import t

_TRUE = {"t", "true", "o", "y", "yes", "참", "예", "네", "맞다", "맞음", "ㅅ", "ㅐ", "ㅛ"}
_FALSE = {"f", "false", "x", "n", "no", "거짓", "아니오", "아니요", "아니", "틀리다", "틀림"}
_FALSE |= {"ㄹ", "ㅌ", "ㅜ"}
_COUNTERS = ("개",)
_MINUS = str.maketrans({"\u2212": "-", "\u2012": "-", "\u2013": "-", "\ufe63": "-"})
_PLAIN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?")
_CHOICE = re.compile(r"[(#]?\s*(\d+)\s*[.)번]?")


def normalize(raw: str) -> str:
    """NFC, without surrounding whitespace (including full-width spaces and stray newlines)."""
    return unicodedata.normalize("NFC", raw).strip()


def _grouped(digits: str, sep: str) -> bool:
    """True if ``digits`` is a valid thousands grouping with ``sep`` (``1,234,567``)."""
    return re.fullmatch(rf"([1-9]\d{{0,2}})(\{sep}\d{{3}})+", digits) is not None


def parse_number(text: str) -> list[float]:
    """Every reading of ``text`` as a number (usually one; two for ``1,376``; none if invalid)."""
    s = unicodedata.normalize("NFKC", text).translate(_MINUS).lower()
    s = re.sub(r"\s+", "", s.replace("_", ""))
    for counter in _COUNTERS:
        s = s.removesuffix(counter)
    sign = ""
    if s[:1] in "+-" and s:
        sign, s = s[0], s[1:]
    mantissa, exp = s, ""
    m = re.fullmatch(r"(.*?)(e[+-]?\d+)", s)
    if m:
        mantissa, exp = m.group(1), m.group(2)
    readings: list[str] = []
    if "," in mantissa and "." in mantissa:
        dec = "," if mantissa.rfind(",") > mantissa.rfind(".") else "."
        group = "." if dec == "," else ","
        whole, _, frac = mantissa.rpartition(dec)
        if _grouped(whole, group) and frac.isdigit():
            readings.append(whole.replace(group, "") + "." + frac)
    elif "," in mantissa:
        if _grouped(mantissa, ","):
            readings.append(mantissa.replace(",", ""))
        if mantissa.count(",") == 1:
            readings.append(mantissa.replace(",", "."))
    elif mantissa.count(".") > 1 and _grouped(mantissa, "."):
        readings.append(mantissa.replace(".", ""))
    else:
        readings.append(mantissa)
    values: list[float] = []
    for r in readings:
        candidate = sign + r + exp
        if _PLAIN.fullmatch(candidate):
            value = float(candidate)
            if math.isfinite(value) and value not in values:
                values.append(value)
    return values


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
    return f"{value:.4f}".rstrip("0").rstrip(".")


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
    right = right_answer_text(question, lang)
    base = {"given": given, "explanation": question.explanation, "right_answer": right}
    if question.type == "choice":
        picked = parse_choice(given, question)
        if picked is None:
            hint = t("invalid-choice", lang, n=len(question.choices))
            return Verdict("invalid", question, given=given, hint=hint)
        if picked == question.answer:
            return Verdict("right", question, **base)
        why = question.choices[picked].why or ""
        return Verdict("wrong", question, why=why, **base)
    if question.type == "truefalse":
        value = parse_bool(given)
        if value is None:
            return Verdict("invalid", question, given=given, hint=t("invalid-truefalse", lang))
        status = "right" if value == bool(question.answer) else "wrong"
        return Verdict(status, question, **base)
    numbers = parse_number(given)
    if not numbers:
        return Verdict("invalid", question, given=given, hint=t("invalid-numeric", lang))
    target = float(question.answer)
    if any(_within(v, target, question.tolerance) for v in numbers):
        return Verdict("right", question, **base)
    why = next(
        (text for trap, text in question.traps for v in numbers if _within(v, trap, 1e-6)), ""
    )
    return Verdict("wrong", question, why=why, **base)
