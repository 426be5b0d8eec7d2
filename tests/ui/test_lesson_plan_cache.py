"""The planned lesson text kept in the per-user cache (lesson_plan.cached_plan): what comes
back from the disk draws exactly what a fresh plan draws, a start that finds its lesson there
does not parse it again, and a bad entry is planned again, never trusted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.content import Content

from rnntui.content import loader
from rnntui.content.cache import PLANS_DIR
from rnntui.ui.widgets import lesson_blocks as lb
from rnntui.ui.widgets import lesson_plan as lp
from tests.ui.test_lesson_text import LESSONS, SAMPLE, body


def drawn(blocks: list[lb.Block], width: int) -> list[object]:
    """Each prose piece's laid-out lines with their styled spans, each table's margins and
    cells with theirs (what the screen is made of)."""

    def styled(x: Content) -> tuple[str, list[tuple[int, int, str]]]:
        return x.plain, [(s.start, s.end, str(s.style)) for s in x.spans]

    out: list[object] = []
    for piece in lp.pieces(blocks):
        if isinstance(piece, lb.TableBlock):
            cells = [[styled(cell) for cell in row] for row in piece.rows]
            out.append((piece.top, piece.bottom, [styled(h) for h in piece.headers], cells))
            continue
        lines = lb.stack(piece, width)
        out.append([styled(x) for x in lines])
    return out


@pytest.fixture
def cache_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The disk cache turned on (as the app's start does) in a private folder."""
    monkeypatch.setenv("RNNTUI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(loader, "_DISK_CACHE", True)
    return tmp_path / "cache" / PLANS_DIR


def test_every_packaged_lesson_survives_the_round_trip() -> None:
    bodies = [body(p) for p in sorted(LESSONS.glob("*/[0-9]*.md"))] + [SAMPLE]
    assert len(bodies) > 20
    planned = 0
    for text in bodies:
        blocks = lp.plan(text)
        if blocks is None:
            continue
        planned += 1
        back = lp.decode_blocks(json.loads(json.dumps(lp.encode_blocks(blocks))))
        for width in (37, 76):
            assert drawn(back, width) == drawn(blocks, width)
        assert [type(b) for b in back] == [type(b) for b in blocks]
    assert planned > 20  # the lessons really were planned (not all fallbacks)


def test_a_start_that_finds_its_lesson_does_not_parse_it(
    cache_on: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = lp.cached_plan(SAMPLE)
    assert first is not None
    assert len(list(cache_on.glob("*.json"))) == 1
    assert (cache_on.stat().st_mode & 0o777) == 0o700

    def no_parse(markdown: str) -> None:
        raise AssertionError("planned again")

    monkeypatch.setattr(lp, "plan", no_parse)
    again = lp.cached_plan(SAMPLE)
    assert again is not None and drawn(again, 50) == drawn(first, 50)


def test_a_fallback_is_kept_too(cache_on: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "A [link](https://example.org) only Textual's Markdown draws.\n"
    assert lp.cached_plan(text) is None
    monkeypatch.setattr(lp, "plan", lambda markdown: [])
    assert lp.cached_plan(text) is None  # from the cache, not planned


@pytest.mark.parametrize(
    "stored",
    [
        "not json",
        '{"blocks": [{"kind": "text", "top": 0, "bottom": 0}]}',
        '{"blocks": [{"kind": "nonsense", "top": 0, "bottom": 0}]}',
        '{"blocks": [{"kind": "text", "top": "0", "bottom": 0, "style": "", "center": false,'
        ' "fill": true, "content": {"text": "x", "spans": [[0, 1, 5]]}}]}',
        "[]",
    ],
)
def test_a_bad_entry_is_planned_again_and_rewritten(cache_on: Path, stored: str) -> None:
    fresh = lp.plan(SAMPLE)
    assert fresh is not None
    lp.cached_plan(SAMPLE)
    (entry,) = cache_on.glob("*.json")
    entry.write_text(stored, encoding="utf-8")
    back = lp.cached_plan(SAMPLE)
    assert back is not None and drawn(back, 60) == drawn(fresh, 60)
    assert "blocks" in json.loads(entry.read_text(encoding="utf-8"))


def test_other_code_or_text_is_another_key() -> None:
    stamp = lp.plan_stamp()
    assert lp.plan_key("# a\n", stamp) == lp.plan_key("# a\n", lp.plan_stamp())
    assert lp.plan_key("# a\n", stamp) != lp.plan_key("# b\n", stamp)
    assert lp.plan_key("# a\n", stamp) != lp.plan_key("# a\n", stamp + "0")


def test_without_the_cache_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RNNTUI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(loader, "_DISK_CACHE", False)
    assert lp.cached_plan(SAMPLE) is not None
    assert not (tmp_path / "cache").exists()


START = """
import sys
from textual.geometry import Size
from rnntui.content.loader import enable_disk_cache, load_lessons
enable_disk_cache()
from rnntui.ui.widgets.lesson_text import lesson_text_widget
lesson = next(x for x in load_lessons().lessons if x.id == "what-is-rnn")
widget, _ = lesson_text_widget(lesson.body, Size(80, 24))
parts = [type(part).__name__ for part in widget.compose()]
print(type(widget).__name__, "LessonTable" in parts, "markdown_it" in sys.modules)
print("textual.widgets._markdown" in sys.modules, "pygments" in sys.modules)
"""


def test_a_usual_start_imports_no_markdown(tmp_path: Path) -> None:
    """Lesson 1 (a table, a plain fence) once planned: neither markdown-it nor Textual's
    Markdown nor Pygments is imported to show it again, table included (each start in a
    fresh interpreter; the first one plans, so it imports markdown-it only)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "RNNTUI_CACHE_DIR": str(tmp_path / "cache")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", START], env=env, capture_output=True, text=True, check=True
        ).stdout.split()
        for _ in range(2)
    ]
    first, usual = runs
    assert first == ["LessonText", "True", "True", "False", "False"]
    assert usual == ["LessonText", "True", "False", "False", "False"]
