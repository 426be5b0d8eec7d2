"""``rnntui quiz --plain``: Rich prompts on stdin/stdout, one answer per line, no Textual.

Works with stdin piped (answers one per line: a choice number, t/f, or a number); when stdin is
not a terminal each answer is echoed so the transcript reads well. An empty line is ignored
(a Korean IME's second Enter). End of input stops the quiz early; the last line is always
``Score: X/Y``.
"""

from __future__ import annotations

import contextlib
import sys
from typing import IO

from rich.console import Console
from rich.markup import escape

from rnntui.quiz.grading import parse_choice
from rnntui.quiz.question import Question, Verdict
from rnntui.quiz.session import QuizSession
from rnntui.quiz.strings import t


def read_line(stream: IO[str]) -> str | None:
    """One line of UTF-8 input (undecodable bytes replaced), or None at end of input.

    On a terminal this is ``input()`` with GNU readline when available, so Backspace over a
    double-width Hangul syllable erases the whole syllable on screen.
    """
    if stream is sys.stdin and is_tty(stream):
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401 - line editing for input()
        try:
            return input() + "\n"
        except EOFError:
            return None
        except UnicodeDecodeError:
            return "\ufffd\n"
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        raw = buffer.readline()
        return raw.decode("utf-8", errors="replace") if raw else None
    line = stream.readline()
    return line if line else None


def is_tty(stream: object) -> bool:
    """True if ``stream`` is a terminal (False for pipes, files and odd test streams)."""
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return False


def show_question(console: Console, session: QuizSession, question: Question) -> None:
    """The header, the question text and its choices."""
    lang = session.lang
    header = t("question", lang, i=session.position, n=session.total)
    if session.current_kind in ("review", "new"):
        header += f" ({t(session.current_kind, lang)})"
    if question.lesson_id:
        header += f" - {question.lesson_id}"
    console.print()
    console.print(f"[bold]{escape(header)}[/bold]")
    console.print(escape(question.text))
    for i, choice in enumerate(question.choices, start=1):
        console.print(f"  {i}. {escape(choice.text)}")


def hint(question: Question, lang: str) -> str:
    """What to type for this question."""
    if question.type == "choice":
        return t("hint-choice", lang, n=len(question.choices))
    return t(f"hint-{question.type}", lang)


def _given_text(verdict: Verdict) -> str:
    question = verdict.question
    if question.type == "choice":
        i = parse_choice(verdict.given, question)
        if i is not None:
            return f"{i + 1}. {question.choices[i].text}"
    return verdict.given


def show_verdict(console: Console, verdict: Verdict, lang: str) -> None:
    """Right or wrong, why (for the chosen wrong option), the answer, and the lesson."""
    if verdict.correct:
        console.print(f"[bold green]{escape(t('right', lang))}[/bold green]")
    else:
        console.print(f"[bold red]{escape(t('wrong', lang))}[/bold red]")
        console.print(escape(t("you-answered", lang, given=_given_text(verdict))))
        if verdict.why:
            console.print(escape(t("why-not", lang, why=verdict.why)))
        console.print(escape(t("answer-is", lang, answer=verdict.right_answer)))
    if verdict.explanation:
        console.print(escape(t("explanation", lang, text=verdict.explanation)))
    if not verdict.correct and verdict.lesson_id:
        console.print(escape(t("lesson", lang, lesson=verdict.lesson_id)))
    if verdict.save_error:
        console.print(f"[yellow]! {escape(verdict.save_error)}[/yellow]")


def _ask(console: Console, session: QuizSession, question: Question, stdin: IO[str],
         echo: bool) -> bool:
    """Read lines until one grades the question; False at end of input."""
    lang = session.lang
    while True:
        console.print(f"[dim]\\[{escape(hint(question, lang))}][/dim] > ", end="")
        line = read_line(stdin)
        if line is None:
            console.print()
            return False
        if echo:
            console.print(escape(line.rstrip("\r\n")), highlight=False)
        verdict = session.answer(line)
        if verdict.status == "ignored":
            continue
        if verdict.status == "invalid":
            console.print(f"[yellow]{escape(verdict.hint)}[/yellow]")
            continue
        show_verdict(console, verdict, lang)
        return True


def run_plain(session: QuizSession, console: Console, stdin: IO[str]) -> int:
    """Ask every question of ``session``; always end with ``Score: X/Y``. Returns the exit code."""
    echo = not is_tty(stdin)
    code = 0
    for notice in session.notices:
        console.print(f"[yellow]! {escape(notice)}[/yellow]")
    try:
        while (question := session.next_question()) is not None:
            show_question(console, session, question)
            if not _ask(console, session, question, stdin, echo):
                console.print(escape(t("stopped-eof", session.lang)))
                break
    except KeyboardInterrupt:
        console.print()
        console.print(escape(t("stopped-interrupt", session.lang)))
        code = 130
    console.print(session.score_line(), markup=False, highlight=False)
    return code
