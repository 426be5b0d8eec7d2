"""The plain runner, driven by scripted stdin (in-process and through a real pipe)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from rnntui import paths
from rnntui.content.model import Lesson
from rnntui.quiz.plain import run_plain
from rnntui.quiz.progress import ProgressStore
from rnntui.quiz.session import open_session

from .helpers import make_lessons, right_answer


def run(session, script: str) -> list[str]:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    console = Console(file=out, width=100, highlight=False, soft_wrap=True)
    assert run_plain(session, console, io.StringIO(script)) == 0
    return out.getvalue().splitlines()


def ordered(lessons: list[Lesson], seed: int) -> list[str]:
    """The question ids in the order a session with this seed asks them."""
    session = open_session(lessons=lessons, lang="en", count=3, seed=seed, generated=False)
    ids = []
    while (q := session.next_question()) is not None:
        ids.append(q.id)
        session.answer(right_answer(q))
    return ids


WRONG = {"lstm/forget-range": "Between -1 and 1", "lstm/four-blocks": "f", "units/lstm32": "5632"}
RIGHT = {
    "lstm/forget-range": "Strictly between 0 and 1",
    "lstm/four-blocks": "t",
    "units/lstm32": "5,504",
}


def test_scripted_run_explains_each_wrong_answer(lessons: list[Lesson]) -> None:
    order = ordered(lessons, seed=7)
    script = "".join(f"{WRONG[i]}\n" for i in order)
    store = ProgressStore().load()
    session = open_session(
        lessons=lessons, lang="en", count=3, seed=7, store=store, generated=False
    )
    lines = run(session, script)
    text = "\n".join(lines)
    assert text.count("Wrong.") == 3
    assert "[X]" not in text and "[O]" not in text  # a Korean convention: English says Wrong
    assert "Why not: that is tanh's range" in text
    assert text.count("Answer: ") == 3 and "Answer: 5,504" in text and "Answer: true" in text
    assert "Lesson: lstm (open it with: rnntui --lesson lstm)" in text
    assert lines[-1] == "Score: 0/3"
    assert sum(r["reviews"] for r in ProgressStore().load().items.values()) == 3


def test_ime_double_enter_and_invalid_lines_do_not_skip(lessons: list[Lesson]) -> None:
    order = ordered(lessons, seed=1)
    script = "".join(f"\n   \nnonsense\n{RIGHT[i]}  \n\n" for i in order)
    session = open_session(lessons=lessons, lang="en", count=3, seed=1, generated=False)
    lines = run(session, script)
    assert "\n".join(lines).count("Right.") == 3
    assert lines[-1] == "Score: 3/3"


def test_end_of_input_stops_early_with_the_score(lessons: list[Lesson]) -> None:
    order = ordered(lessons, seed=2)
    session = open_session(lessons=lessons, lang="en", count=3, seed=2, generated=False)
    lines = run(session, f"{RIGHT[order[0]]}\n")
    assert "Input ended; stopping the quiz." in lines
    assert lines[-1] == "Score: 1/1"


def test_korean_run(lessons: list[Lesson]) -> None:
    ko = make_lessons("ko")
    order = ordered(ko, seed=4)
    korean = {"lstm/four-blocks": "아니오", "lstm/forget-range": "0과 1 사이"}
    script = "".join(f"{korean.get(i, RIGHT[i])}\n" for i in order)
    session = open_session(lessons=ko, lang="ko", count=3, seed=4, generated=False)
    text = "\n".join(run(session, script))
    assert "문제 1/3" in text and "정답입니다." in text and "틀렸습니다." in text
    # [O] / [X] is the Korean convention; it goes with the Korean words only
    assert "[O] 정답입니다." in text and "[X] 틀렸습니다." in text
    assert "정답: 참" in text
    assert text.splitlines()[-1] == "점수: 2/3"  # no English in the Korean quiz


def test_markup_in_questions_is_printed_literally() -> None:
    lesson = make_lessons()[1]
    item = lesson.quiz[0]
    from dataclasses import replace

    tricky = replace(lesson, quiz=(replace(item, question="Shape [bold]x[/bold] of [a | b]?"),))
    session = open_session(lessons=[tricky], lang="en", count=1, generated=False)
    text = "\n".join(run(session, "5504\n"))
    assert "Shape [bold]x[/bold] of [a | b]?" in text


# --- the real command through a pipe -----------------------------------------------------------


def rnntui(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rnntui", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


ANY = "t\n1\n" * 12
"""Answers any question type: 't' grades true/false, '1' grades a choice or a number."""


def blocks(stdout: str) -> list[str]:
    return [b for b in stdout.split("\n\n") if "Wrong." in b or "Right." in b]


def test_newcomer_answers_five_then_sees_progress() -> None:
    result = rnntui("quiz", "--plain", "--count", "5", "--seed", "1", "--lang", "en", stdin=ANY)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[-1].startswith("Score: ") and lines[-1].endswith("/5")
    assert result.stdout.count("Question ") == 5
    for block in blocks(result.stdout):
        if "Wrong." in block:
            assert "Answer: " in block and ("Why not: " in block or "Explanation: " in block)
    shown = rnntui("progress", "--json")
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert data["total"]["reviews"] == 5
    assert sum(row["reviews"] for row in data["lessons"]) == 5
    assert data["file"] == str(paths.progress_path())
    table = rnntui("progress", "--lang", "en")
    assert "Total" in table.stdout and "Reviews" in table.stdout


def test_without_plain_and_without_a_tty_it_runs_plain() -> None:
    result = rnntui("quiz", "--count", "2", "--seed", "3", "--lang", "ko", stdin=ANY)
    assert result.returncode == 0, result.stderr
    assert "문제 1/2" in result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("점수: ")


def test_plain_quiz_never_imports_textual() -> None:
    code = (
        "import sys\n"
        "sys.argv = ['rnntui', 'quiz', '--plain', '--count', '2', '--seed', '1']\n"
        "from rnntui.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('TEXTUAL' if 'textual' in sys.modules else 'CLEAN', file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], input=ANY, capture_output=True, text=True, timeout=120
    )
    assert result.stderr.strip().splitlines()[-1] == "CLEAN", result.stderr


def test_bad_language_and_unknown_topic_exit_2() -> None:
    assert rnntui("quiz", "--plain", "--lang", "fr").returncode == 2
    result = rnntui("quiz", "--plain", "--topic", "no-such-lesson", "--lang", "en")
    assert result.returncode == 2 and "no-such-lesson" in result.stderr


def test_progress_export_reset_import(tmp_path: Path) -> None:
    assert rnntui("quiz", "--plain", "--count", "3", "--seed", "5", stdin=ANY).returncode == 0
    before = ProgressStore().load().items
    assert len(before) == 3
    exported = tmp_path / "mine.json"
    assert rnntui("progress", "--export", str(exported)).returncode == 0
    assert set(json.loads(exported.read_text())["items"]) == set(before)

    cancelled = rnntui("progress", "--reset", "--lang", "en", stdin="n\n")
    assert cancelled.returncode == 1 and "Erase all quiz progress" in cancelled.stdout
    assert ProgressStore().load().items == before
    assert rnntui("progress", "--reset", stdin="").returncode == 1

    done = rnntui("progress", "--reset", "--lang", "ko", stdin="y\n")
    assert done.returncode == 0 and "지웠습니다" in done.stdout
    assert ProgressStore().load().items == {}

    assert rnntui("progress", "--import", str(exported)).returncode == 0
    assert ProgressStore().load().items == before
    assert rnntui("progress", "--reset", "--yes").returncode == 0
    assert ProgressStore().load().items == {}


def test_import_of_a_bad_file_fails_cleanly(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    result = rnntui("progress", "--import", str(bad), "--lang", "en")
    assert result.returncode == 1 and "Cannot import" in result.stderr
    assert bad.read_text() == "{not json", "the user's file is never moved or changed"


def test_damaged_progress_file_is_reported_and_the_quiz_still_runs() -> None:
    path = paths.progress_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"schema_version": 1, "items": {')
    result = rnntui("quiz", "--plain", "--count", "1", "--lang", "en", stdin=ANY)
    assert result.returncode == 0, result.stderr
    assert "was damaged; it was moved to" in result.stdout
    assert len(ProgressStore().load().items) == 1


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_run_quiz_uses_the_app_when_there_is_one(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rnntui.quiz import commands, plain

    calls: list[dict[str, object]] = []

    def fake_app(**kwargs: object) -> int:
        calls.append(kwargs)
        return 0

    monkeypatch.setattr(plain, "is_tty", lambda stream: True)
    code = commands.run_quiz(
        topic=None, count=3, seed=1, lang=lang, plain=False, lessons_dirs=[], app_entry=fake_app
    )
    assert code == 0 and calls == [
        {"topic": None, "count": 3, "seed": 1, "lang": lang, "lessons_dirs": []}
    ]


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_on_a_terminal_korean_input_and_a_second_enter_work() -> None:
    """stdin and stdout on a pty (input() path): Hangul-mode 't' (ㅅ), trailing spaces and a
    second Enter are taken as one answer or ignored, never as an extra answer."""
    import select
    import time

    master, slave = os.openpty()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "rnntui",
            "quiz",
            "--plain",
            "--count",
            "2",
            "--seed",
            "9",
            "--lang",
            "ko",
        ],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        close_fds=True,
        env={**os.environ, "TERM": "dumb"},  # no colour codes: the prompt ends "] > "
    )
    os.close(slave)
    seen = b""
    end = time.monotonic() + 60
    typed = 0
    while "점수: ".encode() not in seen and time.monotonic() < end:
        if select.select([master], [], [], 0.2)[0]:
            try:
                seen += os.read(master, 4096)
            except OSError:
                break
        elif seen.count(b"] > ") > typed:  # a prompt is waiting: type like a Korean student
            os.write(master, "ㅅ  \r\r".encode() if typed % 2 == 0 else b"1\r")
            typed += 1
    proc.wait(timeout=30)
    with contextlib.suppress(OSError):
        seen += os.read(master, 4096)
    os.close(master)
    text = seen.decode("utf-8", "replace")
    assert proc.returncode == 0, text
    assert text.count("정답입니다.") + text.count("틀렸습니다.") == 2
    assert "문제 3/" not in text and "점수: " in text
