"""Setting/Spec validation: clear messages, conversion, defaults; every panel has a SPEC."""

from __future__ import annotations

import math

import pytest

from rnntui.lab.spec import Setting, SettingError, Spec
from rnntui.lab.specs import LABELS, PANEL_SPECS, check_sequence, label


def test_int_setting_refuses_out_of_range_with_its_range() -> None:
    units = Setting("units", "int", 4, 1, 5)
    assert units.validate(5) == 5
    for bad in (0, 6, 2.0, True, "3", None):
        with pytest.raises(SettingError, match=r"^units must be a whole number 1\.\.5$"):
            units.validate(bad)


def test_float_setting_converts_and_refuses_non_finite() -> None:
    x = Setting("x", "float", 0.5, -6.0, 6.0)
    assert x.validate(1) == 1.0 and isinstance(x.validate(1), float)
    for bad in (math.nan, math.inf, 6.5, False, "1"):
        with pytest.raises(SettingError, match=r"^x must be a number -6\.\.6$"):
            x.validate(bad)


def test_open_range_bool_and_choice_messages() -> None:
    assert Setting("seed", "int", 0, 0, None).range_text() == "of at least 0"
    with pytest.raises(SettingError, match="must be true or false"):
        Setting("flag", "bool", True).validate(1)
    pick = Setting("mode", "choice", "a", choices=("a", "b"))
    with pytest.raises(SettingError, match="must be one of a, b"):
        pick.validate("c")


def test_spec_settle_uses_defaults_for_refused_and_ignores_unknown() -> None:
    spec = Spec(Setting("units", "int", 2, 1, 4), Setting("h", "float", 0.0, -1, 1, preset=False))
    values, notes = spec.settle({"units": 9, "h": 0.5, "other": 1})
    assert values == {"units": 2}
    assert [str(e) for e in notes] == ["units must be a whole number 1..4"]
    assert notes[0].name == "units" and notes[0].reason == "must be a whole number 1..4"
    assert spec.preset_names() == ("units",)
    with pytest.raises(SettingError, match="is not a setting here"):
        spec.validate("unitz", 1)


def test_defaults_are_fresh_copies() -> None:
    spec = PANEL_SPECS["lstm"]
    spec.defaults()["sequence"].append(9.0)
    assert spec.defaults()["sequence"] == [1.0, 0.5, -1.0]


@pytest.mark.parametrize("name", sorted(PANEL_SPECS))
def test_every_default_passes_its_own_setting(name: str) -> None:
    spec = PANEL_SPECS[name]
    for key, value in spec.defaults().items():
        spec.validate(key, value)
        assert spec[key].label in LABELS, key


def test_dropout_units_range_is_the_panels() -> None:
    with pytest.raises(SettingError, match=r"units must be a whole number 1\.\.5"):
        PANEL_SPECS["dropout"].validate("units", 8)


def test_sequence_rule() -> None:
    assert check_sequence([1, 0.5]) == [[1.0], [0.5]]
    assert check_sequence([[1, 2], [3, 4]]) == [[1.0, 2.0], [3.0, 4.0]]
    for bad in ([], [1.0] * 13, [[1, 2], [3]], [[]], ["a"], [True], "1 2", [[[1]]]):
        with pytest.raises(ValueError, match=r"must be a list of 1\.\.12 steps"):
            check_sequence(bad)
    with pytest.raises(ValueError, match="finite"):
        check_sequence([1.0, math.nan])


def test_labels_per_language() -> None:
    assert label("sequence", "en") == "sequence:" and label("sequence", "ko") == "입력 순서:"
    assert label("no-such-key", "ko") == "no-such-key"
