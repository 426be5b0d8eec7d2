"""Units and dropout: on a small training set the large model's train/validation gap opens,
and dropout narrows it (seeded, small: a few hundred milliseconds per run)."""

from __future__ import annotations

import threading

import pytest

from rnntui.demos.overfit import OverfitLab, Variant
from rnntui.demos.runner import EpochReport


@pytest.fixture(scope="module")
def lab() -> OverfitLab:
    return OverfitLab("en", train_sentences=40, epochs=10, learning_rate=0.03)


def test_more_units_fit_the_training_set_and_open_the_gap(lab: OverfitLab) -> None:
    small = lab.run(Variant(units=4))
    large = lab.run(Variant(units=48))
    assert len(small.loss) == len(large.val_loss) == 10
    assert large.loss[-1] < small.loss[-1] - 0.5
    assert large.gap > small.gap + 0.5


def test_dropout_narrows_the_gap(lab: OverfitLab) -> None:
    plain = lab.run(Variant(units=48))
    both = lab.run(Variant(units=48, dropout=0.5, recurrent_dropout=0.5))
    assert both.loss[-1] > plain.loss[-1]  # harder to learn by heart
    assert both.gap < plain.gap - 0.2
    assert both.val_loss[-1] < plain.val_loss[-1]  # at the end of the run
    labels = [c.variant.label for c in lab.view().curves]
    assert "units=48 dropout=0.5 recurrent_dropout=0.5" in labels
    assert len(labels) == len(set(labels))


def test_cancel_keeps_the_curves_so_far(lab: OverfitLab) -> None:
    cancel = threading.Event()

    def stop_at_3(report: EpochReport) -> None:
        if report.epoch == 3:
            cancel.set()

    finished = lab.run(Variant(units=8))
    curves = lab.run(Variant(units=8), on_epoch=stop_at_3, cancel=cancel)
    assert curves.cancelled and len(curves.loss) == len(curves.val_loss) == 3
    kept = [c for c in lab.view().curves if c.variant == Variant(units=8)]
    assert kept == [finished]  # the cancelled run did not replace the finished one
