"""Malformed lessons: each problem names the right line and what to do; valid lessons still load."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from rnntui.content.commands import check_paths
from rnntui.content.loader import LessonSet, load_lessons

from .lesson_fixtures import VALID, lesson_text, line_of


@dataclass(frozen=True)
class Case:
    """One edit of the valid template and the problem it must cause."""

    name: str
    edits: tuple[tuple[str, str], ...]
    marker: str  # the problem's line is the line containing this text ...
    must: tuple[str, ...]  # ... and the message contains all of these
    nth: int = 1  # ... (its nth occurrence)

    def text(self) -> str:
        text = VALID
        for old, new in self.edits:
            assert old in text, f"{self.name}: {old!r} not in the template"
            text = text.replace(old, new, 1)
        return text


CASES = [
    Case(
        "malformed-yaml",
        (('title: "A broken lesson"', "title: A broken: lesson"),),
        "title: A broken",
        ("malformed YAML", "double quotes"),
    ),
    Case(
        "missing-required-field",
        (("panel: lstm\n", ""),),
        "---",
        ("required field `panel` is missing", "add `panel: ...`"),
    ),
    Case(
        "unknown-field-typo",
        (("title:", "titel:"),),
        "titel:",
        ("unknown key 'titel'", "did you mean 'title'?"),
    ),
    Case(
        "wrong-type",
        (("order: 9", "order: nine"),),
        "order: nine",
        ("order must be a whole number", "order: 3"),
    ),
    Case(
        "bad-id",
        (("id: broken", "id: Broken_Lesson"),),
        "id: Broken_Lesson",
        ("a-z, 0-9 and '-'", "id: broken-lesson"),
    ),
    Case(
        "unknown-panel",
        (("panel: lstm", "panel: lstn"),),
        "panel: lstn",
        ("panel 'lstn' is unknown", "did you mean 'lstm'?"),
    ),
    Case(
        "unknown-preset-key",
        (("  units: 2", "  unitz: 2"),),
        "unitz: 2",
        ("unknown key 'unitz'", "did you mean 'units'?", "panel 'lstm'"),
    ),
    Case(
        "preset-wrong-type",
        (("  units: 2", "  units: two"),),
        "units: two",
        ("preset `units` must be a whole number",),
    ),
    Case(
        "unknown-topic",
        (("topics: [lstm]", "topics:\n  - lstm\n  - lsmt"),),
        "- lsmt",
        ("topic 'lsmt' is unknown", "did you mean 'lstm'?"),
    ),
    Case(
        "duplicate-quiz-ids",
        (("  - id: q-tf", "  - id: q-choice"),),
        "id: q-choice",
        ("quiz id 'q-choice' is already used on line 14", "its own id"),
        nth=2,
    ),
    Case(
        "choice-answer-out-of-range",
        (("    answer: 2", "    answer: 4"),),
        "answer: 4",
        ("quiz item 'q-choice'", "out of range", "from 1 to 3"),
    ),
    Case(
        "wrong-choice-without-why",
        (('        why: "not this one either"\n', ""),),
        '- text: "third"',
        ("wrong choice 3 has no `why`", "add `why:"),
    ),
    Case(
        "too-few-choices",
        (
            (
                '      - text: "second"\n      - text: "third"\n'
                '        why: "not this one either"\n',
                "",
            ),
            ("    answer: 2", "    answer: 1"),
        ),
        "choices:",
        ("2 to 6 entries", "(it has 1)"),
    ),
    Case(
        "truefalse-not-bool",
        (("    answer: true", '    answer: "yes"'),),
        'answer: "yes"',
        ("quiz item 'q-tf'", "true or false without quotes"),
    ),
    Case(
        "truefalse-without-explanation",
        (('    explanation: "Yes."\n', ""),),
        "  - id: q-tf",
        ("`explanation` is missing",),
    ),
    Case(
        "numeric-negative-tolerance",
        (("    tolerance: 0", "    tolerance: -1"),),
        "tolerance: -1",
        ("quiz item 'q-num'", "`tolerance` must be a number >= 0"),
    ),
    Case(
        "numeric-answer-text",
        (("    answer: 42", '    answer: "42"'),),
        'answer: "42"',
        ("plain number or exactly one directive",),
    ),
    Case(
        "tolerance-on-choice",
        (("    answer: 2", "    answer: 2\n    tolerance: 1"),),
        "tolerance: 1",
        ("`tolerance` is only for numeric items", "remove it"),
    ),
    Case(
        "quiz-key-typo",
        (('    explanation: "Yes."', '    explantion: "Yes."'),),
        "explantion:",
        ("unknown key 'explantion'", "did you mean 'explanation'?"),
    ),
    Case(
        "unknown-directive-in-body",
        (("Some text here.", "Some text {{volume: 3}} here."),),
        "{{volume: 3}}",
        ("unknown directive", "{{params: SPEC}}"),
    ),
    Case(
        "bad-expression-directive",
        (('question: "How many?"', 'question: "How many? {{= 1/0}}"'),),
        "How many? {{= 1/0}}",
        ("bad directive", "division by zero"),
    ),
    Case(
        "unsafe-expression",
        (("Some text here.", "Some {{= __import__('os').getcwd()}} text."),),
        "__import__",
        ("bad directive", "sigmoid, tanh, exp"),
    ),
    Case(
        "unclosed-directive",
        (("Some text here.", "Some text {{params: Input(5,10) LSTM(32)} here."),),
        "{{params",
        ("`{{` without its partner", "close it with `}}`"),
    ),
    Case(
        "emoji",
        (("Some text here.", "Some text here. Great job \U0001f600"),),
        "Great job",
        ("U+1F600", "emoji", "replace it"),
    ),
    Case(
        "variation-selector",
        (("Some text here.", "Check \u2714\ufe0f done"),),
        "Check",
        ("U+FE0F", "variation selector", "remove it"),
    ),
    Case(
        "ambiguous-char",
        (("Some text here.", "x -> h\nh \u2192 y"),),
        "h \u2192 y",
        ("U+2192", "East-Asian-ambiguous", "write `->` instead"),
    ),
    Case(
        "greek-sigma-in-quiz",
        (('question: "True?"', 'question: "Is \u03c3 a gate?"'),),
        "Is \u03c3",
        ("U+03C3", "write `sigmoid` instead"),
    ),
    Case(
        "fewer-than-3-quiz-items",
        ((VALID[VALID.index("  - id: q-num") : VALID.index("---\n\n# A")], ""),),
        "quiz:",
        ("`quiz` has 2 item(s)", "at least 3"),
    ),
    Case(
        "duplicate-yaml-key",
        (("lang: en\n", "lang: en\nlang: ko\n"),),
        "lang: ko",
        ("key 'lang' appears twice",),
    ),
    Case(
        "lang-does-not-match-folder",
        (("lang: en", "lang: ko"),),
        "lang: ko",
        ("in the en/ folder", "write `lang: en`"),
    ),
    Case(
        "front-matter-not-closed",
        (("---\n\n# A lesson", "\n# A lesson"),),
        "---",
        ("never closed", "add a line `---`"),
    ),
    Case(
        "empty-body",
        (("\n# A lesson\n\nSome text here.\n", ""),),
        "---",
        ("lesson body is empty",),
        nth=2,
    ),
    Case(
        "glossary-missing-language",
        (("  - {ko: 망각 게이트, en: forget gate}", "  - {ko: 망각 게이트}"),),
        "{ko: 망각 게이트}",
        ("needs both `ko:` and `en:`",),
    ),
]


def _load(course: Path) -> LessonSet:
    return load_lessons([course], include_packaged=False)


def _assert_others_load(lessons: LessonSet) -> None:
    assert {"good-one", "good-two"} <= set(lessons.ids())
    assert "broken" not in lessons.ids()


def _assert_problem(lessons: LessonSet, path: Path, line: int, must: tuple[str, ...]) -> None:
    mine = [p for p in lessons.problems if p.path == path]
    assert mine, "no problem reported for the broken file"
    matching = [p for p in mine if all(part in p.message for part in must)]
    shown = "\n".join(str(p) for p in mine)
    assert matching, f"no problem mentions {must}:\n{shown}"
    assert any(p.line == line for p in matching), f"expected line {line}:\n{shown}"
    assert str(matching[0]).startswith(f"{path}:{matching[0].line}: ")


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_malformed_lesson(case: Case, course: Path, add_file: Callable[..., Path]) -> None:
    text = case.text()
    path = add_file(text)
    lessons = _load(course)
    _assert_problem(lessons, path, line_of(text, case.marker, case.nth), case.must)
    _assert_others_load(lessons)


def test_missing_front_matter(course: Path, add_file: Callable[..., Path]) -> None:
    path = add_file("# Just Markdown\n\nNo header at all.\n")
    lessons = _load(course)
    _assert_problem(lessons, path, 1, ("no front matter", "start with a line `---`"))
    _assert_others_load(lessons)


def test_front_matter_not_a_mapping(course: Path, add_file: Callable[..., Path]) -> None:
    path = add_file("---\n- just\n- a list\n---\n\nBody.\n")
    lessons = _load(course)
    _assert_problem(lessons, path, 1, ("must be `key: value` lines",))
    _assert_others_load(lessons)


def test_not_utf8(course: Path, add_file: Callable[..., Path]) -> None:
    raw = VALID.encode("utf-8").replace(b'"A broken lesson"', b'"A \xb0\xa1 lesson"')
    path = add_file(raw)
    lessons = _load(course)
    _assert_problem(lessons, path, 5, ("not valid UTF-8", "0xb0", "save the file with UTF-8"))
    _assert_others_load(lessons)


def test_empty_file(course: Path, add_file: Callable[..., Path]) -> None:
    path = add_file("")
    lessons = _load(course)
    _assert_problem(lessons, path, 1, ("the file is empty", "---"))
    _assert_others_load(lessons)


def test_whitespace_only_file(course: Path, add_file: Callable[..., Path]) -> None:
    path = add_file("\n  \n\n")
    _assert_problem(_load(course), path, 1, ("the file is empty",))


def test_huge_file_is_refused_without_reading(
    course: Path, add_file: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = add_file("")
    with path.open("wb") as handle:  # a sparse 10 MB file
        handle.truncate(10 * 1024 * 1024)
    original_open = Path.open

    def guarded_open(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        assert self.name != path.name, "the 10 MB file was opened"
        return original_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", guarded_open)
    lessons = _load(course)
    _assert_problem(lessons, path, 1, ("10.0 MB", "over the 1 MB limit", "split it"))
    _assert_others_load(lessons)


def test_duplicate_lesson_ids(course: Path, add_file: Callable[..., Path]) -> None:
    text = lesson_text("good-one", 5)
    path = add_file(text, "05-copy.md")
    lessons = _load(course)
    must = ("lesson id 'good-one' (en)", "01-good-one.md")
    _assert_problem(lessons, path, line_of(text, "id: good-one"), must)
    assert [x.path.name for x in lessons.for_lang("en")] == ["01-good-one.md", "02-good-two.md"]


def test_same_id_in_two_languages_is_fine(course: Path) -> None:
    (course / "ko").mkdir()
    (course / "ko" / "01-good-one.md").write_text(lesson_text("good-one", 1, "ko"), "utf-8")
    lessons = _load(course)
    assert lessons.problems == []
    assert [x.lang for x in lessons.lessons if x.id == "good-one"] == ["en", "ko"]


def test_nfd_text_is_normalised(course: Path, add_file: Callable[..., Path]) -> None:
    title = "망각 게이트 배우기"
    nfd = unicodedata.normalize("NFD", title)
    assert nfd != title
    text = lesson_text("nfd-lesson", 3).replace('"A broken lesson"', f'"{nfd}"')
    text = text.replace("Some text here.", f"Body: {nfd}")
    add_file(text, "03-nfd.md")
    lessons = _load(course)
    assert lessons.problems == []
    lesson = lessons.get("nfd-lesson", "en")
    assert lesson is not None
    assert lesson.title == title
    assert f"Body: {title}" in lesson.body
    assert lesson.glossary[0].ko == "망각 게이트"


def test_every_problem_is_reported_not_just_the_first(
    course: Path, add_file: Callable[..., Path]
) -> None:
    text = VALID.replace("panel: lstm", "panel: lstn").replace("order: 9", "order: x")
    path = add_file(text)
    lines = {p.line for p in _load(course).problems if p.path == path}
    assert {line_of(text, "panel: lstn"), line_of(text, "order: x")} <= lines


def test_check_command_prints_file_line_message(
    course: Path, add_file: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    text = VALID.replace("    answer: 2", "    answer: 7")
    path = add_file(text)
    assert check_paths([course]) == 1
    out = capsys.readouterr().out
    assert f"{path}:{line_of(text, 'answer: 7')}: quiz item 'q-choice': `answer: 7`" in out
    assert "lessons OK" not in out


def test_check_command_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check_paths([tmp_path / "nowhere"]) == 1
    assert "no such file or folder" in capsys.readouterr().out


def test_check_command_ok(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (course / "README.md").write_text("# not a lesson\n", "utf-8")
    assert check_paths([course]) == 0
    assert capsys.readouterr().out.strip() == "2 lessons OK"


def test_yaml_alias_bomb_is_harmless(course: Path, add_file: Callable[..., Path]) -> None:
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    bomb = "\n".join(levels)  # 10**9 leaves if expanded
    text = VALID.replace("preset:\n", f"{bomb}\npreset:\n  sequence: *a8\n").replace(
        "  sequence: [1.0, 0.5, -1.0]\n", ""
    )
    path = add_file(text)
    lessons = _load(course)
    mine = [p for p in lessons.problems if p.path == path]
    assert any("unknown key 'a0'" in p.message for p in mine)
    assert any("preset `sequence` must be" in p.message for p in mine)
    _assert_others_load(lessons)
