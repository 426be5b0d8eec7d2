"""The shipped lessons: all valid, ko/en in step, every topic covered; `check` and `lessons`."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rnntui.cli import app
from rnntui.content.ko_en_agreement import pair_problems
from rnntui.content.loader import LessonSet, lesson_files, load_lessons, packaged_lessons_dir
from rnntui.content.model import LANGUAGES, TOPICS

EXPECTED_IDS = {
    "what-is-rnn",
    "activations",
    "simple-rnn",
    "lstm",
    "gru",
    "symbols",
    "embedding",
    "bidirectional",
    "units",
    "stacking",
    "dropout",
    "text-generation",
    "vanishing-gradients",
}


@pytest.fixture(scope="module")
def packaged() -> LessonSet:
    return load_lessons()


def _folder() -> Path:
    folder = packaged_lessons_dir()
    assert folder is not None
    return folder


def test_every_packaged_lesson_loads(packaged: LessonSet) -> None:
    assert [str(p) for p in packaged.problems] == []
    for lang in LANGUAGES:
        assert {x.id for x in packaged.for_lang(lang)} == EXPECTED_IDS, lang
    assert len(packaged.lessons) == len(lesson_files(_folder())) == 2 * len(EXPECTED_IDS)


def test_ko_and_en_pair_up(packaged: LessonSet) -> None:
    ko = {x.id: x for x in packaged.for_lang("ko")}
    en = {x.id: x for x in packaged.for_lang("en")}
    assert ko.keys() == en.keys()
    assert [x.id for x in packaged.for_lang("ko")] == [x.id for x in packaged.for_lang("en")]
    for lesson_id, mine in ko.items():
        theirs = en[lesson_id]
        assert (mine.order, mine.panel) == (theirs.order, theirs.panel), lesson_id
        assert [q.id for q in mine.quiz] == [q.id for q in theirs.quiz], lesson_id
        assert [(q.type, q.answer) for q in mine.quiz] == [
            (q.type, q.answer) for q in theirs.quiz
        ], lesson_id
    assert [str(p) for p in pair_problems(packaged.lessons)] == []


def test_every_topic_is_covered(packaged: LessonSet) -> None:
    for lang in LANGUAGES:
        covered = {topic for x in packaged.for_lang(lang) for topic in x.topics}
        assert set(TOPICS) <= covered, f"{lang}: {sorted(set(TOPICS) - covered)} not covered"


def test_lesson_files_are_stored_in_nfc() -> None:
    for path in lesson_files(_folder()):
        text = path.read_text(encoding="utf-8")
        assert text == unicodedata.normalize("NFC", text), path


def test_cli_check_lessons_exits_0() -> None:
    result = CliRunner().invoke(app, ["check", str(_folder())])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"{2 * len(EXPECTED_IDS)} files, {len(EXPECTED_IDS)} lessons OK"


def test_cli_check_reports_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "en" / "01-bad.md"
    bad.parent.mkdir()
    bad.write_text("no header\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{bad}:1: no front matter" in result.stdout


def test_cli_check_finds_ko_en_disagreement(tmp_path: Path) -> None:
    folder = _folder()
    for lang in LANGUAGES:
        source = folder / lang / "04-lstm.md"
        if not source.exists():
            pytest.skip("lessons/*/04-lstm.md not written yet")
        (tmp_path / lang).mkdir()
        (tmp_path / lang / source.name).write_text(source.read_text("utf-8"), "utf-8")
    ko = tmp_path / "ko" / "04-lstm.md"
    text = ko.read_text("utf-8")
    ko.write_text(text.replace("\norder: ", "\norder: 9", 1), "utf-8")
    result = CliRunner().invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 1
    assert "order is 9" in result.stdout and "the ko and en versions must agree" in result.stdout


def test_cli_lessons_json_lists_both_languages() -> None:
    result = CliRunner().invoke(app, ["lessons", "--json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    for lang in LANGUAGES:
        assert {r["id"] for r in records if r["lang"] == lang} == EXPECTED_IDS
    assert set(records[0]) == {"id", "order", "lang", "title", "panel", "topics"}
    assert len(records) == 2 * len(EXPECTED_IDS)


def test_cli_lessons_json_one_language() -> None:
    result = CliRunner().invoke(app, ["lessons", "--json", "--lang", "ko"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert {r["lang"] for r in records} == {"ko"}
    assert [r["order"] for r in records] == sorted(r["order"] for r in records)


def test_cli_lessons_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    result = CliRunner().invoke(app, ["lessons", "--lang", "en"])
    assert result.exit_code == 0, result.output
    for lesson_id in EXPECTED_IDS:
        assert lesson_id in result.stdout


def test_cli_lessons_unknown_language() -> None:
    result = CliRunner().invoke(app, ["lessons", "--lang", "fr"])
    assert result.exit_code == 2
    assert "unknown language 'fr'" in result.output


def test_cli_lessons_with_extra_folder_and_warning(tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    (extra / "en").mkdir(parents=True)
    (extra / "en" / "bad.md").write_text("not a lesson\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["lessons", "--json", "--lessons", str(extra)])
    assert result.exit_code == 0
    assert {r["id"] for r in json.loads(result.stdout)} == EXPECTED_IDS
    assert "warning:" in result.stderr and "bad.md:1: no front matter" in result.stderr


def test_cli_lessons_table_uses_the_saved_language(monkeypatch: pytest.MonkeyPatch) -> None:
    from rnntui.settings import save_settings  # RNNTUI_CONFIG_DIR is a tmp dir (conftest)

    save_settings(lang="ko")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    result = CliRunner().invoke(app, ["lessons"])
    assert result.exit_code == 0, result.output
    assert "rnntui lessons (ko)" in result.stdout
    ko_title = load_lessons().get("lstm", "ko")
    assert ko_title is not None and ko_title.title in result.stdout
