"""Where rnntui keeps per-user files (platformdirs), with environment overrides for tests.

- ``RNNTUI_STATE_DIR``: quiz progress (default: platformdirs ``user_state_path("rnntui")``).
- ``RNNTUI_CONFIG_DIR``: settings (default: platformdirs ``user_config_path("rnntui")``).

Tests must set these overrides so they never touch the real home directory.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "rnntui"
PROGRESS_FILE = "progress.json"
SETTINGS_FILE = "settings.json"


def state_dir() -> Path:
    """The directory for quiz progress."""
    override = os.environ.get("RNNTUI_STATE_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return platformdirs.user_state_path(APP_NAME)


def config_dir() -> Path:
    """The directory for per-user settings."""
    override = os.environ.get("RNNTUI_CONFIG_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return platformdirs.user_config_path(APP_NAME)


def progress_path() -> Path:
    """The quiz progress file."""
    return state_dir() / PROGRESS_FILE


def settings_path() -> Path:
    """The settings file."""
    return config_dir() / SETTINGS_FILE
