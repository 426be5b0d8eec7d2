"""``rnntui quiz`` and ``rnntui progress``: what cli.py calls (imports stay lazy and Textual-free).

``rnntui quiz`` runs ``app_entry`` (the app's quiz screen, handed in by cli.py so this package
never imports upward) when both stdin and stdout are terminals; otherwise, or with ``--plain``,
it runs the plain Rich prompt loop.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path


def choose_language(cli_lang: str | None) -> str:
    """--lang, else the saved setting, else the locale, else English (ValueError if bad)."""
    from rnntui.content.language import resolve_language
    from rnntui.settings import load_settings

    return resolve_language(cli_lang, load_settings().lang)


def run_quiz(
    *,
    topic: str | None,
    count: int,
    seed: int | None,
    lang: str | None,
    plain: bool,
    lessons_dirs: Sequence[Path],
    app_entry: Callable[..., int] | None = None,
) -> int:
    """Run a quiz; returns the exit code (0 done, 2 bad usage, 130 interrupted)."""
    from rnntui.quiz.plain import is_tty

    if app_entry is not None and not plain and is_tty(sys.stdin) and is_tty(sys.stdout):
        return app_entry(
            topic=topic, count=count, seed=seed, lang=lang, lessons_dirs=list(lessons_dirs)
        )
    return run_plain_quiz(topic=topic, count=count, seed=seed, lang=lang, lessons_dirs=lessons_dirs)


def run_plain_quiz(
    *,
    topic: str | None,
    count: int,
    seed: int | None,
    lang: str | None,
    lessons_dirs: Sequence[Path],
) -> int:
    """The plain quiz on stdin/stdout."""
    from rich.console import Console

    from rnntui.content.loader import load_lessons
    from rnntui.quiz.plain import is_tty, run_plain
    from rnntui.quiz.progress import ProgressStore
    from rnntui.quiz.session import QuizSetupError, open_session
    from rnntui.quiz.strings import t

    console = Console(highlight=False, soft_wrap=not is_tty(sys.stdout))
    try:
        language = choose_language(lang)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    store = ProgressStore().load()
    lessons = load_lessons(lessons_dirs)
    if lessons.problems:  # counted in files, like the app's "N lesson file(s) skipped"
        print(t("lesson-problems", language, n=lessons.skipped_files), file=sys.stderr)
    try:
        session = open_session(
            lessons=lessons.for_lang(language),
            lang=language,
            topic=topic,
            count=count,
            seed=seed,
            store=store,
        )
    except QuizSetupError as exc:
        print(t("error", language, text=exc), file=sys.stderr)
        return 2
    return run_plain(session, console, sys.stdin)


def run_progress(
    *,
    as_json: bool,
    export: Path | None,
    import_: Path | None,
    reset: bool,
    yes: bool,
    lang: str | None,
) -> int:
    """Show, export, import or reset progress; returns the exit code."""
    from rnntui.quiz.progress_cmd import progress_command

    try:
        language = choose_language(lang)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return progress_command(
        as_json=as_json, export=export, import_=import_, reset=reset, yes=yes, lang=language
    )
