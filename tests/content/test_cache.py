"""The per-user parse cache (rnntui.content.cache): same lessons as a fresh parse, parsed
again when a file changes, private files, and a damaged cache ignored, never trusted."""

from __future__ import annotations

import json
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from rnntui.content import loader, validate
from rnntui.content.cache import FILE_NAME, ParseCache, cache_dir, decode, encode
from rnntui.content.model import Lesson, Problem

PACKAGED = Path(__file__).resolve().parents[2] / "lessons"


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Two packaged lessons copied into a folder; the cache in tmp_path/cache, turned on."""
    folder = tmp_path / "course"
    (folder / "en").mkdir(parents=True)
    for name in ("01-what-is-rnn.md", "04-lstm.md"):
        shutil.copy(PACKAGED / "en" / name, folder / "en" / name)
    monkeypatch.setenv("RNNTUI_CACHE_DIR", str(tmp_path / "cache"))
    loader.clear_cache()
    loader.enable_disk_cache()
    yield folder
    loader.enable_disk_cache(False)
    loader.clear_cache()


def load(folder: Path) -> loader.LessonSet:
    return loader.load_lessons([folder], include_packaged=False)


def test_second_load_comes_from_the_cache_and_equals_a_parse(
    course: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loader.enable_disk_cache(False)
    parsed = load(course)
    loader.clear_cache()
    loader.enable_disk_cache()
    assert loader.load_cached_lessons([course]) is None  # nothing cached yet
    first = load(course)
    assert first.lessons == parsed.lessons and len(first.lessons) == 2
    loader.clear_cache()

    def no_parse(path: Path) -> object:
        raise AssertionError(f"parsed {path} again")

    monkeypatch.setattr(validate, "parse_lesson_file", no_parse)
    again = load(course)
    assert again.lessons == parsed.lessons
    assert again.lessons[1].quiz == parsed.lessons[1].quiz  # nested dataclasses and tuples


def test_an_edited_file_is_parsed_again(course: Path) -> None:
    load(course)
    path = course / "en" / "04-lstm.md"
    path.write_text(path.read_text(encoding="utf-8").replace('title: "', 'title: "Edited ', 1))
    loader.clear_cache()
    titles = [x.title for x in load(course).lessons]
    assert any(t.startswith("Edited ") for t in titles)


def test_cache_is_private(course: Path) -> None:
    load(course)
    folder = cache_dir()
    assert folder is not None
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / FILE_NAME).stat().st_mode) == 0o600


@pytest.mark.parametrize(
    "damage",
    [
        b"not json at all {",
        b"[1, 2, 3]",
        b'{"entries": {"x": 5}}',
        b"\xff\xfe\x00garbage",
    ],
)
def test_a_damaged_cache_is_ignored_and_rewritten(course: Path, damage: bytes) -> None:
    expected = load(course).lessons
    folder = cache_dir()
    assert folder is not None
    (folder / FILE_NAME).write_bytes(damage)
    loader.clear_cache()
    assert load(course).lessons == expected
    assert isinstance(json.loads((folder / FILE_NAME).read_bytes())["entries"], dict)


def test_a_tampered_entry_is_not_trusted(course: Path) -> None:
    expected = load(course).lessons
    folder = cache_dir()
    assert folder is not None
    data = json.loads((folder / FILE_NAME).read_bytes())
    for entry in data["entries"].values():
        entry["value"]["lesson"] = {"$class": "os.system", "fields": {"command": "true"}}
    (folder / FILE_NAME).write_text(json.dumps(data))
    loader.clear_cache()
    assert load(course).lessons == expected


def test_without_the_switch_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RNNTUI_CACHE_DIR", str(tmp_path / "cache"))
    loader.enable_disk_cache(False)
    loader.load_lessons()
    assert not (tmp_path / "cache").exists()


def test_cache_dir_follows_the_state_dir_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RNNTUI_CACHE_DIR", raising=False)
    monkeypatch.setenv("RNNTUI_STATE_DIR", "/somewhere/state")
    assert cache_dir() == Path("/somewhere/state/cache")


def test_encode_round_trip_and_refusals(tmp_path: Path) -> None:
    value = (Problem(Path("a.md"), 3, "why"), {"x": [1, 2.5, True, None, "t", (1, 2)]})
    assert decode(json.loads(json.dumps(encode(value)))) == value
    with pytest.raises(TypeError):
        encode({1: "int key"})
    with pytest.raises(TypeError):
        encode(object())
    store = ParseCache(tmp_path)
    store.put("k", {"bad": object()})  # refused quietly: not cached
    assert store.get("k") is None
    lesson = Lesson("a", 1, "en", "T", "order", ("lstm",), "body")
    store.put("k", lesson)
    store.save()
    assert ParseCache(tmp_path).get("k") == lesson
