"""``rnntui progress``'s table: every lesson by title, tried or not, with ASCII borders.

Columns: number and title (in the chosen language), items tried of all, reviews, accuracy,
items due now, next due time (local time zone). Records of lessons that no longer exist (or
came from an import) get a row under their id. Text from the progress file is made printable
and free of markup before it reaches the terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from rnntui.content.model import Lesson
from rnntui.printable import printable
from rnntui.quiz.progress import Items
from rnntui.quiz.report import (
    GENERATED_GROUP,
    LessonProgress,
    lesson_of,
    lesson_stats,
    summarize,
)
from rnntui.quiz.strings import t


def load_course(lang: str) -> list[Lesson]:
    """The packaged lessons in ``lang``; empty if they cannot load (progress still shows)."""
    try:
        from rnntui.content.loader import load_lessons

        return list(load_lessons().for_lang(lang))
    except Exception:  # titles are a nicety; progress must show without them
        return []


def safe(text: object) -> str:
    """One printable line without Rich markup."""
    return escape(printable(str(text), one_line=True))


def when_text(moment: datetime | None, now: datetime, lang: str) -> str:
    """``now`` when due, else the local month, day and time; ``-`` without answers."""
    if moment is None:
        return t("never", lang)
    return t("due-now", lang) if moment <= now else f"{moment.astimezone():%m-%d %H:%M}"


def percent(accuracy: float | None) -> str:
    """``83%`` or ``-``."""
    return "-" if accuracy is None else f"{accuracy:.0%}"


def short_title(title: str, limit: int = 20) -> str:
    """The title up to its colon or question mark, at most ``limit`` terminal cells wide
    (cut with ASCII dots)."""
    for mark in (":", "?"):
        head, found, _ = title.partition(mark)
        if found and head.strip():
            title = head.strip() + ("?" if mark == "?" else "")
            break
    if cell_len(title) <= limit:
        return title
    while cell_len(title) > limit - 3:
        title = title[:-1]
    return title.rstrip() + "..."


def _row(p: LessonProgress, now: datetime, lang: str) -> list[str]:
    return [
        f"{p.order:2d}. {safe(short_title(p.title))}",
        t("tried-of", lang, tried=p.tried, total=p.items),
        str(p.reviews),
        percent(p.accuracy),
        str(p.due_now),
        when_text(p.next_due, now, lang),
    ]


def progress_table(items: Items, lessons: Sequence[Lesson], lang: str, now: datetime) -> Table:
    """The table (every lesson, then stray records, then the total)."""
    table = Table(title=t("progress-title", lang), box=box.ASCII, title_justify="left")
    for key in (
        "col-lesson",
        "col-items",
        "col-reviews",
        "col-accuracy",
        "col-due",
        "col-next-local",
    ):
        header = t(key, lang)
        table.add_column(
            header,
            justify="left" if key == "col-lesson" else "right",
            overflow="fold",
            no_wrap=True,
            min_width=cell_len(header),
        )
    known = {lesson.id for lesson in lessons}
    for progress in lesson_stats(items, lessons, now):
        table.add_row(*_row(progress, now, lang))
    stray = {k: r for k, r in items.items() if lesson_of(k, r) not in known}
    rows, _ = summarize(stray, now)
    for stats in rows:
        name = t("generated", lang) if stats.lesson == GENERATED_GROUP else stats.lesson
        table.add_row(
            f"    {safe(short_title(name))}",
            t("tried-of", lang, tried=stats.items, total=stats.items),
            str(stats.reviews),
            percent(stats.accuracy),
            str(stats.due_now),
            when_text(stats.next_due, now, lang),
        )
    _, total = summarize(items, now)
    table.add_row(
        t("total", lang),
        str(total.items),
        str(total.reviews),
        percent(total.accuracy),
        str(total.due_now),
        when_text(total.next_due, now, lang),
        style="bold",
    )
    return table


def show_progress(
    console: Console,
    items: Items,
    path: Path,
    lang: str,
    now: datetime,
    lessons: Sequence[Lesson] | None = None,
) -> None:
    """The file line, the table, and how many lessons are started."""
    course = load_course(lang) if lessons is None else list(lessons)
    console.print(safe(t("progress-file", lang, path=path)))
    if not items:
        console.print(safe(t("no-progress", lang)))
    console.print(progress_table(items, course, lang, now))
    started = sum(1 for p in lesson_stats(items, course, now) if p.started)
    console.print(safe(t("lessons-started", lang, started=started, total=len(course))))
    console.print(safe(t("times-local", lang, zone=now.astimezone().tzname() or "")))


def course_json(items: Items, lang: str, now: datetime) -> list[dict[str, object]]:
    """Every lesson's progress for ``rnntui progress --json`` (times as ISO UTC)."""
    return [
        {
            "lesson": p.lesson_id,
            "order": p.order,
            "title": printable(p.title),
            "started": p.started,
            "items": p.items,
            "tried": p.tried,
            "reviews": p.reviews,
            "accuracy": None if p.accuracy is None else round(p.accuracy, 4),
            "due_now": p.due_now,
            "next_due": p.next_due.isoformat() if p.next_due else None,
        }
        for p in lesson_stats(items, load_course(lang), now)
    ]
