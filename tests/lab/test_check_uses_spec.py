"""``rnntui check`` validates a preset with the panel's lab SPEC (the rules the panel uses)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rnntui.content.commands import check_paths
from rnntui.content.schema import PANEL_PRESETS
from rnntui.lab.specs import PANEL_SPECS
from tests.content.lesson_fixtures import VALID

LSTM_PRESET = "  units: 2\n  sequence: [1.0, 0.5, -1.0]\n"


def write_lesson(tmp_path: Path, panel: str, preset: str) -> Path:
    text = VALID.replace("panel: lstm", f"panel: {panel}", 1).replace(LSTM_PRESET, preset, 1)
    path = tmp_path / "en" / "09-broken.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_dropout_with_eight_units_is_refused_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_lesson(tmp_path, "dropout", "  dropout: 0.2\n  units: 8\n")
    assert check_paths([path]) == 1
    line = path.read_text("utf-8").splitlines().index("  units: 8") + 1
    out = capsys.readouterr().out.strip().splitlines()
    assert out == [f"{path}:{line}: preset `units` must be a whole number 1..5"]


def test_eight_units_are_fine_for_lstm(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_lesson(tmp_path, "lstm", "  units: 8\n")
    assert check_paths([path]) == 0
    assert capsys.readouterr().out.strip() == "1 lesson OK"


@pytest.mark.parametrize(
    ("panel", "preset", "message"),
    [
        ("lstm", "  units: 65\n", "preset `units` must be a whole number 1..64"),
        ("activation", "  x: .nan\n", "preset `x` must be a number -6..6"),
        ("symbols", "  symbol: nope\n", "preset `symbol` must be one of h, x, W"),
        ("stacking", "  layers: [{type: LSTM, units: 999}]\n", "preset `layers` must give each"),
        ("lstm", "  sequence: [1.0, .inf]\n", "preset `sequence` must hold finite numbers"),
    ],
)
def test_other_spec_ranges_reach_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], panel: str, preset: str, message: str
) -> None:
    path = write_lesson(tmp_path, panel, preset)
    assert check_paths([path]) == 1
    assert message in capsys.readouterr().out


def test_the_allowed_keys_are_the_specs() -> None:
    assert PANEL_PRESETS == {name: spec.preset_names() for name, spec in PANEL_SPECS.items()}
    assert "x_t" not in PANEL_PRESETS["lstm"]  # a control, not a preset key
