"""Read a lesson file safely: size limit, strict UTF-8, NFC, no empty files."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from rnntui.content.model import Problem
from rnntui.content.schema import MAX_FILE_BYTES


def read_lesson_text(path: Path) -> tuple[str | None, list[Problem]]:
    """Return the file's text (NFC, ``\\n`` line ends, no BOM), or None and the problems."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [_too_big(path, size)]
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or exc
        return None, [Problem(path, 0, f"cannot read the file ({reason}); check its permissions")]
    if len(raw) > MAX_FILE_BYTES:  # grew after stat
        return None, [_too_big(path, len(raw))]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = raw[exc.start]
        return None, [
            Problem(
                path,
                line,
                f"not valid UTF-8 (byte 0x{byte:02x} at column {column}); "
                "save the file with UTF-8 encoding",
            )
        ]
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None, [
            Problem(
                path,
                1,
                "the file is empty; a lesson starts with a `---` front-matter header "
                "(see lessons/README.md)",
            )
        ]
    return unicodedata.normalize("NFC", text), []


def _too_big(path: Path, size: int) -> Problem:
    mib, limit = size / (1024 * 1024), MAX_FILE_BYTES // (1024 * 1024)
    return Problem(
        path,
        1,
        f"the file is {mib:.1f} MB, over the {limit} MB limit for a lesson; "
        "split it into smaller lessons",
    )
