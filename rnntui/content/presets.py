"""Check a lesson's ``preset``: only keys its panel knows, each valid for its lab SPEC."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rnntui.content.did_you_mean import unknown_key_message
from rnntui.content.file_problems import KeyPath, Reporter
from rnntui.content.safe_text import clip, shown
from rnntui.content.schema import (
    LAYER_KEYS,
    LAYER_TYPES,
    MAX_STACK,
    MERGE_MODES,
    PANEL_PRESETS,
)
from rnntui.lab.spec import SettingError
from rnntui.lab.specs import PANEL_SPECS


def is_number(value: Any) -> bool:
    """An int or float, but not a bool."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def is_int(value: Any) -> bool:
    """An int, but not a bool."""
    return isinstance(value, int) and not isinstance(value, bool)


def _positive_int(value: Any) -> str | None:
    return None if is_int(value) and value >= 1 else "must be a whole number of at least 1"


def _seed(value: Any) -> str | None:
    return None if is_int(value) and value >= 0 else "must be a whole number of at least 0"


def _number(value: Any) -> str | None:
    return None if is_number(value) else "must be a number"


def _rate(value: Any) -> str | None:
    ok = is_number(value) and 0 <= value < 1
    return None if ok else "must be a number from 0 up to (not including) 1, e.g. 0.2"


def _bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else "must be true or false"


def _text(value: Any) -> str | None:
    return None if isinstance(value, str) and value.strip() else "must be text (quote it)"


def _tokens(value: Any) -> str | None:
    if not isinstance(value, list) or not value:
        return "must be a non-empty list of tokens, e.g. [the, cat, sat]"
    if not all(isinstance(token, str) and token for token in value):
        return "must list text tokens; quote tokens that look like numbers or true/false"
    return None


def _sequence(value: Any) -> str | None:
    message = "must be a non-empty list of numbers, or a list of equally long lists of numbers"
    if not isinstance(value, list) or not value:
        return message
    if all(is_number(step) for step in value):
        return None
    if all(isinstance(step, list) and step and all(is_number(x) for x in step) for step in value):
        return None if len({len(step) for step in value}) == 1 else message
    return message


def _vocab(value: Any) -> str | None:
    if (is_int(value) and value >= 1) or _tokens(value) is None:
        return None
    return "must be a vocabulary size (>= 1) or a non-empty list of words"


def _merge_mode(value: Any) -> str | None:
    return None if value in MERGE_MODES else f"must be one of {', '.join(MERGE_MODES)}"


_CHECKS: dict[str, Callable[[Any], str | None]] = {
    "x": _number,
    "units": _positive_int,
    "sequence": _sequence,
    "seed": _seed,
    "reset_after": _bool,
    "input_dim": _positive_int,
    "timesteps": _positive_int,
    "sentence": _tokens,
    "merge_mode": _merge_mode,
    "vocab": _vocab,
    "dim": _positive_int,
    "word": _text,
    "dropout": _rate,
    "recurrent_dropout": _rate,
    "symbol": _text,
}


def _spec_error(panel: str | None, key: str, value: Any) -> str | None:
    """What the panel's lab SPEC says is wrong with ``value`` (the type checks alone when the
    panel is unknown)."""
    spec = PANEL_SPECS.get(panel or "")
    if spec is None or key not in spec:
        check = _CHECKS.get(key)
        return check(value) if check else None
    try:
        spec.validate(key, value)
    except SettingError as error:
        return error.reason
    return None


def check_preset(preset: Any, panel: str | None, report: Reporter) -> dict[str, Any]:
    """Validate ``preset`` for ``panel`` (None: panel unknown, keys not checked)."""
    where: KeyPath = ("preset",)
    if preset is None:
        return {}
    if not isinstance(preset, dict):
        report.at(where, "`preset` must be a mapping of key: value lines (or be left out)")
        return {}
    allowed = PANEL_PRESETS.get(panel or "", ())
    for key, value in preset.items():
        if panel is not None and key not in allowed:
            known = ", ".join(allowed)
            report.at(
                (*where, key),
                unknown_key_message(key, allowed, f"in the preset of panel {panel!r}")
                + f" (that panel knows: {known})",
            )
            continue
        if panel == "stacking" and key == "layers":
            continue  # _check_layers below points at the layer and key
        error = _spec_error(panel, str(key), value)
        if error:
            report.at((*where, key), f"preset `{clip(str(key))}` {error}")
    if panel == "stacking" and "layers" in preset:
        found = len(report.problems)
        _check_layers(preset["layers"], report)
        error = _spec_error(panel, "layers", preset["layers"])
        if error and len(report.problems) == found:
            report.at((*where, "layers"), f"preset `layers` {error}")
    if panel == "embedding" and isinstance(preset.get("vocab"), list):
        word = preset.get("word")
        if isinstance(word, str) and word not in preset["vocab"]:
            message = f"preset `word` {shown(word)} is not in `vocab`; add it there"
            report.at((*where, "word"), message)
    return dict(preset)


def _check_layers(layers: Any, report: Reporter) -> None:
    where: KeyPath = ("preset", "layers")
    if not isinstance(layers, list) or not 1 <= len(layers) <= MAX_STACK:
        report.at(where, f"preset `layers` must be a list of 1 to {MAX_STACK} layers")
        return
    for index, layer in enumerate(layers):
        here = (*where, index)
        if not isinstance(layer, dict):
            report.at(here, "each layer must be {type: LSTM|GRU|SimpleRNN, units: N}")
            continue
        for key in layer:
            if key not in LAYER_KEYS:
                report.at((*here, key), unknown_key_message(key, LAYER_KEYS, "in a layer"))
        if layer.get("type") not in LAYER_TYPES:
            report.at((*here, "type"), f"layer `type` must be one of {', '.join(LAYER_TYPES)}")
        if _positive_int(layer.get("units")):
            report.at((*here, "units"), "layer `units` must be a whole number of at least 1")
        if "return_sequences" in layer and not isinstance(layer["return_sequences"], bool):
            report.at((*here, "return_sequences"), "layer `return_sequences` must be true or false")
