"""Where rnntui keeps per-user files (platformdirs), with environment overrides for tests.

- ``RNNTUI_STATE_DIR``: quiz progress (default: platformdirs ``user_state_path("rnntui")``).
- ``RNNTUI_CONFIG_DIR``: settings (default: platformdirs ``user_config_path("rnntui")``).

Tests must set these overrides so they never touch the real home directory. Without them,
platformdirs needs a home directory; when there is none (HOME unset or empty and no passwd
entry) :class:`NoHomeError` says what to set.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "rnntui"
PROGRESS_FILE = "progress.json"
SETTINGS_FILE = "settings.json"


class NoHomeError(RuntimeError):
    """No home directory to keep per-user files in; the message says what to set."""


NO_HOME_MESSAGE = """\
rnntui cannot find your home directory (HOME is unset and no passwd entry).
  Set one of:   export RNNTUI_STATE_DIR=/path/to/a/private/folder
                export HOME=/path/to/your/home
  (RNNTUI_CONFIG_DIR sets where settings go; it defaults to the same home.)
rnntui가 홈 디렉터리를 찾지 못했습니다. RNNTUI_STATE_DIR 또는 HOME을 설정하세요."""


def _user_path(kind: str, variable: str) -> Path:
    override = os.environ.get(variable)
    if override:
        return Path(override).expanduser()
    import platformdirs

    try:
        found = Path(getattr(platformdirs, kind)(APP_NAME))
    except (RuntimeError, KeyError, OSError) as exc:
        raise NoHomeError(NO_HOME_MESSAGE) from exc
    if not found.is_absolute():  # "~/.local/state/rnntui" when "~" cannot be expanded
        raise NoHomeError(NO_HOME_MESSAGE)
    return found


def state_dir() -> Path:
    """The directory for quiz progress (NoHomeError if there is no home directory)."""
    return _user_path("user_state_path", "RNNTUI_STATE_DIR")


def config_dir() -> Path:
    """The directory for per-user settings (NoHomeError if there is no home directory)."""
    return _user_path("user_config_path", "RNNTUI_CONFIG_DIR")


def progress_path() -> Path:
    """The quiz progress file."""
    return state_dir() / PROGRESS_FILE


def settings_path() -> Path:
    """The settings file."""
    return config_dir() / SETTINGS_FILE
