"""Choosing the lesson language: --lang, saved choice, locale, English."""

from __future__ import annotations

import pytest

from rnntui.content.language import locale_language, resolve_language


@pytest.mark.parametrize(
    ("cli", "saved", "env", "expected"),
    [
        ("ko", "en", {"LANG": "en_US.UTF-8"}, "ko"),
        ("EN", "ko", {"LANG": "ko_KR.UTF-8"}, "en"),
        (None, "ko", {"LANG": "en_US.UTF-8"}, "ko"),
        (None, "en", {"LANG": "ko_KR.UTF-8"}, "en"),
        (None, None, {"LANG": "ko_KR.UTF-8"}, "ko"),
        (None, None, {"LANG": "ko"}, "ko"),
        (None, None, {"LC_ALL": "ko_KR.utf8", "LANG": "en_US.UTF-8"}, "ko"),
        (None, None, {"LC_ALL": "C.UTF-8", "LANG": "ko_KR.UTF-8"}, "en"),
        (None, None, {"LC_MESSAGES": "ko_KR.UTF-8", "LANG": "C"}, "ko"),
        (None, None, {"LC_ALL": "", "LANG": "ko_KR.UTF-8"}, "ko"),
        (None, None, {"LANG": "de_DE.UTF-8"}, "en"),
        (None, None, {}, "en"),
        (None, "fr", {"LANG": "ko_KR.UTF-8"}, "ko"),  # a damaged saved value is ignored
        (None, "", {}, "en"),
    ],
)
def test_resolve_language(
    cli: str | None, saved: str | None, env: dict[str, str], expected: str
) -> None:
    assert resolve_language(cli, saved, env) == expected


def test_unknown_cli_language_is_rejected() -> None:
    with pytest.raises(ValueError, match=r"unknown language 'fr' for --lang; use one of: ko, en"):
        resolve_language("fr", "ko", {})


def test_process_environment_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    assert resolve_language(None, None) == "ko"
    assert locale_language() == "ko"
