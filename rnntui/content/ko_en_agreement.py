"""Check that the ko and en versions of a lesson agree on everything but the words."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from rnntui.content.model import Lesson, Problem, QuizItem


def _show(item: QuizItem) -> str:
    if item.type == "choice" and isinstance(item.answer, int):
        return f"choice {item.answer + 1} of {len(item.choices)}"
    if isinstance(item.answer, bool):
        return "true" if item.answer else "false"
    return f"{item.answer} (tolerance {item.tolerance:g})"


def pair_problems(
    lessons: Iterable[Lesson], field_lines: Mapping[Path, Mapping[str, int]] | None = None
) -> list[Problem]:
    """Problems for every id that exists in both ko and en but differs in structure.

    ``field_lines`` (file -> header key -> line) lets order/panel problems name their line.
    """
    by_id: dict[str, dict[str, Lesson]] = {}
    for lesson in lessons:
        by_id.setdefault(lesson.id, {})[lesson.lang] = lesson
    problems: list[Problem] = []
    for pair in by_id.values():
        if "ko" in pair and "en" in pair:
            ko = pair["ko"]
            lines = (field_lines or {}).get(ko.path, {}) if ko.path else {}
            problems.extend(_compare(ko, pair["en"], lines))
    return problems


def _compare(ko: Lesson, en: Lesson, lines: Mapping[str, int]) -> list[Problem]:
    path = ko.path or Path(f"<{ko.id} ko>")
    other = en.path or Path(f"<{en.id} en>")
    problems: list[Problem] = []

    def differ(line: int, what: str, mine: object, theirs: object) -> None:
        problems.append(
            Problem(
                path,
                line,
                f"{what} is {mine} here but {theirs} in {other}; the ko and en versions must agree",
            )
        )

    first_line = lines.get("quiz", 1)
    if ko.order != en.order:
        differ(lines.get("order", 1), "order", ko.order, en.order)
    if ko.panel != en.panel:
        differ(lines.get("panel", 1), "panel", repr(ko.panel), repr(en.panel))
    ko_ids = [item.id for item in ko.quiz]
    en_ids = [item.id for item in en.quiz]
    if ko_ids != en_ids:
        differ(first_line, "the list of quiz ids", ko_ids, en_ids)
    en_items = {item.id: item for item in en.quiz}
    for item in ko.quiz:
        twin = en_items.get(item.id)
        if twin is None:
            continue
        if item.type != twin.type:
            differ(item.line, f"the type of quiz item {item.id!r}", item.type, twin.type)
        elif (
            item.answer != twin.answer
            or len(item.choices) != len(twin.choices)
            or item.tolerance != twin.tolerance
        ):
            differ(item.line, f"the answer of quiz item {item.id!r}", _show(item), _show(twin))
    return problems
