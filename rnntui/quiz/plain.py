"""``rnntui quiz --plain``: Rich prompts on stdin/stdout, one answer per line, no Textual.

Works with stdin piped (answers one per line: a choice number, t/f, or a number); when stdin is
not a terminal each answer is echoed so the transcript reads well. An empty line is ignored
(a Korean IME's second Enter). End of input (or a closed stdin) stops the quiz early; the last
line is always ``Score: X/Y``, also after Ctrl+C while the quiz is still loading.

Input is bounded: a line longer than ``MAX_LINE`` characters is refused (``/dev/zero`` or a
5,000-digit number never reach the grader), and ``MAX_DISCARD`` bytes without a newline count
as the end of input.
"""

from __future__ import annotations

import contextlib
import sys
from typing import IO, Any

from rich.console import Console
from rich.markup import escape

from rnntui import storage
from rnntui.early_interrupt import take_early_interrupt
from rnntui.printable import printable
from rnntui.quiz.grading import parse_choice
from rnntui.quiz.progress import skipped_text
from rnntui.quiz.question import Question, Verdict
from rnntui.quiz.session import QuizSession
from rnntui.quiz.strings import t

MAX_LINE = 1_000
"""Characters of one answer line; longer lines are refused as one invalid answer."""
MAX_DISCARD = 1 << 20
"""Bytes of an over-long line skipped while looking for its end before giving up."""
TOO_LONG = "\ufffd\n"
"""What an over-long line reads as: text no question accepts, so it is asked again."""


def read_line(stream: IO[str] | None) -> str | None:
    """One line of UTF-8 input (undecodable bytes replaced), or None at end of input.

    On a terminal this is ``input()`` with GNU readline when available, so Backspace over a
    double-width Hangul syllable erases the whole syllable on screen. ``stream`` None (stdin
    closed) is the end of input.
    """
    if stream is None:
        return None
    if stream is sys.stdin and is_tty(stream):
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401 - line editing for input()
        try:
            line = input()
        except EOFError:
            return None
        except UnicodeDecodeError:
            return "\ufffd\n"
        return TOO_LONG if len(line) > MAX_LINE else line + "\n"
    buffer = getattr(stream, "buffer", None)
    try:
        if buffer is not None:
            raw = _bounded_line(buffer.readline, MAX_LINE * 4, b"\n")  # UTF-8: <= 4 bytes each
            text = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
        else:
            text = _bounded_line(stream.readline, MAX_LINE, "\n")
    except (OSError, ValueError):  # a closed or broken stdin
        return None
    if not isinstance(text, str):
        return None
    return TOO_LONG if len(text.rstrip("\r\n")) > MAX_LINE else text


def _bounded_line(readline: Any, limit: int, newline: Any) -> Any:
    """``readline`` with at most ``limit`` units kept: the line, TOO_LONG, or None at the end."""
    line = readline(limit + 1)
    if not line:
        return None
    if len(line) <= limit or line.endswith(newline):
        return line if len(line.rstrip(newline)) <= limit else TOO_LONG
    skipped = 0
    while skipped < MAX_DISCARD:
        rest = readline(65536)
        if not rest:
            return None
        if rest.endswith(newline):
            return TOO_LONG
        skipped += len(rest)
    return None


def safe(text: str) -> str:
    """``text`` for a Rich console: no terminal controls (from a file or stdin), no markup."""
    return escape(printable(text))


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
    console.print(f"[bold]{safe(header)}[/bold]")
    console.print(safe(question.text))
    for i, choice in enumerate(question.choices, start=1):
        console.print(f"  {i}. {safe(choice.text)}")


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
        console.print(f"[bold green]{safe(t('right', lang))}[/bold green]")
    else:
        console.print(f"[bold red]{safe(t('wrong', lang))}[/bold red]")
        console.print(safe(t("you-answered", lang, given=_given_text(verdict))))
        if verdict.why:
            console.print(safe(t("why-not", lang, why=verdict.why)))
        console.print(safe(t("answer-is", lang, answer=verdict.right_answer)))
    if verdict.explanation:
        console.print(safe(t("explanation", lang, text=verdict.explanation)))
    if not verdict.correct and verdict.lesson_id:
        console.print(safe(t("lesson", lang, lesson=verdict.lesson_id)))
    if verdict.save_error:
        console.print(f"[yellow]! {safe(verdict.save_error)}[/yellow]")


def _ask(
    console: Console, session: QuizSession, question: Question, stdin: IO[str] | None, echo: bool
) -> bool:
    """Read lines until one grades the question; False at end of input."""
    lang = session.lang
    while True:
        console.print(f"[dim]\\[{safe(hint(question, lang))}][/dim] > ", end="")
        line = read_line(stdin)
        if line is None:
            console.print()
            return False
        if echo:
            console.print(safe(line.rstrip("\r\n")), highlight=False)
        verdict = session.answer(line)
        if verdict.status == "ignored":
            continue
        if verdict.status == "invalid":
            console.print(f"[yellow]{safe(verdict.hint)}[/yellow]")
            continue
        show_verdict(console, verdict, lang)
        return True


def run_plain(session: QuizSession, console: Console, stdin: IO[str] | None) -> int:
    """Ask every question of ``session``; always end with ``Score: X/Y``. Returns the exit code."""
    echo = not is_tty(stdin)
    code = 0
    for notice in session.notices:
        console.print(f"[yellow]! {safe(notice)}[/yellow]")
    if session.store is not None and session.store.skipped:
        store = session.store
        console.print(
            f"[yellow]! {safe(skipped_text(store.skipped, store.path, session.lang))}[/yellow]"
        )
    try:
        if take_early_interrupt():  # Ctrl+C while the quiz was loading
            raise KeyboardInterrupt
        while (question := session.next_question()) is not None:
            show_question(console, session, question)
            if not _ask(console, session, question, stdin, echo):
                console.print(safe(t("stopped-eof", session.lang)))
                break
    except KeyboardInterrupt:
        console.print()
        console.print(safe(t("stopped-interrupt", session.lang)))
        code = 130
    _save_pending(console, session)
    for line in session.closing_lines():  # what to review next, and when
        console.print(safe(line))
    console.print(session.score_line(), markup=False, highlight=False)
    return code


def _save_pending(console: Console, session: QuizSession) -> None:
    """Answers a busy lock kept from being saved get one last try before the score."""
    store = session.store
    if store is None or not store.pending:
        return
    try:
        store.flush()
    except (storage.StorageError, OSError) as exc:
        lost = t("save-failed", session.lang, error=exc)
        console.print(f"[yellow]! {safe(lost)}[/yellow]")
