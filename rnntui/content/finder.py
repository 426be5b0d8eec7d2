"""Find lesson files in folders, reporting what cannot be read instead of skipping it silently:
an unreadable folder, a symbolic link that loops or points nowhere."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from rnntui.content.model import Problem


def is_lesson_file(path: Path) -> bool:
    """A ``*.md`` file other than README.md."""
    return path.suffix.lower() == ".md" and path.name.lower() != "readme.md"


def real_path(path: Path) -> Path:
    """``path`` with symlinks resolved; a loop or an unreadable link gives ``path`` itself."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: "Symlink loop" (Python < 3.13)
        return path.absolute()


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


@dataclass
class Found:
    """Lesson files in folder order, and the problems met on the way."""

    files: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def file_problem(path: Path) -> Problem | None:
    """Why the lesson-file entry ``path`` is not a readable regular file, or None if it is."""
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            why = "is a symbolic link that loops back on itself; remove it"
        elif os.path.islink(path):
            why = "is a symbolic link to a file that does not exist; remove or fix it"
        else:
            why = f"cannot be read ({_reason(exc)})"
        return Problem(path, 0, f"this lesson file {why}")
    if not stat.S_ISREG(st.st_mode):
        return Problem(path, 0, "this lesson name is not a regular file; rename or remove it")
    return None


def scan(folder: Path, *, recursive: bool, found: Found | None = None) -> Found:
    """The lesson files directly in ``folder`` (and below it if ``recursive``), sorted by name.

    Symbolic links to folders are followed once; one that leads back to a folder already
    being searched is reported, not followed.
    """
    found = found or Found()
    _scan(folder, recursive, found, set())
    return found


def _scan(folder: Path, recursive: bool, found: Found, active: set[Path]) -> None:
    real = real_path(folder)
    active = active | {real}
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        found.problems.append(
            Problem(folder, 0, f"cannot read this folder ({_reason(exc)}); check its permissions")
        )
        return
    subfolders: list[Path] = []
    for entry in entries:
        path = Path(entry.path)
        if is_lesson_file(path):
            if _is_dir(entry):
                continue
            problem = file_problem(path)
            if problem is None:
                found.files.append(path)
            else:
                found.problems.append(problem)
        elif recursive and _is_dir(entry):
            subfolders.append(path)
    for sub in subfolders:
        if real_path(sub) in active:
            found.problems.append(
                Problem(sub, 0, "this symbolic link leads back to a folder above it; skipped")
            )
            continue
        _scan(sub, recursive, found, active)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False
