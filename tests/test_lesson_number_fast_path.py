"""A lesson's number wherever a lesson is named (issue 17): ``rnntui quiz --topic 4`` on the
fast path (no Typer) asks lesson 4's questions in Korean with ``[O]`` / ``[X]``, and
``rnntui --lesson 4`` opens lesson 4."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from rnntui.content.loader import load_lessons
from rnntui.entry import parse_app_options, parse_quiz_options


def test_fast_paths_take_a_lesson_number() -> None:
    quiz = parse_quiz_options(["quiz", "--topic", "4", "--plain"])
    assert quiz is not None and quiz["topic"] == "4"
    app = parse_app_options(["--lesson", "4"])
    assert app is not None and app["lesson"] == "4"


def test_plain_quiz_on_lesson_four_by_number_in_korean(tmp_path: Path) -> None:
    fourth = next(x for x in load_lessons().for_lang("ko") if x.order == 4)
    env = {
        **os.environ,
        "RNNTUI_STATE_DIR": str(tmp_path / "state"),
        "RNNTUI_CONFIG_DIR": str(tmp_path / "config"),
        "PYTHONIOENCODING": "utf-8",
    }
    args = ["quiz", "--plain", "--topic", "4", "--count", "3", "--seed", "2", "--lang", "ko"]
    run = subprocess.run(
        [sys.executable, "-c", "import sys; from rnntui.entry import main; main()", *args],
        input="1\n1\n1\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    heads = [line for line in run.stdout.splitlines() if re.match(r"문제 \d+/3", line)]
    assert len(heads) == 3 and all(h.endswith(f"- {fourth.id}") for h in heads), heads
    verdicts = [x for x in run.stdout.splitlines() if "정답입니다" in x or "틀렸습니다" in x]
    assert len(verdicts) == 3
    assert all(v.startswith(("[O] 정답입니다", "[X] 틀렸습니다")) for v in verdicts), verdicts
    assert "Right." not in run.stdout and "Wrong." not in run.stdout


async def test_app_opens_lesson_four_by_number(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from rnntui.ui.app import RnnTuiApp

    monkeypatch.setenv("RNNTUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("RNNTUI_STATE_DIR", str(tmp_path / "state"))
    lessons = load_lessons()
    fourth = next(x for x in lessons.for_lang("ko") if x.order == 4)
    app = RnnTuiApp(lessons, lang="ko", lesson_id="4", save=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(50):
            if app.learn.lesson is not None:
                break
            await pilot.pause()
        assert app.learn.lesson is not None and app.learn.lesson.id == fourth.id
