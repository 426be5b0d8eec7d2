"""``rnntui progress``: a table (or JSON) of quiz progress, ``--export``, ``--import``, ``--reset``.

With several options the order is: import, export, reset; the table is shown only when none of
them is given.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape

from rnntui import storage
from rnntui.printable import printable
from rnntui.quiz import schedule
from rnntui.quiz.plain import is_tty, read_line
from rnntui.quiz.progress import ProgressStore, document, read_export, skipped_text
from rnntui.quiz.report import LessonStats, summarize
from rnntui.quiz.session import store_notices
from rnntui.quiz.strings import t

YES = {"y", "yes", "예", "네", "ㅛ"}

MESSAGES: dict[str, dict[str, str]] = {
    "reset-failed": {
        "en": "Progress was not erased ({error}); nothing was changed.",
        "ko": "진행 상황을 지우지 못했습니다 ({error}). 아무것도 바뀌지 않았습니다.",
    },
}
"""This command's own sentences (the shared quiz strings say "the quiz goes on")."""


def say(key: str, lang: str, **values: object) -> str:
    """One of :data:`MESSAGES` in ``lang`` (English if missing)."""
    entry = MESSAGES[key]
    return entry.get(lang, entry["en"]).format(**values)


def safe(text: object) -> str:
    """``text`` printable (no terminal controls from a file) and free of Rich markup."""
    return escape(printable(str(text)))


def lesson_titles(lang: str) -> tuple[dict[str, int], dict[str, str]]:
    """Lesson order (for sorting rows) and titles (for JSON); empty if lessons cannot load."""
    try:
        from rnntui.content.loader import load_lessons

        lessons = load_lessons().for_lang(lang)
    except Exception:  # titles are a nicety; progress must show without them
        return {}, {}
    return {x.id: x.order for x in lessons}, {x.id: x.title for x in lessons}


def _when(moment: datetime | None, now: datetime, lang: str) -> str:
    if moment is None:
        return t("never", lang)
    if moment <= now:
        return t("due-now", lang)
    return moment.strftime("%Y-%m-%d %H:%M")


def _accuracy(stats: LessonStats) -> str:
    return "-" if stats.accuracy is None else f"{stats.accuracy:.0%}"


def show_table(console: Console, store: ProgressStore, lang: str, now: datetime) -> None:
    """The per-lesson table (``progress_table``: every lesson by title, local times, ASCII)."""
    from rnntui.quiz.progress_table import show_progress

    show_progress(console, store.items, store.path, lang, now)


def progress_json(store: ProgressStore, lang: str, now: datetime) -> dict[str, Any]:
    """What ``rnntui progress --json`` prints (``course``: every lesson, tried or not)."""
    from rnntui.quiz.progress_table import course_json

    order, titles = lesson_titles(lang)
    rows, total = summarize(store.items, now, order)
    return {
        "file": str(store.path),
        "now": now.isoformat(),
        "lessons": [s.to_json(titles.get(s.lesson)) for s in rows],
        "total": total.to_json(),
        "course": course_json(store.items, lang, now),
        "notices": [n.kind for n in store.notices],
    }


def confirm(prompt: str) -> bool:
    """Ask on stdout, read y/N from stdin (no answer or end of input means no)."""
    sys.stdout.write(prompt)
    sys.stdout.flush()
    answer = read_line(sys.stdin)
    return answer is not None and answer.strip().casefold() in YES


def progress_command(
    *, as_json: bool, export: Path | None, import_: Path | None, reset: bool, yes: bool, lang: str
) -> int:
    """Run ``rnntui progress``; returns the exit code."""
    console = Console(highlight=False, soft_wrap=not is_tty(sys.stdout))
    err = Console(stderr=True, highlight=False)
    store = ProgressStore().load()
    for message in store_notices(store, lang):
        err.print(safe(message))
    if store.skipped:
        err.print(safe(skipped_text(store.skipped, store.path, lang)))
    now = schedule.utcnow()
    try:
        if import_ is not None:
            exported = read_export(import_)
            if exported.skipped:
                err.print(safe(skipped_text(exported.skipped, import_, lang)))
            store.merge_in(exported.items)
            console.print(safe(t("imported", lang, n=len(exported.items), file=import_)))
    except (storage.StorageError, OSError) as exc:
        err.print(safe(t("import-bad", lang, file=import_, error=exc)))
        return 1
    try:
        if export is not None:
            storage.atomic_write_json(
                export, document(store.items, store.reset_at), backup=False, private=False
            )
            console.print(safe(t("exported", lang, n=len(store.items), file=export)))
    except (storage.StorageError, OSError) as exc:
        err.print(safe(t("export-bad", lang, file=export, error=exc)))
        return 1
    if reset:
        if not yes and not confirm(t("reset-ask", lang, path=store.path)):
            console.print(safe(t("reset-cancelled", lang)))
            return 1
        try:
            kept = store.reset(now)
        except (storage.StorageError, OSError) as exc:
            err.print(safe(say("reset-failed", lang, error=exc)))
            return 1
        done = t("reset-done", lang, kept=kept) if kept else t("reset-empty", lang)
        console.print(safe(done))
    if import_ is not None or export is not None or reset:
        return 0
    if as_json:
        print(printable(json.dumps(progress_json(store, lang, now), ensure_ascii=False, indent=2)))
    else:
        show_table(console, store, lang, now)
    return 0
