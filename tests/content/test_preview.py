"""The lesson a first start shows before the others are parsed (rnntui.content.preview): for
every packaged lesson, in both languages, it is the lesson, number and count the fully loaded
set gives; anything its header lines cannot tell plainly loads everything first."""

from __future__ import annotations

from pathlib import Path

import pytest

from rnntui.content.loader import LessonSet, clear_cache, lesson_files_for, load_lessons
from rnntui.content.preview import Header, pick, preview_lesson, read_header
from rnntui.ui.app import RnnTuiApp
from tests.content.lesson_fixtures import lesson_text


def opened(lessons: LessonSet, lang: str, wanted: str | None) -> tuple[str, str, int, int]:
    """What the app opens with the whole set loaded: (id, lang, number, count)."""
    app = RnnTuiApp(lessons, lang=lang, lesson_id=wanted, save=False)
    listed = app.lesson_list()
    first = app.first_lesson()
    assert first is not None
    return first.id, first.lang, [x.id for x in listed].index(first.id) + 1, len(listed)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_packaged_lesson_is_previewed_as_the_full_set_opens_it(lang: str) -> None:
    clear_cache()
    files, _ = lesson_files_for()
    lessons = load_lessons()
    for wanted in [None, *lessons.ids()]:
        preview = preview_lesson(files, lang, wanted)
        assert preview is not None, wanted
        shown = (preview.lesson.id, preview.lesson.lang, preview.number, preview.total)
        assert shown == opened(lessons, lang, wanted), wanted
        assert preview.lesson == lessons.get(preview.lesson.id, preview.lesson.lang)


def test_a_lesson_number_or_an_unknown_id_loads_everything_first() -> None:
    files, _ = lesson_files_for()
    assert preview_lesson(files, "en", "4") is None
    assert preview_lesson(files, "en", "no-such-lesson") is None
    assert preview_lesson([], "en", None) is None


def write(folder: Path, name: str, header: str, body: str = "Text.\n") -> Path:
    path = folder / name
    path.write_text(f"---\n{header}---\n{body}", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "header",
    [
        "order: 2\nlang: en\n",  # no id
        "id: a\norder: two\nlang: en\n",
        "id: a\norder: 2\nlang: fr\n",
        "id: a # the first\norder: 2\nlang: en\n",  # YAML would be needed
        "id: a\nid: b\norder: 2\nlang: en\n",
        "id: [a]\norder: 2\nlang: en\n",
    ],
)
def test_headers_that_need_yaml_are_not_guessed(tmp_path: Path, header: str) -> None:
    assert read_header(write(tmp_path, "x.md", header)) is None


def test_quoted_values_and_nested_keys(tmp_path: Path) -> None:
    header = "id: \"a\"\norder: '-3'\nlang: en\npreset:\n  id: other\n  order: 9\n"
    assert read_header(write(tmp_path, "x.md", header)) == Header(tmp_path / "x.md", "a", -3, "en")
    assert read_header(write(tmp_path, "y.md", header, body="")) is not None
    (tmp_path / "z.md").write_text("no header\n", encoding="utf-8")
    assert read_header(tmp_path / "z.md") is None


def test_the_order_is_the_lesson_sets() -> None:
    def h(lesson_id: str, order: int, lang: str) -> Header:
        return Header(Path(f"{lang}-{lesson_id}.md"), lesson_id, order, lang)

    headers = [h("b", 1, "en"), h("a", 1, "ko"), h("c", 0, "ko"), h("a", 5, "en")]
    # ids by their smallest (order, id): c (0), a (1, from ko), b (1)
    assert pick(headers, "en", None) == (h("c", 0, "ko"), 1, 3)  # only in Korean
    assert pick(headers, "en", "a") == (h("a", 5, "en"), 2, 3)
    assert pick(headers, "ko", "b") == (h("b", 1, "en"), 3, 3)
    assert pick([*headers, h("b", 7, "en")], "en", None) is None  # an id twice in English


def test_a_file_with_problems_is_not_previewed(tmp_path: Path) -> None:
    good = tmp_path / "01-a.md"
    good.write_text(lesson_text("a", 2), encoding="utf-8")
    preview = preview_lesson([good], "en", None)
    assert preview is not None and preview.lesson.id == "a" and preview.total == 1
    bad = tmp_path / "02-b.md"
    bad.write_text(lesson_text("b", 1).replace("panel: lstm", "panel: nope"), encoding="utf-8")
    assert preview_lesson([bad, good], "en", None) is None
    assert preview_lesson([bad, good], "en", "a") is not None  # its own file is fine
    clear_cache()
