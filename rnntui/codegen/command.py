"""``rnntui code LESSON``: print (or write) the code for a lesson's panel in its starting
state, without a terminal."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from rnntui.codegen import FRAMEWORKS, LABS, code_for, lab_for_panel


def run_code(
    lesson: str,
    *,
    framework: str = "keras",
    out: Path | None = None,
    lang: str | None = None,
    lessons_dirs: Sequence[Path] = (),
) -> int:
    """Print the script for ``lesson`` (id or number), or write it to ``out``; 0 on success,
    2 with a message on stderr for an unknown lesson, framework or language."""
    from rnntui.content.loader import load_lessons
    from rnntui.quiz.bank import lesson_for_ref
    from rnntui.quiz.commands import choose_language

    if framework not in FRAMEWORKS:
        print(f"error: --framework must be one of {', '.join(FRAMEWORKS)}", file=sys.stderr)
        return 2
    try:
        language = choose_language(lang)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    lessons = list(load_lessons(lessons_dirs).for_lang(language))
    found = lesson_for_ref(lessons, lesson)
    if found is None:
        known = ", ".join(f"{x.order} {x.id}" for x in lessons)
        print(f"error: no lesson {lesson!r} (known: {known})", file=sys.stderr)
        return 2
    if found.panel not in LABS:
        print(f"error: lesson {found.id} has no panel with code ({found.panel})", file=sys.stderr)
        return 2
    code = code_for(lab_for_panel(found.panel, found.preset), framework, language)
    if out is None:
        sys.stdout.write(code)
        return 0
    try:
        out.write_text(code, encoding="utf-8")
    except OSError as exc:
        print(f"error: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"wrote {out}", file=sys.stderr)
    return 0
