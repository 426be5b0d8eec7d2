"""Remembering across time: the task, seeded training, and the gradient per step.

The claims tested are the robust ones: the task is learnable at a short T by every cell, the
results are reproducible, and a SimpleRNN's gradient through time shrinks at least as fast as
the norm of U per step (a bound, so the test cannot flake). Which cell wins at a long T depends
on sizes and training length; the lab measures it, the tests do not assert it.
"""

from __future__ import annotations

import numpy as np
import pytest

from rnntui.demos.remember import (
    RememberConfig,
    RememberLab,
    build_remember_model,
    grad_norms,
    make_task,
)

TINY = RememberConfig(samples=128, held_out=64, epochs=8, units=6, embed_dim=6)


def test_the_label_is_the_first_token() -> None:
    x, y = make_task(7, 50, TINY, seed=1)
    assert x.shape == (50, 7)
    assert (x[:, 0] == y + 1).all()
    assert (x[:, 1:] > TINY.classes).all() and (x < TINY.vocab).all()
    with pytest.raises(ValueError):
        make_task(0, 5, TINY, seed=1)


@pytest.mark.parametrize("cell", ["simple_rnn", "lstm", "gru"])
def test_every_cell_learns_a_short_sequence(cell: str) -> None:
    lab = RememberLab(TINY)
    result = lab.run(cell, 3)
    assert result.accuracy >= 0.95
    assert result.losses[-1] < result.losses[0]
    assert len(result.grad_norms_after) == 3 and not result.cancelled


def test_runs_are_reproducible_and_collected_in_the_view() -> None:
    a = RememberLab(TINY).run("gru", 4)
    lab = RememberLab(TINY)
    b = lab.run("gru", 4)
    assert a == b
    lab.run("simple_rnn", 4)
    view = lab.view()
    assert view.chance == 0.5
    assert set(view.accuracy_table()) == {"GRU", "SimpleRNN"}
    lab.run("gru", 4)
    assert len(lab.view().results) == 2  # a rerun replaces the earlier result


def test_simple_rnn_gradient_vanishes_with_a_small_u() -> None:
    length = 20
    small = RememberConfig(recurrent_scale=0.5)
    x, y = make_task(length, 32, small, seed=3)
    norms = np.array(grad_norms(build_remember_model("simple_rnn", small), x, y))
    assert norms[0] / norms[-1] <= 0.5 ** (length - 1) * (1 + 1e-9)
    assert (np.diff(norms) > 0).all()  # each step back is smaller
    keras = np.array(grad_norms(build_remember_model("simple_rnn", RememberConfig()), x, y))
    assert keras[0] / keras[-1] > 1e3 * norms[0] / norms[-1]


def test_a_cancelled_run_keeps_the_finished_result() -> None:
    import threading

    lab = RememberLab(TINY)
    finished = lab.run("lstm", 3)
    cancel = threading.Event()
    cancelled = lab.run("lstm", 3, on_epoch=lambda r: cancel.set(), cancel=cancel)
    assert cancelled.cancelled and len(cancelled.losses) == 1
    assert lab.view().results == (finished,)
