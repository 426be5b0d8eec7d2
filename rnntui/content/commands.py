"""``rnntui lessons`` and ``rnntui check``: list lessons, validate lesson files."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from rnntui.content.finder import file_problem, real_path, scan
from rnntui.content.ko_en_agreement import pair_problems
from rnntui.content.language import resolve_language
from rnntui.content.loader import collect, load_lessons, parse_cached
from rnntui.content.model import LANGUAGES, Lesson, Problem
from rnntui.printable import printable


def saved_language() -> str | None:
    """The language saved in the user's settings, if any."""
    from rnntui.settings import load_settings

    try:
        lang = load_settings().lang
    except Exception:  # unreadable settings must not stop `rnntui lessons`
        return None
    return lang if isinstance(lang, str) else None


def _warn(problems: Iterable[Problem]) -> None:
    for problem in problems:
        print(printable(f"warning: {problem}", one_line=True), file=sys.stderr)


def lesson_record(lesson: Lesson) -> dict[str, object]:
    """The JSON object for one lesson in ``rnntui lessons --json``."""
    return {
        "id": lesson.id,
        "order": lesson.order,
        "lang": lesson.lang,
        "title": lesson.title,
        "panel": lesson.panel,
        "topics": list(lesson.topics),
    }


def list_lessons(lang: str | None, as_json: bool, lessons_dirs: Sequence[Path]) -> int:
    """Print the lessons as a table (one language) or JSON (both languages unless --lang)."""
    try:
        if lang is not None:
            languages = [resolve_language(lang, None)]
        elif as_json:
            languages = list(LANGUAGES)
        else:
            languages = [resolve_language(None, saved_language())]
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    lessons = load_lessons(lessons_dirs)
    _warn(lessons.problems)
    chosen = [lesson for code in languages for lesson in lessons.for_lang(code)]
    if as_json:
        records = [lesson_record(x) for x in chosen]
        print(printable(json.dumps(records, ensure_ascii=False, indent=2)))
    else:
        _print_table(chosen, languages[0])
    return 0


def _print_table(lessons: list[Lesson], lang: str) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    # ASCII borders and no "..." ellipsis: box-drawing characters are East-Asian-ambiguous and
    # break the table in Korean terminals set to "ambiguous = wide".
    table = Table(title=Text(f"rnntui lessons ({lang})"), box=box.ASCII)
    for column in ("id", "order", "title", "panel", "topics"):
        table.add_column(column, justify="right" if column == "order" else "left", overflow="fold")
    for lesson in lessons:
        cells = (lesson.id, str(lesson.order), lesson.title, lesson.panel, ", ".join(lesson.topics))
        table.add_row(*(Text(printable(cell, one_line=True)) for cell in cells))
    Console().print(table)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return False


def gather_files(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """Lesson files under ``paths`` (folders recursively, README.md skipped), deduplicated."""
    files: list[Path] = []
    problems: list[Problem] = []
    seen: set[Path] = set()
    for path in paths:
        if _is_dir(path):
            scanned = scan(path, recursive=True)
            found = scanned.files
            problems.extend(scanned.problems)
            if not found and not scanned.problems:
                problems.append(Problem(path, 0, "no lesson files (*.md) in this folder"))
        elif _is_file(path):
            found = [path]
        elif os.path.lexists(path):
            problems.append(
                file_problem(path) or Problem(path, 0, "not a regular file; check the path")
            )
            continue
        else:
            problems.append(Problem(path, 0, "no such file or folder; check the path"))
            continue
        for file in found:
            real = real_path(file)
            if real not in seen:
                seen.add(real)
                files.append(file)
    return files, problems


def check_paths(paths: Sequence[Path]) -> int:
    """Validate lesson files: print ``N lessons OK`` (``22 files, 11 lessons OK`` for en and ko
    files) and return 0, or one line per problem and 1."""
    files, problems = gather_files(paths)
    parsed = [parse_cached(path) for path in files]
    lessons = collect(parsed)
    problems.extend(lessons.problems)
    problems.extend(pair_problems(lessons.lessons, {p.path: p.field_lines for p in parsed}))
    if problems:
        for problem in problems:
            print(printable(str(problem), one_line=True))
        bad = len({problem.path for problem in problems})
        print(f"{len(problems)} problem(s) in {bad} file(s)", file=sys.stderr)
        return 1
    ids = len({lesson.id for lesson in lessons.lessons})
    if len(files) == ids:
        print(f"{ids} lesson{'' if ids == 1 else 's'} OK")
    else:  # en and ko files of the same lesson: "22 files, 11 lessons OK"
        print(f"{len(files)} files, {ids} lesson{'' if ids == 1 else 's'} OK")
    return 0
