"""Live retraining of a shipped recipe, the student's kept models, the lab additions used by
the panels, and the text charts the panels draw."""

from __future__ import annotations

import math
import os
import stat
import threading
from pathlib import Path

import numpy as np
import pytest

from rnntui.demos import user_models
from rnntui.demos.live import recipe, train_shipped_recipe
from rnntui.demos.next_word import NextWordLab
from rnntui.demos.remember import RememberConfig, RememberLab
from rnntui.demos.speed import SpeedLab, param_count
from rnntui.ui.widgets.curves import Series, chart_lines, progress_line


@pytest.fixture(autouse=True)
def private_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RNNTUI_STATE_DIR", str(tmp_path / "state"))
    return tmp_path / "state"


def test_live_run_reports_copies_and_stops_on_cancel() -> None:
    cancel = threading.Event()
    snaps = []

    def on_epoch(snap):  # type: ignore[no-untyped-def]
        snaps.append(snap)
        cancel.set()  # cancelled during epoch 1: the run ends after it

    model, run = train_shipped_recipe("next_word_ko", on_epoch, cancel, epochs=3)
    assert run.cancelled and run.epochs_done == 1 and len(snaps) == 1
    report = snaps[0].report
    assert report.epoch == 1 and report.epochs == 3 and 0.0 <= (report.accuracy or 0) <= 1
    for copy, live in zip(snaps[0].weights, model.get_weights(), strict=True):
        assert np.array_equal(copy, live)
        copy += 1.0  # a copy: the model is not touched
    assert not np.array_equal(snaps[0].weights[0], model.get_weights()[0])
    with pytest.raises(ValueError, match="next_word_ko"):
        recipe("next_word_xx")


def test_user_model_round_trip_private_and_checked(private_state: Path) -> None:
    lab = NextWordLab.shipped("en")
    assert user_models.load_weights("next_word_en", lab.model) is None
    weights = [w + 0.5 for w in lab.model.get_weights()]
    lab.model.set_weights(weights)
    path = user_models.save("next_word_en", lab.model, {"epochs": 1})
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    fresh = NextWordLab.shipped("en")
    kept = user_models.load_weights("next_word_en", fresh.model)
    assert kept is not None
    assert all(np.array_equal(a, b) for a, b in zip(kept, weights, strict=True))
    other = NextWordLab.shipped("ko")  # another vocabulary: other shapes, so ignored
    assert user_models.load_weights("next_word_en", other.model) is None
    path.write_text("{not json", "utf-8")  # damaged: ignored (and moved aside), never raised
    assert user_models.load_weights("next_word_en", fresh.model) is None
    user_models.reset("next_word_en")
    assert not path.exists() and not user_models.exists("next_word_en")
    with pytest.raises(ValueError):
        user_models.path_for("../escape")


def test_remember_scale_bounds_the_simple_rnn_gradient() -> None:
    lab = RememberLab(RememberConfig())
    lab.set_scale(0.5)
    norms = lab.untrained_grad_norms("simple_rnn", 12)
    assert len(norms) == 12
    # each step back multiplies by U (norm 0.5: scaled orthogonal) and tanh' <= 1
    assert norms[0] <= 0.5**11 * norms[-1] * (1 + 1e-9)
    lab.results = ["old"]  # type: ignore[list-item]
    lab.set_scale(1.0)
    assert lab.results == [] and lab.config.recurrent_scale == 1.0
    with pytest.raises(ValueError):
        lab.set_scale(0.0)


def test_speed_counts_without_timing() -> None:
    view = SpeedLab(input_dim=16, units=32).view(repeats=0)
    rows = {r.cell: r for r in view.rows}
    assert rows["lstm"].params == 4 * (16 * 32 + 32 * 32 + 32) == param_count("lstm", 16, 32)
    assert rows["gru"].params == 3 * (16 * 32 + 32 * 32 + 2 * 32)
    assert all(math.isnan(r.ms_per_train_step) for r in view.rows)


def test_chart_places_points_and_marks_overlaps() -> None:
    lines = chart_lines(
        [Series("*", "loss", [3.0, 2.0, 1.0]), Series("o", "val", [3.0, 2.5, 2.0])], rows=5
    )
    grid = [line.split("|", 1)[1] for line in lines[:5]]
    assert grid[0][0] == "+"  # both start at the top: the overlap marker
    assert grid[4][2] == "*"  # loss ends at the bottom (its minimum, 1.0)
    assert grid[2][2] == "o"  # val ends half way: (3 - 2) / (3 - 1) of 4 rows down
    assert "3" in lines[0] and "1" in lines[4]
    assert lines[-1].startswith("* loss  o val  + both")
    assert all(ord(c) < 128 for line in lines for c in line)
    log = chart_lines([Series("S", "s", [1e-6, 1e-3, 1.0])], rows=7, log=True)
    cols = [line.split("|", 1)[1] for line in log[:7]]
    assert [c.rstrip()[-1:] for c in cols if c.strip()] and cols[3][1] == "S"  # 1e-3 mid-way
    assert progress_line(10, 20, width=10) == "[#####.....]  10/20"
