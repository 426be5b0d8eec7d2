"""Choose the lesson language: --lang, else the saved choice, else the locale, else English."""

from __future__ import annotations

import os
from collections.abc import Mapping

from rnntui.content.model import LANGUAGES
from rnntui.content.safe_text import shown

DEFAULT_LANGUAGE = "en"
LOCALE_VARIABLES: tuple[str, ...] = ("LC_ALL", "LC_MESSAGES", "LANG")


def normalise_language(value: str) -> str | None:
    """``"KO"`` -> ``"ko"``; None if ``value`` is not a supported language."""
    cleaned = value.strip().lower()
    return cleaned if cleaned in LANGUAGES else None


def locale_language(env: Mapping[str, str] | None = None) -> str | None:
    """ko or en from the first set variable of LC_ALL, LC_MESSAGES, LANG; None if none is set."""
    env = os.environ if env is None else env
    for name in LOCALE_VARIABLES:
        value = env.get(name, "").strip()
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    return None


def resolve_language(
    cli_lang: str | None, saved: str | None, env: Mapping[str, str] | None = None
) -> str:
    """The language to use; raises ValueError for an unknown ``--lang`` value."""
    if cli_lang is not None:
        chosen = normalise_language(cli_lang)
        if chosen is None:
            raise ValueError(
                f"unknown language {shown(cli_lang)} for --lang; use one of: {', '.join(LANGUAGES)}"
            )
        return chosen
    if saved:
        chosen = normalise_language(saved)
        if chosen is not None:
            return chosen
    return locale_language(env) or DEFAULT_LANGUAGE
