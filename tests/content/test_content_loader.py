"""The loader: folder layouts, RNNTUI_LESSONS, LessonSet look-ups, the cache, purity."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rnntui.content.loader import (
    LessonSet,
    env_lesson_dirs,
    lesson_files,
    load_lessons,
    packaged_lessons_dir,
)
from rnntui.content.model import Choice

from .lesson_fixtures import VALID, lesson_text, line_of


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_lesson_fields(course: Path) -> None:
    lessons = load_lessons([course], include_packaged=False)
    assert lessons.problems == []
    lesson = lessons.get("good-one", "en")
    assert lesson is not None
    assert (lesson.id, lesson.order, lesson.lang, lesson.panel) == ("good-one", 1, "en", "lstm")
    assert lesson.title == "A broken lesson"
    assert lesson.topics == ("lstm",)
    assert lesson.preset == {"units": 2, "sequence": [1.0, 0.5, -1.0]}
    assert lesson.glossary[0].ko == "망각 게이트" and lesson.glossary[0].en == "forget gate"
    assert lesson.body.startswith("# A lesson") and lesson.body.endswith("Some text here.")
    assert lesson.path == course / "en" / "01-good-one.md"
    choice, truefalse, numeric = lesson.quiz
    assert choice.answer == 1  # `answer: 2` is 1-based in the file, 0-based in memory
    assert choice.choices == (
        Choice("first", "not this one"),
        Choice("second", None),
        Choice("third", "not this one either"),
    )
    assert choice.line == line_of(VALID, "- id: q-choice")
    assert truefalse.answer is True and truefalse.explanation == "Yes."
    assert numeric.answer == 42 and numeric.tolerance == 0.0


def test_layouts_and_readme(tmp_path: Path) -> None:
    root = tmp_path / "course"
    _write(root / "en" / "01-a.md", lesson_text("a", 1, "en"))
    _write(root / "ko" / "01-a.md", lesson_text("a", 1, "ko"))
    _write(root / "02-b.md", lesson_text("b", 2, "ko"))  # plain DIR/*.md: lang from the header
    _write(root / "README.md", "# About this course\n")
    _write(root / "en" / "README.md", "# About\n")
    _write(root / "deeper" / "03-c.md", lesson_text("c", 3, "en"))  # not part of the layout
    assert [p.relative_to(root).as_posix() for p in lesson_files(root)] == [
        "02-b.md",
        "en/01-a.md",
        "ko/01-a.md",
    ]
    lessons = load_lessons([root], include_packaged=False)
    assert lessons.problems == []
    assert [(x.id, x.lang) for x in lessons.for_lang("ko")] == [("a", "ko"), ("b", "ko")]
    assert [x.id for x in lessons.for_lang("en")] == ["a"]


def test_lesson_set_lookups() -> None:
    from rnntui.content.model import Lesson

    def make(lesson_id: str, order: int, lang: str) -> Lesson:
        return Lesson(lesson_id, order, lang, "t", "lstm", ("lstm",), "body")

    lessons = LessonSet([make("z", 1, "en"), make("b", 3, "en"), make("a", 2, "en")])
    lessons.lessons.append(make("k", 0, "ko"))
    assert [x.id for x in lessons.for_lang("en")] == ["z", "a", "b"]
    assert lessons.ids() == ["k", "z", "a", "b"]
    fallback = lessons.get("k", "en")
    assert fallback is not None and fallback.lang == "ko"
    assert lessons.get("missing", "en") is None


def test_env_var_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    _write(one / "en" / "01-x.md", lesson_text("x", 1))
    _write(two / "en" / "02-y.md", lesson_text("y", 2))
    monkeypatch.setenv("RNNTUI_LESSONS", f"{one}{os.pathsep}{two}{os.pathsep}")
    assert env_lesson_dirs() == [one, two]
    assert env_lesson_dirs({"RNNTUI_LESSONS": ""}) == []
    lessons = load_lessons(include_packaged=False)
    assert lessons.ids() == ["x", "y"] and lessons.problems == []


def test_missing_folder_is_a_problem(course: Path, tmp_path: Path) -> None:
    lessons = load_lessons([course, tmp_path / "absent"], include_packaged=False)
    assert [str(p) for p in lessons.problems] == [
        f"{tmp_path / 'absent'}:0: lesson folder not found; check --lessons or RNNTUI_LESSONS"
    ]
    assert lessons.ids() == ["good-one", "good-two"]


def test_same_folder_twice_is_loaded_once(course: Path) -> None:
    lessons = load_lessons([course, course / "." / "en" / ".."], include_packaged=False)
    assert lessons.problems == []
    assert len(lessons.lessons) == 2


def test_cache_and_invalidation(course: Path) -> None:
    first = load_lessons([course], include_packaged=False).get("good-one", "en")
    again = load_lessons([course], include_packaged=False).get("good-one", "en")
    assert first is again  # parsed once per process
    path = course / "en" / "01-good-one.md"
    path.write_text(lesson_text("good-one", 1).replace("A broken lesson", "Changed"), "utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    changed = load_lessons([course], include_packaged=False).get("good-one", "en")
    assert changed is not None and changed.title == "Changed"


def test_packaged_lessons_dir_is_found() -> None:
    folder = packaged_lessons_dir()
    assert folder is not None and folder.is_dir()
    assert (folder / "en").is_dir() and (folder / "ko").is_dir()


def test_packaged_and_extra_together(course: Path) -> None:
    lessons = load_lessons([course])
    assert {"good-one", "good-two"} <= set(lessons.ids())
    assert len(lessons.ids()) > 2


def test_warm_load_is_fast() -> None:
    load_lessons()
    start = time.perf_counter()
    load_lessons()
    assert time.perf_counter() - start < 0.05


def test_content_never_imports_textual_or_rich() -> None:
    modules = [
        "rnntui.content.loader",
        "rnntui.content.language",
        "rnntui.content.commands",
        "rnntui.content.directives",
        "rnntui.content.ko_en_agreement",
    ]
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "import rnntui.content.loader as l; l.load_lessons()\n"
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        + "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
