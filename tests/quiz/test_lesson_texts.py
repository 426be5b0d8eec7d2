"""The lessons (both languages): one Korean term per idea, the coverage the notes ask for, the
review fixes, and a closing "what to do next" section (docs/terms.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rnntui.content.loader import load_lessons

LESSONS = Path(__file__).parents[2] / "lessons"


def body(lang: str, name: str) -> str:
    return next((LESSONS / lang).glob(f"{name}*.md")).read_text(encoding="utf-8")


def test_korean_lessons_use_one_term_per_idea() -> None:
    for path in (LESSONS / "ko").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        for banned in (
            "후보 상태",
            "타임스텝",
            "강의",
            "(OLD)",
            "force f",
            "force z",
            " unit 칸",
            "`input_dim`, `timesteps`",
            "두 개의\n  리스트",
        ):
            assert banned not in text, (path.name, banned)


def test_glossaries_use_the_terms_in_both_languages() -> None:
    """The Korean word of every glossary entry, in the English lessons too (docs/terms.md)."""
    for lang in ("en", "ko"):
        for lesson in load_lessons().for_lang(lang):
            for entry in lesson.glossary:
                ko = entry.ko
                assert ko not in ("타임스텝", "타임 스텝", "단계", "후보 상태", "후보"), (
                    lesson.id,
                    ko,
                )
                assert "강의" not in ko and "레이어" not in ko, (lesson.id, ko)


def test_korean_lessons_say_hubo_gap_for_the_candidate() -> None:
    """후보 값 (docs/terms.md), never a bare 후보; a line break may fall inside the term."""
    import re

    for path in (LESSONS / "ko").glob("*.md"):
        bare = re.findall(r".{0,12}후보(?!\s*값).{0,12}", path.read_text(encoding="utf-8"))
        assert not bare, (path.name, bare)


def test_lesson_one_asks_no_parameter_count() -> None:
    for lang in ("en", "ko"):
        lesson = next(x for x in load_lessons().for_lang(lang) if x.order == 1)
        assert all(item.type != "numeric" for item in lesson.quiz)
        assert not any("params" in item.question for item in lesson.quiz)


def test_merge_mode_example_input_width_differs_from_the_outputs() -> None:
    for lang in ("en", "ko"):
        text = body(lang, "08")
        assert "Input(3,4)" not in text and "Input(3,5) Bidirectional" in text


@pytest.mark.parametrize(
    ("name", "ko", "en"),
    [
        ("01", ("색", "모양", "분류"), ("colours", "shapes", "classify")),
        (
            "07",
            ("희소행렬", "밀집행렬", "희소 벡터", "밀집 벡터"),
            ("sparse matrix", "dense matrix"),
        ),
        (
            "11",
            ("무작위 조합", "일반화", "근사", "과대적합을\n줄이는 *방법*"),
            ("random combinations", "generalises", "approximation", "*how* dropout reduces"),
        ),
        ("09", ("뉴런 == 유닛", "CNN"), ("neuron == unit", "CNN")),
        ("05", ("출력 게이트가 없습니다",), ("no output gate",)),
    ],
)
def test_lessons_cover_what_the_notes_say(
    name: str, ko: tuple[str, ...], en: tuple[str, ...]
) -> None:
    for word in ko:
        assert word in body("ko", name), word
    for word in en:
        assert word in body("en", name), word


def test_every_lesson_ends_with_what_to_do_next() -> None:
    for lang, heading in (("en", "## What to do next"), ("ko", "## 다음에 할 일")):
        lessons = sorted(load_lessons().for_lang(lang), key=lambda x: x.order)
        for k, lesson in enumerate(lessons):
            tail = lesson.body.split(heading, 1)[1]
            assert "F4" in tail and "F7" in tail and f"--topic {lesson.id}" in tail
            if k + 1 < len(lessons):
                assert f"--lesson {lessons[k + 1].id}" in tail
