"""Hostile lesson files (issue 18, items 2, 3, 7, 12, 13, 21): each costs only itself, is
reported at a line, and never makes ``check`` say OK for something the app then drops."""

from __future__ import annotations

import os
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from rnntui.content import validate
from rnntui.content.commands import check_paths, list_lessons
from rnntui.content.loader import LessonSet, load_lessons
from rnntui.content.safe_text import SHOWN_LIMIT

from .lesson_fixtures import VALID, line_of

AddFile = Callable[..., Path]

LAUGHS = "".join(
    f"a{n}: &a{n} [{', '.join([f'*a{n - 1}' if n else 'x'] * 10)}]\n" for n in range(9)
)
"""Nine anchors, each a list of ten of the previous: 10**9 leaves if expanded."""


def _load(course: Path) -> LessonSet:
    return load_lessons([course], include_packaged=False)


def _mine(lessons: LessonSet, path: Path) -> list[str]:
    return [f"{p.line}: {p.message}" for p in lessons.problems if p.path == path]


def _assert_only_this_file(lessons: LessonSet, path: Path) -> list[str]:
    assert {"good-one", "good-two"} <= set(lessons.ids()), lessons.problems
    assert "broken" not in lessons.ids()
    mine = _mine(lessons, path)
    assert mine, "no problem reported for the broken file"
    return mine


# --- item 2: billion laughs --------------------------------------------------------------------

LAUGH_TARGETS = [
    ("panel: lstm", "panel: *a8"),
    ("lang: en", "lang: *a8"),
    ("id: broken", "id: *a8"),
    ("order: 9", "order: *a8"),
    ("tolerance: 0", "tolerance: *a8"),
    ("topics: [lstm]", "topics: [*a8]"),
    ("topics: [lstm]", "topics: *a8"),
    ("    answer: true", "    answer: *a8"),
    ("    type: truefalse", "    type: *a8"),
    ("  units: 2", "  units: *a8"),
    ("  units: 2", "  unitz: *a8"),
]


@pytest.mark.parametrize(("old", "new"), LAUGH_TARGETS, ids=[n for _, n in LAUGH_TARGETS])
def test_billion_laughs_costs_little(add_file: AddFile, course: Path, old: str, new: str) -> None:
    text = VALID.replace("---\n", "---\n" + LAUGHS, 1).replace(old, new, 1)
    path = add_file(text)
    tracemalloc.start()
    try:
        lessons = _load(course)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    mine = _assert_only_this_file(lessons, path)
    assert peak < 30 * 1024 * 1024, f"{peak / 1e6:.0f} MB for a 1 KB lesson"
    assert all(len(m) < SHOWN_LIMIT * 4 for m in mine), mine


# --- item 3: one bad file costs only itself ----------------------------------------------------

DIGITS = "9" * 5000


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("order: 9", f"order: {DIGITS}"),
        ("    answer: 42", f"    answer: {DIGITS}"),
        ("  units: 2", f"  units: {DIGITS}"),
        ("lang: en", f"lang: {DIGITS}"),
    ],
    ids=["order", "answer", "preset", "lang"],
)
def test_five_thousand_digits(add_file: AddFile, course: Path, old: str, new: str) -> None:
    text = VALID.replace(old, new, 1)
    path = add_file(text)
    mine = _assert_only_this_file(_load(course), path)
    line = line_of(text, new.strip()[:15])
    assert any(m.startswith(f"{line}: ") and "5000 digits" in m for m in mine), mine


def test_five_thousand_digits_in_check(
    add_file: AddFile, capsys: pytest.CaptureFixture[str]
) -> None:
    path = add_file(VALID.replace("order: 9", f"order: {DIGITS}"))
    assert check_paths([path]) == 1
    out = capsys.readouterr().out
    assert "Traceback" not in out and f"{path}:3: this number has 5000 digits" in out


@pytest.mark.parametrize("error", [RecursionError, MemoryError, ValueError, KeyError])
def test_any_failure_is_a_problem_of_that_file(
    add_file: AddFile, course: Path, monkeypatch: pytest.MonkeyPatch, error: type[Exception]
) -> None:
    path = add_file(VALID)
    real = validate.split_front_matter

    def explode(text: str, where: Path):  # type: ignore[no-untyped-def]
        if where == path:
            raise error("boom")
        return real(text, where)

    monkeypatch.setattr(validate, "split_front_matter", explode)
    mine = _assert_only_this_file(_load(course), path)
    assert any("could not be read" in m for m in mine), mine


def test_deeply_nested_yaml(add_file: AddFile, course: Path) -> None:
    nested = "preset:\n" + "".join("  " * k + f"  k{k}:\n" for k in range(1, 900)) + "x\n"
    path = add_file(VALID.replace("preset:\n", nested, 1))
    _assert_only_this_file(_load(course), path)
    flow = add_file(
        VALID.replace("topics: [lstm]", "topics: " + "[" * 5000 + "]" * 5000), "10-flow.md"
    )
    assert _mine(_load(course), flow)


# --- item 7: terminal escapes ------------------------------------------------------------------

ESCAPES = [
    ("title", 'title: "X\\e]0;PWNED\\a\\e[2J\\e[31mRED"', "U+001B"),
    ("body-osc-title", "Some text \x1b]0;BODYPWN\x07 here.", "U+001B"),
    ("body-osc52", "Some \x1b]52;c;cm0gLXJmIH4=\x07 text.", "U+001B"),
    ("body-osc8", "A \x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\ here.", "U+001B"),
    ("body-nul", "Some text\x00 here.", "U+0000"),
    ("body-c1", "Some text \x9b2J here.", "U+009B"),
    ("title-rlo", 'title: "A \u202ebroken lesson"', "U+202E"),
    ("quiz-isolate", 'question: "True? \u2066x\u2069"', "U+2066"),
]


@pytest.mark.parametrize(("name", "new", "code"), ESCAPES, ids=[e[0] for e in ESCAPES])
def test_control_characters_are_refused(
    add_file: AddFile, capsys: pytest.CaptureFixture[str], name: str, new: str, code: str
) -> None:
    old = {
        "title": 'title: "A broken lesson"',
        "title-rlo": 'title: "A broken lesson"',
        "quiz-isolate": 'question: "True?"',
    }.get(name, "Some text here.")
    text = VALID.replace(old, new, 1)
    path = add_file(text)
    assert check_paths([path]) == 1
    out = capsys.readouterr().out
    assert f"{path}:{line_of(text, new)}:" in out and code in out, out
    assert not any(c in out for c in "\x1b\x07\x00\x9b\u202e\u2066"), "check echoed a control"


def test_lessons_command_prints_no_controls(
    course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (course / "en" / "03-\x1b]0;NAME\x07.md").write_text("oops", encoding="utf-8")
    (course / "en" / "04-markup.md").write_text(
        VALID.replace('title: "A broken lesson"', 'title: "[/] [bold]x"').replace(
            "id: broken", "id: markup"
        ),
        encoding="utf-8",
    )
    assert list_lessons("en", False, [course]) == 0
    assert list_lessons("en", True, [course]) == 0
    captured = capsys.readouterr()
    assert "[/] [bold]x" in captured.out
    assert "\x1b" not in captured.out + captured.err and "\x07" not in captured.err
    assert "]0;NAME" in captured.err  # reported, made inert


# --- item 12: check says OK, then the lesson is dropped or the quiz crashes -------------------

NULLS = ["id", "order", "lang", "title", "panel", "topics", "quiz"]


@pytest.mark.parametrize("field", NULLS)
def test_null_required_field(add_file: AddFile, course: Path, field: str) -> None:
    lines = VALID.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(f"{field}:"))
    lines[index] = f"{field}: ~"
    if field == "quiz":  # drop the items below it too
        lines = [*lines[: index + 1], *lines[lines.index("---", 1) :]]
    path = add_file("\n".join(lines))
    mine = _assert_only_this_file(_load(course), path)
    assert any(m.startswith(f"{index + 1}: ") and "empty" in m for m in mine), mine


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("    answer: 42", "    answer: .nan"),
        ("    answer: 42", "    answer: .inf"),
        ("    answer: 42", "    answer: -.inf"),
        ("    answer: 42", "    answer: 1e300"),
        ("    tolerance: 0", "    tolerance: .inf"),
        ("    tolerance: 0", "    tolerance: .nan"),
        ("    answer: 42", '    answer: "{{= 1e308 * 10}}"'),
    ],
    ids=["nan", "inf", "-inf", "huge", "tol-inf", "tol-nan", "directive-inf"],
)
def test_non_finite_numbers(add_file: AddFile, course: Path, old: str, new: str) -> None:
    path = add_file(VALID.replace(old, new, 1))
    mine = _assert_only_this_file(_load(course), path)
    assert any(m.startswith(f"{line_of(VALID.replace(old, new), new)}: ") for m in mine), mine


PRESETS = [
    ("  units: 2", "  units: 1000000000", "`units` must be a whole number"),
    (
        "  sequence: [1.0, 0.5, -1.0]",
        "  sequence: [" + ", ".join(["1.0"] * 13) + "]",
        "list of 1..12 steps",
    ),
    ("  sequence: [1.0, 0.5, -1.0]", "  sequence: [1.0, .nan, -1.0]", "finite numbers"),
    ("  sequence: [1.0, 0.5, -1.0]", "  sequence: [1.0, .inf, -1.0]", "finite numbers"),
]
"""Presets the panel once replaced with its defaults without a word (issue 18 item 12); the
labs' single SPEC (issue 11) now refuses them, so ``check`` and the loader say where."""


def _refused_at(path: Path, course: Path, marker: str, words: str) -> None:
    """``check`` fails, and the loader drops the lesson with a problem at the preset's line."""
    assert check_paths([path]) == 1
    mine = _assert_only_this_file(_load(course), path)
    line = line_of(path.read_text(encoding="utf-8"), marker)
    assert any(m.startswith(f"{line}: ") and words in m for m in mine), mine


def test_the_untouched_presets_pass(add_file: AddFile, course: Path) -> None:
    """The control: the template's own presets (and an activation one) are accepted."""
    assert check_paths([add_file(VALID)]) == 0
    text = VALID.replace("panel: lstm", "panel: activation", 1)
    text = text.replace("  units: 2\n  sequence: [1.0, 0.5, -1.0]", "  x: 1.0", 1)
    assert check_paths([add_file(text, "10-activation.md")]) == 0


@pytest.mark.parametrize(
    ("old", "new", "words"), PRESETS, ids=["units-1e9", "seq-13", "seq-nan", "seq-inf"]
)
def test_presets_the_panel_would_replace(
    add_file: AddFile, course: Path, old: str, new: str, words: str
) -> None:
    path = add_file(VALID.replace(old, new, 1))
    _refused_at(path, course, new.split(":")[0].strip() + ":", words)


@pytest.mark.parametrize(
    ("panel", "preset", "words"),
    [
        ("activation", "  x: .nan", "`x` must be a number"),
        ("embedding", "  vocab: 100000000", "`vocab` must be a vocabulary size"),
        ("symbols", "  symbol: no-such-symbol", "`symbol` must be one of"),
    ],
    ids=["x-nan", "huge-vocab", "unknown-symbol"],
)
def test_presets_of_other_panels(
    add_file: AddFile, course: Path, panel: str, preset: str, words: str
) -> None:
    text = VALID.replace("panel: lstm", f"panel: {panel}", 1)
    text = text.replace("  units: 2\n  sequence: [1.0, 0.5, -1.0]", preset, 1)
    _refused_at(add_file(text), course, preset.split(":")[0].strip() + ":", words)


def test_unreadable_subfolder_is_reported(course: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (course / "ko").mkdir()
    real = os.scandir

    def scandir(path: object):  # type: ignore[no-untyped-def]
        if Path(str(path)) == course / "ko":
            raise PermissionError(13, "Permission denied")
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    lessons = _load(course)
    assert {"good-one", "good-two"} <= set(lessons.ids())
    assert any("cannot read this folder" in m for m in _mine(lessons, course / "ko"))


def test_self_looping_symlink_is_reported(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loop = course / "en" / "05-loop.md"
    loop.symlink_to(loop.name)
    dangling = course / "en" / "06-gone.md"
    dangling.symlink_to("no-such-file.md")
    (course / "en" / "back").symlink_to("..")
    lessons = _load(course)
    assert {"good-one", "good-two"} <= set(lessons.ids())
    assert any("loops" in m for m in _mine(lessons, loop))
    assert any("does not exist" in m for m in _mine(lessons, dangling))
    assert check_paths([course]) == 1
    out = capsys.readouterr().out
    assert "loops back on itself" in out and "leads back to a folder above it" in out


def test_fifo_named_like_a_lesson_is_refused(course: Path) -> None:
    fifo = course / "en" / "07-fifo.md"
    os.mkfifo(fifo)
    lessons = _load(course)  # must not block on the FIFO
    assert any("not a regular file" in m for m in _mine(lessons, fifo))


# --- item 13: heavy bodies ---------------------------------------------------------------------

HEAVY = [
    ("table", "| a | b |\n|---|---|\n" + "| 1 | 2 |\n" * 8000, "8002 rows"),
    ("code", "```\n" + "x = 1\n" * 30000 + "```\n", "30000 lines"),
    ("long-line", "x" * 5000, "5000 characters"),
]


@pytest.mark.parametrize(("name", "body", "words"), HEAVY, ids=[h[0] for h in HEAVY])
def test_heavy_bodies_are_refused_quickly(
    add_file: AddFile, course: Path, name: str, body: str, words: str
) -> None:
    path = add_file(VALID.replace("Some text here.", body, 1))
    start = time.process_time()
    mine = _assert_only_this_file(_load(course), path)
    assert time.process_time() - start < 5
    assert any(words in m and "limit" in m for m in mine), mine


# --- item 21: messages -------------------------------------------------------------------------


def test_unclosed_quote_names_its_line(add_file: AddFile, course: Path) -> None:
    text = VALID.replace('title: "A broken lesson"', 'title: "A broken lesson', 1)
    path = add_file(text)
    mine = _assert_only_this_file(_load(course), path)
    assert mine[0].startswith(f"{line_of(text, 'title:')}: ") and "quote" in mine[0], mine


def test_skipped_counts_files_not_problems(add_file: AddFile, course: Path) -> None:
    add_file(VALID.replace("panel: lstm", "panel: lstn").replace("lang: en", "lang: xx"))
    add_file(VALID.replace("order: 9", "order: x"), "10-second.md")
    lessons = _load(course)
    assert len(lessons.problems) >= 3 and lessons.skipped_files == 2


def test_folder_symlink_loops_never_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = tmp_path / "self"
    loop.symlink_to(loop.name)
    (tmp_path / "course").mkdir()
    (tmp_path / "course" / "x").symlink_to("x")
    lessons = load_lessons([loop, tmp_path / "course"], include_packaged=False)
    assert any("lesson folder not found" in p.message for p in lessons.problems)
    assert check_paths([loop]) == 1 and check_paths([tmp_path / "course"]) == 1
    assert "Traceback" not in capsys.readouterr().out
