"""Every test runs with private config/state dirs, so no test touches the real home."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _private_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("RNNTUI_CONFIG_DIR", "config"),
        ("RNNTUI_STATE_DIR", "state"),
        ("XDG_CONFIG_HOME", "xdg-config"),
        ("XDG_STATE_HOME", "xdg-state"),
        ("XDG_DATA_HOME", "xdg-data"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("RNNTUI_LESSONS", raising=False)
    return home


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``slow`` (the long monkey and screen-truth runs) run only when asked for
    with ``-m slow``; the default run (and CI) skips them."""
    if "slow" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="a long run: pytest -m slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
