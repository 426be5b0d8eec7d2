"""Small CLI things: --flag=true, lesson numbers, did-you-mean, Korean help, no upward import."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rnntui.cli import app
from rnntui.cli_help import HELP, normalize_flags
from rnntui.cli_options import APP_OPTIONS, QUIZ_OPTIONS

ROOT = Path(__file__).parents[2]


def test_bool_flags_accept_an_explicit_value() -> None:
    assert normalize_flags(["lessons", "--json=true"]) == ["lessons", "--json"]
    assert normalize_flags(["lessons", "--json=false"]) == ["lessons"]
    assert normalize_flags(["--lang=ko", "--json=maybe"]) == ["--lang=ko", "--json=maybe"]
    on = CliRunner().invoke(app, ["lessons", "--json=true"])
    assert on.exit_code == 0 and isinstance(json.loads(on.output), list)
    off = CliRunner().invoke(app, ["lessons", "--json=False", "--lang", "en"])
    assert off.exit_code == 0 and not off.output.lstrip().startswith("[")


def test_help_is_plain_ascii_without_bool_metavars() -> None:
    for args in (["--help"], ["quiz", "--help"], ["lessons", "--help"], ["summary", "-h"]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0
        assert "<bool>" not in result.output
        assert all(ord(c) < 0x80 for c in result.output), args
    lessons = CliRunner().invoke(app, ["lessons", "--help"]).output
    assert "both languages" in " ".join(lessons.split())


@pytest.mark.parametrize(
    "args",
    [
        ["--lang", "ko", "--help"],
        ["quiz", "--lang=ko", "--help"],
        ["progress", "--help", "--lang", "ko"],
        ["summary", "--lang", "ko", "-h"],
    ],
)
def test_korean_help_has_no_english_prose(args: list[str]) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 2)
    text = result.output
    if result.exit_code == 2:  # summary has no --lang: the error is fine, skip
        return
    for word in (
        "Usage:",
        "Options:",
        "Commands:",
        "Show this message",
        "Language:",
        "Questions to ask",
    ):
        assert word not in text, (word, text)
    assert "사용법:" in text and "옵션:" in text


def test_every_help_text_has_a_korean_entry() -> None:
    source = (ROOT / "rnntui" / "cli.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    helps = []
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "help":
            if not isinstance(node.value, ast.Constant):  # help=option.help: the table below
                continue
            helps.append(ast.literal_eval(node.value))
        if (
            isinstance(node, ast.FunctionDef)
            and ast.get_docstring(node)
            and node.name in ("_root", "summary", "lessons", "check", "quiz", "progress")
        ):
            helps.append(ast.get_docstring(node))
    helps += [option.help for option in (*APP_OPTIONS, *QUIZ_OPTIONS)]
    missing = [h for h in helps if h not in HELP]
    assert not missing


def test_topic_accepts_the_lessons_number() -> None:
    result = CliRunner().invoke(
        app,
        ["quiz", "--plain", "--topic", "5", "--count", "1", "--seed", "3", "--lang", "en"],
        input="\n",
    )
    assert result.exit_code == 0, result.output
    assert re.search(r"Question 1/1 \(new\) - gru", result.output)


@pytest.mark.parametrize(
    ("lang", "text"), [("en", "Did you mean lstm?"), ("ko", "lstm을(를) 뜻하셨나요?")]
)
def test_a_mistyped_topic_gets_a_suggestion(lang: str, text: str) -> None:
    result = CliRunner().invoke(app, ["quiz", "--plain", "--topic", "lstn", "--lang", lang])
    assert result.exit_code == 2 and text in result.output
    if lang == "ko":
        assert "오류:" in result.output and "error:" not in result.output


def test_the_quiz_package_never_imports_launch_and_cli_hands_the_hook_in(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for path in (ROOT / "rnntui" / "quiz").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith(("rnntui.launch", "rnntui.ui")), path
                assert not (
                    node.module == "rnntui" and any(a.name == "launch" for a in node.names)
                ), path
    from rnntui import cli, launch
    from rnntui.quiz import commands, plain

    calls: list[dict[str, object]] = []
    monkeypatch.setattr(launch, "launch_quiz", lambda **kw: calls.append(kw) or 0)
    monkeypatch.setattr(plain, "is_tty", lambda stream: True)
    code = commands.run_quiz(
        topic="lstm",
        count=2,
        seed=1,
        lang="en",
        plain=False,
        lessons_dirs=[],
        app_entry=cli._app_quiz,
    )
    assert code == 0 and calls[0]["topic"] == "lstm"


def test_count_is_bounded() -> None:
    from rnntui.content.loader import load_lessons
    from rnntui.quiz.session import MAX_QUESTIONS, open_session

    huge = CliRunner().invoke(app, ["quiz", "--plain", "--count", "100000000"])
    assert huge.exit_code == 2
    session = open_session(
        lessons=list(load_lessons().for_lang("en")), lang="en", count=10**8, seed=1
    )
    assert session.total <= MAX_QUESTIONS
