"""What the quiz screen prints: the question, the verdict, the end, and its help (en/ko).

Plain functions returning Rich ``Text`` (no markup parsing, so lesson text is shown as
written); right and wrong are always spelled out, never shown by colour alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text

from rnntui.quiz.grading import parse_bool, parse_choice
from rnntui.quiz.question import Question, Verdict
from rnntui.quiz.session import QuizSession
from rnntui.quiz.strings import t
from rnntui.ui.strings import tr

LABELS_KO: dict[str, str] = {
    "Answer": "답",
    "True": "참",
    "False": "거짓",
    "Next": "다음",
    "Lesson": "레슨 보기",
    "Again": "다시",
    "Lessons": "목록",
}
"""Korean labels for the quiz screen's key bar (English description -> Korean)."""

HELP: dict[str, str] = {
    "en": """## Quiz

One question at a time; every answer is saved in your progress at once.

- **Multiple choice**: press the number of your answer (1, 2, 3, ...).
- **True / false**: t or o for true, f or x for false (y and n work too; so do the same keys
  with the Korean keyboard in Hangul mode).
- **Numbers**: type the number and press Enter. `0.5` and `0,5` both work, as do full-width
  digits and trailing spaces. An empty Enter (for example the second Enter of a Korean input
  method) is ignored: the question waits for your answer.

After each answer you see right or wrong, why your choice was wrong, the right answer and an
explanation. **l** opens the question's lesson (F7 brings you back to the quiz), **Space**
goes on. At the end, **r** starts another quiz.

**F2**, **b** or Escape go back to the lessons at any time.""",
    "ko": """## 퀴즈

한 번에 한 문제씩 풉니다. 답할 때마다 진행 상황이 바로 저장됩니다.

- **객관식**: 답의 번호 키(1, 2, 3, ...)를 누릅니다.
- **참/거짓**: 참이면 o 또는 t, 거짓이면 x 또는 f를 누릅니다 (y, n도 됩니다. 한글 입력
  상태에서 같은 키를 눌러도 됩니다).
- **숫자**: 숫자를 입력하고 Enter를 누릅니다. `0.5`와 `0,5` 모두 되고, 전각 숫자와 뒤쪽
  공백도 괜찮습니다. 빈 칸에서 누른 Enter(한글 입력기의 두 번째 Enter 등)는 무시되고,
  문제는 답을 기다립니다.

답하면 정답 여부, 고른 답이 틀린 이유, 정답과 설명이 나옵니다. **l**은 그 문제의 레슨을
열고 (F7로 퀴즈에 돌아옵니다), **Space**는 다음 문제로 넘어갑니다. 끝나면 **r**로 새
퀴즈를 시작합니다.

**F2**, **b** 또는 Escape로 언제든 레슨으로 돌아갑니다.""",
}

TitleOf = Callable[[str | None], str | None]
"""A lesson id -> its title (None if unknown)."""


def header(session: QuizSession, lang: str, done: bool = False) -> str:
    """``Quiz  Question 2/5 (new)  Score: 1/1`` (at the end: ``Quiz  Score: 4/5``)."""
    text = tr("quiz.title", lang)
    if not done:
        text += f"  {t('question', lang, i=session.position, n=session.total)}"
        if session.current_kind in ("review", "new"):
            text += f" ({t(session.current_kind, lang)})"
    return f"{text}  {session.score_line()}"


def question_text(question: Question, lang: str, title_of: TitleOf) -> Text:
    """The lesson it belongs to, the question and its choices."""
    out = Text()
    title = title_of(question.lesson_id)
    if title:
        out.append(f"[{title}]\n", style="dim")
    out.append(question.text, style="bold")
    if question.choices:
        out.append("\n")
    for i, choice in enumerate(question.choices, start=1):
        out.append(f"\n  {i}. {choice.text}")
    return out


def keys_hint(question: Question, lang: str) -> Text:
    """What to press for this question."""
    return Text(tr(f"quiz.keys.{question.type}", lang, n=len(question.choices)), style="italic")


def given_text(verdict: Verdict, lang: str) -> str:
    """What the student answered: ``2. <choice text>``, ``true``/``false``, or the number."""
    question = verdict.question
    if question.type == "choice":
        i = parse_choice(verdict.given, question)
        if i is not None:
            return f"{i + 1}. {question.choices[i].text}"
    if question.type == "truefalse":
        value = parse_bool(verdict.given)
        if value is not None:
            return t("true" if value else "false", lang)
    return verdict.given


def verdict_text(verdict: Verdict, lang: str, title_of: TitleOf, last: bool) -> Text:
    """Right or wrong, why, the right answer, the explanation and the lesson key."""
    out = Text()
    if verdict.correct:
        out.append(t("right", lang), style="bold green")  # [O] / [X] only in Korean
    else:
        out.append(t("wrong", lang), style="bold red")
        out.append("\n" + t("you-answered", lang, given=given_text(verdict, lang)))
        if verdict.why:
            out.append("\n" + t("why-not", lang, why=verdict.why))
        out.append("\n" + t("answer-is", lang, answer=verdict.right_answer), style="bold")
    if verdict.explanation:
        out.append("\n" + t("explanation", lang, text=verdict.explanation))
    title = title_of(verdict.lesson_id)
    if title:
        out.append("\n\n" + tr("quiz.lesson", lang, title=title))
    out.append("\n" + tr("quiz.last" if last else "quiz.next", lang), style="italic")
    return out


def end_text(session: QuizSession, lang: str, title_of: TitleOf) -> Text:
    """The score, the lessons to review, and what to press next."""
    out = Text()
    out.append(tr("quiz.done", lang) + "\n\n", style="bold")
    out.append(session.score_line() + "\n", style="bold")
    missed: dict[str, int] = {}
    for verdict in session.verdicts:
        if not verdict.correct:
            name = title_of(verdict.lesson_id) or verdict.question.id
            missed[name] = missed.get(name, 0) + 1
    if missed:
        names = ", ".join(f"{name} ({n})" for name, n in missed.items())
        out.append("\n" + tr("quiz.review", lang, lessons=names) + "\n")
    out.append("\n" + tr("quiz.saved", lang) + "\n")
    out.append("\n" + tr("quiz.end_keys", lang), style="italic")
    return out


def notices_text(notices: Sequence[str]) -> str:
    """Session notices (damaged progress file, not saving) as one message."""
    return "\n".join(notices)
