"""Per-user settings (language, last lesson, theme) in the config dir, stored through ``storage``.

The file is ``settings.json`` in ``paths.config_dir()`` (platformdirs ``user_config_path``,
or ``RNNTUI_CONFIG_DIR``). A damaged file is moved aside by ``storage`` and defaults are used;
settings never stop the app from starting.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from rnntui import paths, storage
from rnntui.printable import is_printable

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Settings:
    """What rnntui remembers between runs."""

    lang: str | None = None
    last_lesson: str | None = None
    theme: str | None = None
    """Textual theme name (F9); files written before it existed simply lack the key."""
    box_chars: str | None = None
    """``"ascii"`` when the user said (in the display check, key ``b``) that this terminal
    mis-draws box-drawing characters: diagrams then use ``+ - |``. None or ``"box"``: box
    drawing. Files written before it existed simply lack the key."""


_FIELDS = tuple(f.name for f in fields(Settings))


MAX_VALUE_CHARS = 200
"""A setting is a short word (a language, a lesson id, a theme name)."""


def _valid_value(value: Any) -> bool:
    return value is None or (
        isinstance(value, str) and len(value) <= MAX_VALUE_CHARS and is_printable(value)
    )


def _valid(data: dict[str, Any]) -> bool:
    """Every known field is None or short printable text (no terminal controls)."""
    return all(_valid_value(data.get(name)) for name in _FIELDS)


def _from_dict(data: dict[str, Any] | None) -> Settings:
    if not data:
        return Settings()
    return Settings(**{name: data.get(name) for name in _FIELDS})


def ascii_boxes(settings: Settings | None = None) -> bool:
    """True when diagrams should be drawn in ASCII (``box_chars == "ascii"``); reads the saved
    settings when ``settings`` is None."""
    if settings is None:
        settings = load_settings()
    return settings.box_chars == "ascii"


def load_settings() -> Settings:
    """The saved settings, or defaults if there are none (or they cannot be read)."""
    try:
        loaded = storage.load_json(
            paths.settings_path(), schema_version=SCHEMA_VERSION, validate=_valid
        )
    except (OSError, storage.StorageError):
        return Settings()
    return _from_dict(loaded.data)


def save_settings(**changes: str | None) -> Settings:
    """Update some fields (e.g. ``save_settings(lang="ko")``) and return the new settings.

    Raises TypeError for an unknown field, storage.StorageError / OSError if it cannot save.
    """
    unknown = sorted(set(changes) - set(_FIELDS))
    if unknown:
        raise TypeError(f"unknown setting(s): {', '.join(unknown)}")
    for name, value in changes.items():
        if not _valid_value(value):
            raise TypeError(f"setting {name} must be short printable text or None")
    result: list[Settings] = []

    def change(current: dict[str, Any] | None) -> dict[str, Any]:
        new = replace(_from_dict(current), **changes)
        result.append(new)
        return {storage.SCHEMA_KEY: SCHEMA_VERSION, **asdict(new)}

    storage.update_json(
        paths.settings_path(), change, schema_version=SCHEMA_VERSION, validate=_valid
    )
    return result[0]
