"""Code for the activation panel: sigmoid and tanh at x, and both curves' samples."""

from __future__ import annotations

import numpy as np

from rnntui.codegen.emit import Script, number
from rnntui.lab.activation import COLUMNS, ActivationLab


def generate(lab: ActivationLab, script: Script) -> None:
    """Append the script for ``lab`` to ``script``."""
    view = lab.view(script.lang)
    s = script
    lo, hi = lab.range
    s.header("the sigmoid / tanh panel", "sigmoid / tanh 패널")
    s.add(f"x = {number(view.x)}")
    s.comment(
        f"The curves: {COLUMNS} samples from {lo:g} to {hi:g} (one per plot column).",
        f"곡선: {lo:g}부터 {hi:g}까지 {COLUMNS}개의 점 (그림의 열마다 하나).",
    )
    s.add(f"xs = np.linspace({number(lo)}, {number(hi)}, {COLUMNS})", "")
    if s.keras:
        s.add(
            "values = np.array([x])",
            "sig = keras.ops.convert_to_numpy(keras.activations.sigmoid(values))[0]",
            "tan = keras.ops.convert_to_numpy(keras.activations.tanh(values))[0]",
            "sig_curve = keras.ops.convert_to_numpy(keras.activations.sigmoid(xs))",
            "tan_curve = keras.ops.convert_to_numpy(keras.activations.tanh(xs))",
        )
    else:
        s.add(
            "values = torch.tensor([x])",
            "sig = torch.sigmoid(values).numpy()[0]",
            "tan = torch.tanh(values).numpy()[0]",
            "sig_curve = torch.sigmoid(torch.from_numpy(xs)).numpy()",
            "tan_curve = torch.tanh(torch.from_numpy(xs)).numpy()",
        )
    s.add('print(f"sigmoid({x:.4f}) = {sig:.4f}   tanh({x:.4f}) = {tan:.4f}")', "")
    curves = {c.name: c.samples for c in view.curves}
    s.shown(
        "shown",
        [view.sigmoid, view.tanh],
        "rnntui's sigmoid(x) and tanh(x).",
        "rnntui가 계산한 sigmoid(x)와 tanh(x).",
    )
    s.shown(
        "shown_curves",
        np.array([curves["sigmoid"], curves["tanh"]]),
        "rnntui's curve samples (sigmoid row, tanh row).",
        "rnntui의 곡선 점 (sigmoid 행, tanh 행).",
    )
    s.blank()
    s.check("np.array([sig, tan])", "shown", "The values match.", "값이 같습니다.")
    s.check(
        "np.array([sig_curve, tan_curve])", "shown_curves", "The curves match.", "곡선이 같습니다."
    )
    s.footer()
