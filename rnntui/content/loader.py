"""Find lesson files (packaged, extra folders, RNNTUI_LESSONS) and load them into a LessonSet."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rnntui.content.finder import Found, real_path, scan
from rnntui.content.model import LANGUAGES, Lesson, Problem

if TYPE_CHECKING:  # validate imports YAML: only a file that must be parsed pays for it
    from rnntui.content.validate import ParsedFile

ENV_VAR = "RNNTUI_LESSONS"

_CACHE: dict[str, tuple[tuple[int, int], ParsedFile]] = {}


@dataclass(frozen=True)
class CachedFile:
    """A parse result read back from the disk cache (the fields of ParsedFile)."""

    path: Path
    lesson: Lesson | None
    problems: tuple[Problem, ...]
    field_lines: dict[str, int] = field(default_factory=dict, compare=False)


_DISK_CACHE = False
"""Keep parse results in the user's cache (rnntui.content.cache)? Off unless a start path
(the app, the plain quiz) turns it on; ``rnntui check`` and ``lessons`` always parse."""


def enable_disk_cache(on: bool = True) -> None:
    """Let :func:`load_files` (and so :func:`load_lessons`) use the per-user parse cache."""
    global _DISK_CACHE
    _DISK_CACHE = on


def disk_cache_enabled() -> bool:
    """Is the per-user cache on (a start path turned it on; the lesson text's plans too)?"""
    return _DISK_CACHE


@dataclass
class LessonSet:
    """Every valid lesson found, plus the problems of the files that were skipped."""

    lessons: list[Lesson] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def for_lang(self, lang: str) -> list[Lesson]:
        """The lessons in ``lang``, sorted by order (then id)."""
        return sorted((x for x in self.lessons if x.lang == lang), key=lambda x: (x.order, x.id))

    def get(self, lesson_id: str, lang: str) -> Lesson | None:
        """The lesson ``lesson_id`` in ``lang``, else in another language, else None."""
        fallback: Lesson | None = None
        for lesson in self.lessons:
            if lesson.id == lesson_id:
                if lesson.lang == lang:
                    return lesson
                fallback = fallback or lesson
        return fallback

    @property
    def skipped_files(self) -> int:
        """How many files (not problems) were skipped: for "N lesson file(s) skipped"."""
        return len({problem.path for problem in self.problems})

    def ids(self) -> list[str]:
        """All lesson ids (any language), in lesson order."""
        best: dict[str, tuple[int, str]] = {}
        for lesson in self.lessons:
            key = (lesson.order, lesson.id)
            best[lesson.id] = min(best.get(lesson.id, key), key)
        return [lesson_id for lesson_id, _ in sorted(best.items(), key=lambda item: item[1])]


def packaged_lessons_dir() -> Path | None:
    """``rnntui/lessons`` inside an installed wheel, else the repo's ``lessons/`` folder."""
    try:
        from importlib.resources import files

        packaged = files("rnntui") / "lessons"
        if packaged.is_dir():
            return Path(str(packaged))
    except (ModuleNotFoundError, OSError, TypeError):  # pragma: no cover - odd installs
        pass
    source = Path(__file__).resolve().parents[2] / "lessons"
    return source if source.is_dir() else None


def env_lesson_dirs(env: Mapping[str, str] | None = None) -> list[Path]:
    """Folders listed in RNNTUI_LESSONS (separated by ``os.pathsep``)."""
    value = (os.environ if env is None else env).get(ENV_VAR, "")
    return [Path(part) for part in value.split(os.pathsep) if part.strip()]


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a symlink loop on Python < 3.12
        return False


def lesson_files(folder: Path) -> list[Path]:
    """Lesson files of a course folder: ``DIR/*.md``, ``DIR/en/*.md`` and ``DIR/ko/*.md``."""
    return find_course_files(folder).files


def find_course_files(folder: Path) -> Found:
    """:func:`lesson_files` and the problems met: unreadable folders, looping symlinks."""
    found = Found()
    for sub in (folder, *(folder / lang for lang in sorted(LANGUAGES))):
        if sub == folder or _is_dir(sub):
            scan(sub, recursive=False, found=found)
    return found


def parse_cached(path: Path) -> ParsedFile:
    """``parse_lesson_file`` with a per-process cache keyed on the file's mtime and size."""
    from rnntui.content.validate import parse_lesson_file

    key = str(path.absolute())
    try:
        stat = path.stat()
    except (OSError, ValueError):  # ValueError: a NUL byte in the name
        return parse_lesson_file(path)
    stamp = (stat.st_mtime_ns, stat.st_size)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    parsed = parse_lesson_file(path)
    _CACHE[key] = (stamp, parsed)
    return parsed


def clear_cache() -> None:
    """Forget every parsed file (tests use this)."""
    _CACHE.clear()


def collect(parsed: Iterable[ParsedFile | CachedFile]) -> LessonSet:
    """Build a LessonSet; a lesson id used twice in one language keeps only the first file."""
    result = LessonSet()
    owners: dict[tuple[str, str], Path] = {}
    for item in parsed:
        result.problems.extend(item.problems)
        lesson = item.lesson
        if lesson is None:
            continue
        key = (lesson.lang, lesson.id)
        if key in owners:
            result.problems.append(
                Problem(
                    item.path,
                    item.field_lines.get("id", 1),
                    f"lesson id {lesson.id!r} ({lesson.lang}) is already used by {owners[key]}; "
                    "give each lesson its own id",
                )
            )
            continue
        owners[key] = item.path
        result.lessons.append(lesson)
    return result


def load_files(paths: Iterable[Path]) -> tuple[LessonSet, list[ParsedFile | CachedFile]]:
    """Load exactly these files; also returns each file's parse result."""
    paths = list(paths)
    parsed: list[ParsedFile | CachedFile] = (
        _parse_with_disk_cache(paths) if _DISK_CACHE else [parse_cached(p) for p in paths]
    )
    return collect(parsed), parsed


def _parse_with_disk_cache(
    paths: list[Path], *, only_cached: bool = False
) -> list[ParsedFile | CachedFile]:
    """Each file's result from the disk cache when its bytes (and rnntui) are unchanged, else
    parsed and kept; ``only_cached``: stop at the first file not in the cache ([] then)."""
    from rnntui.content.cache import ParseCache, file_key

    store = ParseCache()
    out: list[ParsedFile | CachedFile] = []
    for path in paths:
        try:
            key = file_key(store.stamp, path, path.read_bytes())
        except (OSError, ValueError):  # unreadable: parse_lesson_file says why
            key = None
        hit = _decode_parsed(path, store.get(key)) if key is not None else None
        if hit is not None:
            out.append(hit)
            continue
        if only_cached:
            return []
        parsed = parse_cached(path)
        if key is not None:
            store.put(key, _encode_parsed(parsed))
        out.append(parsed)
    store.save()
    return out


def _encode_parsed(parsed: ParsedFile) -> dict[str, object]:
    return {
        "lesson": parsed.lesson,
        "problems": parsed.problems,
        "field_lines": dict(parsed.field_lines),
    }


def _decode_parsed(path: Path, value: object) -> CachedFile | None:
    if not isinstance(value, dict):
        return None
    lesson, problems, lines = value.get("lesson"), value.get("problems"), value.get("field_lines")
    if not (lesson is None or isinstance(lesson, Lesson)) or not isinstance(problems, tuple):
        return None
    if not all(isinstance(x, Problem) for x in problems) or not isinstance(lines, dict):
        return None
    if lesson is not None and lesson.path != path:
        return None
    return CachedFile(path, lesson, problems, {str(k): int(v) for k, v in lines.items()})


def lesson_files_for(
    extra_dirs: Iterable[Path | str] = (), *, include_packaged: bool = True
) -> tuple[list[Path], list[Problem]]:
    """The files :func:`load_lessons` reads, in order, and the folder problems met."""
    folders: list[Path] = []
    missing: list[Problem] = []
    if include_packaged:
        packaged = packaged_lessons_dir()
        if packaged is None:
            missing.append(
                Problem(Path("rnntui/lessons"), 0, "the packaged lessons are missing; reinstall")
            )
        else:
            folders.append(packaged)
    folders.extend(Path(folder) for folder in extra_dirs)
    folders.extend(env_lesson_dirs())
    files: list[Path] = []
    seen: set[Path] = set()
    for folder in folders:
        real = real_path(folder)
        if real in seen:
            continue
        seen.add(real)
        if not _is_dir(folder):
            missing.append(
                Problem(folder, 0, f"lesson folder not found; check --lessons or {ENV_VAR}")
            )
            continue
        found = find_course_files(folder)
        files.extend(found.files)
        missing.extend(found.problems)
    return files, missing


def load_cached_lessons(extra_dirs: Iterable[Path | str] = ()) -> LessonSet | None:
    """:func:`load_lessons` from the disk cache alone (milliseconds), or None if any file
    would have to be parsed (a first start, an edited lesson): then load in the background."""
    files, missing = lesson_files_for(extra_dirs)
    parsed = _parse_with_disk_cache(files, only_cached=True)
    if files and not parsed:
        return None
    lessons = collect(parsed)
    lessons.problems[:0] = missing
    return lessons


def load_lessons(
    extra_dirs: Iterable[Path | str] = (), *, include_packaged: bool = True
) -> LessonSet:
    """Load the packaged lessons, then ``extra_dirs``, then the folders in RNNTUI_LESSONS."""
    files, missing = lesson_files_for(extra_dirs, include_packaged=include_packaged)
    lessons, _ = load_files(files)
    lessons.problems[:0] = missing
    return lessons
