"""Turn one lesson file into a Lesson, or into problems that say what to fix and where."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rnntui.content.did_you_mean import unknown_key_message, unknown_value_message
from rnntui.content.directives import expand
from rnntui.content.file_problems import KeyPath, Reporter
from rnntui.content.frontmatter import FrontMatter, split_front_matter
from rnntui.content.limits import heavy_body
from rnntui.content.model import LANGUAGES, TOPICS, GlossaryTerm, Lesson, Problem
from rnntui.content.presets import check_preset, is_int
from rnntui.content.quizcheck import check_quiz
from rnntui.content.safe_text import clip, find_controls, shown
from rnntui.content.schema import (
    ALL_FIELDS,
    DEMOS,
    GLOSSARY_KEYS,
    ID_PATTERN,
    PANELS,
    REQUIRED_FIELDS,
)
from rnntui.content.textfile import read_lesson_text
from rnntui.content.unsafe_glyphs import check_glyphs


@dataclass(frozen=True)
class ParsedFile:
    """The outcome for one file: a Lesson when there are no problems, else None."""

    path: Path
    lesson: Lesson | None
    problems: tuple[Problem, ...]
    field_lines: dict[str, int] = field(default_factory=dict, compare=False)
    """File line of each top-level header key (``id``, ``order``, ...)."""


def parse_lesson_file(path: Path) -> ParsedFile:
    """Read, parse and validate one lesson file (directives filled in from the engine).

    Never raises: whatever goes wrong (a RecursionError, a MemoryError, a bug) becomes a
    problem of this file only, so one bad file never costs the others.
    """
    try:
        return _parse(path)
    except Exception as exc:  # MemoryError and RecursionError are Exceptions too
        return ParsedFile(path, None, (failure_problem(path, exc),))


def failure_problem(path: Path, exc: BaseException) -> Problem:
    """The problem reported when reading ``path`` failed unexpectedly with ``exc``."""
    line = _traceback_line(exc)
    if isinstance(exc, MemoryError):
        why = "it needs too much memory (deeply nested or repeated YAML?)"
    elif isinstance(exc, RecursionError):
        why = "it is nested too deeply"
    else:
        why = f"{type(exc).__name__}: {clip(str(exc))}"
    return Problem(path, line, f"this file could not be read ({why}); simplify it")


def _traceback_line(exc: BaseException) -> int:
    mark = getattr(exc, "problem_mark", None)
    return int(mark.line) + 1 if mark is not None else 1


def _parse(path: Path) -> ParsedFile:
    text, problems = read_lesson_text(path)
    if text is None:
        return ParsedFile(path, None, tuple(problems))
    glyph_problems = [Problem(path, line, message) for line, message in check_glyphs(text)]
    glyph_problems += [Problem(path, line, message) for line, message in find_controls(text)]
    glyph_problems += [Problem(path, line, message) for line, message in heavy_body(text)]
    front, problems = split_front_matter(text, path)
    if front is None:
        found = dict.fromkeys(problems + glyph_problems)
        return ParsedFile(path, None, tuple(sorted(found, key=_order)))
    report = Reporter(path, front.lines)
    report.extend(glyph_problems)
    lesson = _HeaderChecker(front, report).lesson()
    problems = sorted(dict.fromkeys(report.problems), key=_order)
    lines = {str(key[0]): line for key, line in front.lines.keys.items() if len(key) == 1}
    return ParsedFile(path, None if problems else lesson, tuple(problems), lines)


_SCALAR_FIELDS: tuple[str, ...] = ("id", "order", "lang", "title", "panel", "demo")
MAX_ORDER = 1_000_000


def _order(problem: Problem) -> int:
    return problem.line


def _suggest_id(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "my-lesson"


class _HeaderChecker:
    """Checks the header fields one by one and assembles the Lesson."""

    def __init__(self, front: FrontMatter, report: Reporter) -> None:
        self.front = front
        self.report = report
        self.data: dict[Any, Any] = front.data if isinstance(front.data, dict) else {}

    def fill(self, text: str, where: KeyPath) -> str:
        """Expand directives in a header string, reporting bad ones at its key's line."""
        line = self.report.lines.line(where)
        return expand(text, lambda _pos: line, self.report.at)

    def lesson(self) -> Lesson | None:
        """The Lesson, or None if the header is unusable."""
        if not isinstance(self.front.data, dict):
            self.report.at(
                self.front.lines.start,
                "the front matter must be `key: value` lines "
                f"({', '.join(REQUIRED_FIELDS)}); see lessons/README.md",
            )
            return None
        data = self.data
        for key in data:
            if key not in ALL_FIELDS:
                self.report.at((key,), unknown_key_message(key, ALL_FIELDS, "in the front matter"))
        for key in REQUIRED_FIELDS:
            if key not in data:
                self.report.at(
                    self.front.lines.start,
                    f"required field `{key}` is missing; add `{key}: ...` to the front matter",
                )
            elif data[key] is None:
                self.report.at(
                    (key,),
                    f"required field `{key}` is empty (`~`, `null` or nothing after the "
                    f"colon); write its value after `{key}:`",
                )
        for key in _SCALAR_FIELDS:
            if isinstance(data.get(key), list | dict):
                self.report.at((key,), f"`{key}` must be a single value, not a list or a mapping")
        lesson_id, order, lang = self._id(), self._order(), self._lang()
        title, panel, topics = self._title(), self._panel(), self._topics()
        preset = check_preset(data.get("preset"), panel, self.report) if panel else {}
        glossary = self._glossary()
        demo = self._demo()
        quiz = check_quiz(data.get("quiz"), self.report, self.fill) if "quiz" in data else ()
        body = self._body()
        if not self.report.ok:
            return None
        if None in (lesson_id, order, lang, title, panel, topics):  # never drop a file silently
            self.report.at(self.front.lines.start, "this lesson header is incomplete")
            return None
        return Lesson(
            id=str(lesson_id),
            order=int(order or 0),
            lang=str(lang),
            title=str(title),
            panel=str(panel),
            topics=tuple(topics or ()),
            body=body,
            preset=preset,
            glossary=glossary,
            quiz=quiz,
            path=self.report.path,
            demo=demo,
        )

    def _id(self) -> str | None:
        value = self.data.get("id")
        if value is None or isinstance(value, list | dict):
            return None
        if not isinstance(value, str):
            self.report.at(
                ("id",), f'id must be text; write `id: "{clip(str(value))}"` or a word like `lstm`'
            )
            return None
        if not ID_PATTERN.fullmatch(value):
            self.report.at(
                ("id",),
                f"id {shown(value)} must use only a-z, 0-9 and '-'; "
                f"write e.g. `id: {clip(_suggest_id(value[:200]))}`",
            )
            return None
        return value

    def _order(self) -> int | None:
        value = self.data.get("order")
        if value is None or isinstance(value, list | dict):
            return None
        if not is_int(value):
            self.report.at(
                ("order",), f"order must be a whole number, e.g. `order: 3` (got {shown(value)})"
            )
            return None
        if abs(value) > MAX_ORDER:
            self.report.at(("order",), f"order must be between -{MAX_ORDER} and {MAX_ORDER}")
            return None
        return int(value)

    def _lang(self) -> str | None:
        value = self.data.get("lang")
        if value is None or isinstance(value, list | dict):
            return None
        if value not in LANGUAGES:
            self.report.at(("lang",), unknown_value_message("lang", value, LANGUAGES))
            return None
        folder = self.report.path.parent.name
        if folder in LANGUAGES and folder != value:
            self.report.at(
                ("lang",),
                f"lang is {shown(value)} but the file is in the {clip(folder)}/ folder; "
                f"write `lang: {clip(folder)}` or move the file to {value}/",
            )
        return str(value)

    def _title(self) -> str | None:
        value = self.data.get("title")
        if value is None or isinstance(value, list | dict):
            return None
        if not isinstance(value, str) or not value.strip():
            self.report.at(("title",), "title must be non-empty text; put it in double quotes")
            return None
        return value.strip()

    def _panel(self) -> str | None:
        value = self.data.get("panel")
        if value is None or isinstance(value, list | dict):
            return None
        if value not in PANELS:
            self.report.at(("panel",), unknown_value_message("panel", value, PANELS))
            return None
        return str(value)

    def _demo(self) -> str:
        """The optional ``demo:`` (one of DEMOS), "" when absent or refused."""
        if "demo" not in self.data:
            return ""
        value = self.data["demo"]
        if isinstance(value, list | dict):
            return ""  # reported as "a single value" above
        if value not in DEMOS:
            self.report.at(("demo",), unknown_value_message("demo", value, DEMOS))
            return ""
        return str(value)

    def _topics(self) -> tuple[str, ...] | None:
        value = self.data.get("topics")
        if value is None:
            return None
        if not isinstance(value, list):
            example = clip(value) if isinstance(value, str) else "lstm"
            self.report.at(("topics",), f"topics must be a list, e.g. `topics: [{example}]`")
            return None
        good: list[str] = []
        for index, topic in enumerate(value):
            if topic in TOPICS:
                good.append(str(topic))
            else:
                self.report.at(("topics", index), unknown_value_message("topic", topic, TOPICS))
        return tuple(good)

    def _glossary(self) -> tuple[GlossaryTerm, ...]:
        value = self.data.get("glossary")
        if value is None:
            return ()
        if not isinstance(value, list):
            self.report.at(("glossary",), "glossary must be a list of `- {ko: ..., en: ...}`")
            return ()
        terms: list[GlossaryTerm] = []
        for index, entry in enumerate(value):
            where = ("glossary", index)
            if not isinstance(entry, dict):
                self.report.at(where, "each glossary entry must be `- {ko: ..., en: ...}`")
                continue
            for key in entry:
                if key not in GLOSSARY_KEYS:
                    message = unknown_key_message(key, GLOSSARY_KEYS, "in a glossary entry")
                    self.report.at((*where, key), message)
            ko, en = entry.get("ko"), entry.get("en")
            if not all(isinstance(v, str) and v.strip() for v in (ko, en)):
                self.report.at(where, "a glossary entry needs both `ko:` and `en:` as text")
                continue
            terms.append(GlossaryTerm(ko=str(ko).strip(), en=str(en).strip()))
        return tuple(terms)

    def _body(self) -> str:
        body = self.front.body
        if not body.strip():
            self.report.at(
                self.front.body_line - 1,
                "the lesson body is empty; write the lesson text after the closing `---`",
            )
            return ""
        first = self.front.body_line
        return expand(body, lambda pos: first + body.count("\n", 0, pos), self.report.at).strip()
