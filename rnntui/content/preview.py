"""The lesson a start shows while the other lesson files are still to be parsed.

A first start (a new user, or any start after rnntui or a lesson changed) finds nothing in the
parse cache: parsing and checking every lesson file (YAML, quiz checks, directives computed by
the engine, which imports NumPy) takes ~0.2 s before the first lesson could be drawn. The
lesson to show is known sooner: :func:`preview_lesson` reads the ``id``, ``order`` and
``lang`` lines of each file's header (no YAML), orders them as the app orders lessons, and
parses that one file alone. The app shows it at once and loads the rest after the first frame;
when they are loaded it checks that the lesson and its place are what the full set gives
(else it opens the right one).

Anything unusual (a header these lines do not describe plainly, an id used twice, a lesson
asked for by number, a file with problems) gives None: the start then loads everything first,
as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rnntui.content.model import LANGUAGES, Lesson

_HEADER_END = re.compile(r"^---[ \t]*$", re.M)
_KEY_LINE = re.compile(r"^(id|order|lang):[ \t]*(.*?)[ \t]*$", re.M)
_PLAIN = re.compile(r"[A-Za-z0-9_.-]+")
_ORDER = re.compile(r"-?[0-9]+")


@dataclass(frozen=True)
class Header:
    """What a lesson file's header says of its place: file, id, order, language."""

    path: Path
    id: str
    order: int
    lang: str


@dataclass(frozen=True)
class Preview:
    """The lesson to show first, its number in the lesson list and the list's length."""

    lesson: Lesson
    number: int
    total: int


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def read_header(path: Path) -> Header | None:
    """The ``id``, ``order`` and ``lang`` lines of a lesson file's header, or None when they
    are missing, repeated or anything but plain values (YAML would be needed to read them)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not text.startswith("---\n"):
        return None
    end = _HEADER_END.search(text, 4)
    if end is None:
        return None
    found: dict[str, str] = {}
    for key, raw in _KEY_LINE.findall(text, 4, end.start()):
        if key in found:
            return None
        found[key] = _unquote(raw)
    lesson_id, order, lang = found.get("id", ""), found.get("order", ""), found.get("lang", "")
    if not (_PLAIN.fullmatch(lesson_id) and _ORDER.fullmatch(order) and lang in LANGUAGES):
        return None
    return Header(path, lesson_id, int(order), lang)


def pick(
    headers: Sequence[Header], lang: str, wanted: str | None
) -> tuple[Header, int, int] | None:
    """The header of the lesson a start opens, its number and the number of lessons, ordered
    as ``LessonSet.ids`` / ``RnnTuiApp.lesson_list`` order them (each id by its smallest
    (order, id), shown in ``lang`` if it exists in it, else in the first file that has it);
    None for an id used twice in one language or a ``wanted`` id that is not there."""
    best: dict[str, tuple[int, str]] = {}
    by_id: dict[str, list[Header]] = {}
    seen: set[tuple[str, str]] = set()
    for header in headers:
        if (header.lang, header.id) in seen:
            return None
        seen.add((header.lang, header.id))
        key = (header.order, header.id)
        best[header.id] = min(best.get(header.id, key), key)
        by_id.setdefault(header.id, []).append(header)
    ids = sorted(best, key=lambda lesson_id: best[lesson_id])
    if not ids or (wanted is not None and wanted not in ids):
        return None
    chosen = wanted if wanted is not None else ids[0]
    options = by_id[chosen]
    header = next((h for h in options if h.lang == lang), options[0])
    return header, ids.index(chosen) + 1, len(ids)


def preview_lesson(files: Sequence[Path], lang: str, wanted: str | None) -> Preview | None:
    """The lesson a start would open among ``files`` (the files the full load reads, in its
    order), parsed alone; None when it cannot be told without loading them all."""
    from rnntui.content.loader import parse_cached

    headers = [read_header(path) for path in files]
    if not headers or any(header is None for header in headers):
        return None
    found = pick([h for h in headers if h is not None], lang, wanted)
    if found is None:
        return None
    header, number, total = found
    parsed = parse_cached(header.path)
    lesson = parsed.lesson
    if lesson is None or parsed.problems:
        return None
    if (lesson.id, lesson.order, lesson.lang) != (header.id, header.order, header.lang):
        return None
    return Preview(lesson, number, total)
