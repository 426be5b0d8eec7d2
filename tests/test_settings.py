"""rnntui.settings: defaults, saving, the env override, and a damaged file."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from rnntui import paths, settings


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "config"
    monkeypatch.setenv("RNNTUI_CONFIG_DIR", str(directory))
    return directory


def test_defaults_without_a_file(config_dir: Path) -> None:
    assert settings.load_settings() == settings.Settings(lang=None, last_lesson=None)
    assert not config_dir.exists()


def test_save_and_load(config_dir: Path) -> None:
    assert paths.settings_path() == config_dir / "settings.json"
    settings.save_settings(lang="ko")
    saved = settings.save_settings(last_lesson="lstm")
    assert saved == settings.Settings(lang="ko", last_lesson="lstm")
    assert settings.load_settings() == saved
    data = json.loads((config_dir / "settings.json").read_text())
    assert data["schema_version"] == settings.SCHEMA_VERSION
    assert stat.S_IMODE(os.stat(config_dir).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(config_dir / "settings.json").st_mode) == 0o600


def test_clear_a_field() -> None:
    settings.save_settings(lang="en", last_lesson="gru")
    assert settings.save_settings(lang=None) == settings.Settings(lang=None, last_lesson="gru")


def test_unknown_or_wrongly_typed_field_is_rejected() -> None:
    with pytest.raises(TypeError):
        settings.save_settings(colour="dark")
    with pytest.raises(TypeError):
        settings.save_settings(lang=3)  # type: ignore[arg-type]


def test_damaged_file_gives_defaults_and_is_kept_aside(config_dir: Path) -> None:
    config_dir.mkdir()
    (config_dir / "settings.json").write_text('{"schema_version": 1, "lang": ')
    assert settings.load_settings() == settings.Settings()
    assert len(list(config_dir.glob("settings.json.corrupt-*"))) == 1
    assert settings.save_settings(lang="ko").lang == "ko"


def test_symlinked_file_gives_defaults_and_is_not_followed(
    config_dir: Path, tmp_path: Path
) -> None:
    config_dir.mkdir()
    real = tmp_path / "real.json"
    real.write_text(json.dumps({"schema_version": 1, "lang": "ko", "last_lesson": None}))
    (config_dir / "settings.json").symlink_to(real)
    assert settings.load_settings() == settings.Settings()


def test_theme_is_saved_and_old_files_without_it_still_load(config_dir: Path) -> None:
    config_dir.mkdir(mode=0o700)
    old = {"schema_version": 1, "lang": "ko", "last_lesson": "gru"}  # written before `theme`
    (config_dir / "settings.json").write_text(json.dumps(old))
    (config_dir / "settings.json").chmod(0o600)
    assert settings.load_settings() == settings.Settings(lang="ko", last_lesson="gru")
    assert settings.save_settings(theme="rnntui-contrast").theme == "rnntui-contrast"
    assert settings.load_settings() == settings.Settings("ko", "gru", "rnntui-contrast")
    data = json.loads((config_dir / "settings.json").read_text())
    assert data["theme"] == "rnntui-contrast" and data["schema_version"] == 1


@pytest.mark.parametrize(
    "value", ["x" * 5000, "lstm\x1b]0;PWN\x07", "\u202elstm"], ids=["long", "osc", "bidi"]
)
def test_hostile_value_gives_defaults_and_is_kept_aside(config_dir: Path, value: str) -> None:
    config_dir.mkdir()
    path = paths.settings_path()
    path.write_text(json.dumps({"schema_version": 1, "lang": "ko", "last_lesson": value}))
    assert settings.load_settings() == settings.Settings()
    assert list(config_dir.glob("settings.json.corrupt-*"))
    with pytest.raises(TypeError):
        settings.save_settings(last_lesson=value)
