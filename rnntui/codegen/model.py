"""Code for a layer of the student's own model (the model screen's layer panel).

Keras 3, for a ``.keras`` or ``.h5`` file: the script loads THE FILE with
``keras.saving.load_model``, runs the model on the same input and checks its output against
the numbers rnntui showed, then takes the chosen layer's input as Keras computes it and runs
that layer (every step returned) to check the h of every step the panel shows. The panel's
what-if changes (forcing, an edited state or x_t, edited weights) are not in the file: the
script then checks the layer as saved, and says so.

PyTorch cannot read a Keras file, and a weights file read with ``--spec`` has no model Keras
could load: those scripts say so and rebuild the shown layer alone, with the file's weights
copied in as numbers, as the lesson panels' scripts do (``recurrent``). A layer too large to
copy as numbers gets a script that says why instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from rnntui.codegen import recurrent
from rnntui.codegen.emit import MATCH_LINE, Script, int_literal, literal, rows

MAX_LITERAL_WEIGHTS = 20_000
"""Largest layer (weights) copied into a script as numbers."""
KERAS_FORMATS = ("keras", "h5")
"""Files ``keras.saving.load_model`` reads."""
INPUT = "keras.layers.InputLayer"
SKIPPED = "(keras.layers.InputLayer, keras.layers.TextVectorization)"
"""The layers a script's chain does not call (the ids are given to the layers after them)."""


def generate(lab: Any, script: Script) -> None:
    """Append the script for the model layer ``lab`` shows to ``script``."""
    model = lab.model_lab.model
    if script.keras and model.source_format in KERAS_FORMATS:
        _keras_file(lab, script)
        return
    if script.keras:
        why = (
            f"This model was read from {model.source_format} weights with --spec: there is no "
            "model file Keras could load,\nso this script does not load it.",
            f"이 모델은 --spec과 {model.source_format} 가중치로 읽었습니다. Keras가 불러올 "
            "모델 파일이 없어서\n이 스크립트는 파일을 불러오지 않습니다.",
        )
    else:
        why = (
            "PyTorch cannot read a Keras model file, so this script does not load it.",
            "PyTorch는 Keras 모델 파일을 읽지 못하므로 이 스크립트는 파일을 불러오지 않습니다.",
        )
    size = sum(int(np.size(w)) for w in lab.engine_layer().get_weights())
    if size > MAX_LITERAL_WEIGHTS:
        _refusal(lab, script, why, size)
        return
    script.comment(*why)
    script.comment(
        "It rebuilds the shown layer alone, with your file's weights copied in as numbers, on\n"
        "the input that layer reads in rnntui (as the lesson panels' scripts do).",
        "화면의 층 하나만, 파일의 가중치를 숫자로 옮겨 적어 다시 만들고, rnntui에서 그 층이\n"
        "읽는 입력으로 계산합니다 (레슨 패널의 스크립트와 같은 방식).",
    )
    script.blank()
    recurrent.generate(lab, script)


def _refusal(lab: Any, script: Script, why: tuple[str, str], size: int) -> None:
    """A script that only says why there is no code for this layer."""
    en = (
        f"{why[0]}\nLayer {lab.choice.name!r} has {size:,} weights, more than the "
        f"{MAX_LITERAL_WEIGHTS:,} rnntui copies into a script as numbers: no script for it."
    )
    ko = (
        f"{why[1]}\n층 {lab.choice.name!r}의 가중치는 {size:,}개로, rnntui가 스크립트에 "
        f"숫자로 옮기는 {MAX_LITERAL_WEIGHTS:,}개를 넘습니다. 이 층의 스크립트는 없습니다."
    )
    script.comment(en, ko)
    script.add(f"print({script.words(en, ko)!r})")


def _changed(lab: Any) -> bool:
    """The panel shows a what-if (forcing, an edited state, x_t or weight) of the layer."""
    if lab.forces or lab.edit is not None:
        return True
    if lab.seq is not lab.model_seq and not np.array_equal(lab.seq.x, lab.model_seq.x):
        return True
    mine, saved = lab.engine_layer().get_weights(), lab.source.get_weights()
    return len(mine) != len(saved) or any(
        a.shape != b.shape or not np.array_equal(a, b) for a, b in zip(mine, saved, strict=True)
    )


def _saved_h(lab: Any) -> np.ndarray:
    """The (T, units) h of every step of the layer as saved, on the model's input."""
    changed = _changed(lab)
    if changed:
        from rnntui.lab.model_layers import layer_lab

        lab = layer_lab(lab.source, lab.model_seq)
    return rows(lab.view("en").grid_h)


def _keras_file(lab: Any, s: Script) -> None:
    """The Keras script that loads the student's file."""
    owner, choice = lab.model_lab, lab.choice
    model = owner.model
    path = str(Path(model.source_path).resolve())
    atol = 1e-5 if model.computed_in_float64 else 1e-6
    assert owner.x is not None and owner.output is not None
    x = owner.x
    x_text = int_literal(x) if np.issubdtype(x.dtype, np.integer) else literal(x)
    s.comment(
        f"rnntui: layer {choice.name!r} of your model -- checked in Keras 3 on your own file.",
        f"rnntui: 내 모델의 층 {choice.name!r} -- 내 파일로 Keras 3에서 확인합니다.",
    )
    s.comment(
        "Run it: python this_file.py (the model file must be at PATH).\n"
        "It ends by checking Keras' numbers against the ones rnntui showed.",
        "실행: python 이_파일.py (모델 파일이 PATH에 있어야 합니다).\n"
        "마지막에 Keras의 숫자가 rnntui가 보여 준 숫자와 같은지 확인합니다.",
    )
    s.add("import os", "")
    s.add('os.environ.setdefault("KERAS_BACKEND", "torch")', "")
    s.add("import keras", "import numpy as np", "")
    if model.computed_in_float64:
        s.comment(
            f"The file's weights are {model.source_dtype}: Keras computes in that precision,\n"
            "rnntui in float64, hence the tolerance.",
            f"파일의 가중치는 {model.source_dtype}입니다. Keras는 그 정밀도로, rnntui는 "
            "float64로 계산하므로\n허용 오차를 둡니다.",
        )
    s.add(f"ATOL = {atol!r}", f"PATH = {path!r}", "")
    text_layer = model.text_setup is not None
    if text_layer:
        s.comment(
            "Your model starts with a TextVectorization layer: Keras needs TensorFlow installed\n"
            "to load it. It turns a sentence into the ids below; the layers after it read them.",
            "이 모델은 TextVectorization 층으로 시작합니다. Keras가 이 층을 불러오려면\n"
            "TensorFlow가 설치되어 있어야 합니다. 이 층이 문장을 아래 id로 바꾸고, 그 다음\n"
            "층들이 id를 읽습니다.",
        )
    s.add("model = keras.saving.load_model(PATH, compile=False)")
    s.comment(
        f"Your input, as the model reads it: {owner.tokens_text(s.lang)}",
        f"모델이 읽는 내 입력: {owner.tokens_text(s.lang)}",
    )
    s.add(f"x = {x_text}", "")
    s.shown(
        "shown_output",
        owner.output,
        "The model's output rnntui showed:",
        "rnntui가 보여 준 모델의 출력:",
    )
    s.add(
        "def run(upto=None):",
        "    # a plain chain: each layer reads the output of the one before",
        "    out = x",
        "    for below in model.layers:",
        "        if below is upto:",
        "            break",
        f"        if not isinstance(below, {SKIPPED if text_layer else INPUT}):",
        "            out = below(out)",
        "    return keras.ops.convert_to_numpy(out)",
        "",
    )
    s.add("output = run()[0]" if text_layer else "output = keras.ops.convert_to_numpy(model(x))[0]")
    s.check("output", "shown_output", "Keras gives the same output:", "Keras도 같은 출력입니다:")
    s.blank()
    s.comment(
        f"The input of layer {choice.name!r}, as Keras computes it from x:",
        f"층 {choice.name!r}의 입력 (Keras가 x에서 계산):",
    )
    s.add(f"layer = model.get_layer({choice.name!r})", "seq = run(upto=layer)")
    half = "layer"
    if choice.direction:
        half = f"layer.{choice.direction}_layer"
        s.comment(
            f"The {choice.direction} half of the Bidirectional layer:",
            f"Bidirectional 층의 {'순방향' if choice.direction == 'forward' else '역방향'} 절반:",
        )
    s.add(f"half = {half}")
    if lab.source.go_backwards:
        s.comment(
            "It runs from the last step to the first: reversed here, so its steps are in\n"
            "processing order, as in the panel.",
            "마지막 스텝부터 처음으로 진행합니다. 여기서 뒤집어 패널처럼 처리 순서로 놓습니다.",
        )
        s.add("seq = seq[:, ::-1]")
    s.comment(
        "The same layer with the same weights, returning every step's h (return_sequences):",
        "같은 가중치의 같은 층이 모든 스텝의 h를 돌려주게 합니다 (return_sequences):",
    )
    s.add(
        "config = {**half.get_config(), 'return_sequences': True, 'return_state': False,",
        "          'go_backwards': False, 'dropout': 0.0, 'recurrent_dropout': 0.0}",
        "every_step = type(half).from_config(config)",
        "every_step.build(seq.shape)",
        "every_step.set_weights(half.get_weights())",
        "h = keras.ops.convert_to_numpy(every_step(seq))[0]",
        "",
    )
    if _changed(lab):
        s.comment(
            "The panel shows a what-if (forcing, an edited state, x_t or weight): that is not in\n"
            "your file, so the numbers below are the layer as saved, computed by rnntui.",
            "패널에는 가정 실험(게이트 고정, 바꾼 상태, x_t 또는 가중치)이 있습니다. 파일에는\n"
            "없으므로 아래 숫자는 저장된 그대로의 층을 rnntui가 계산한 값입니다.",
        )
    s.shown(
        "shown_h",
        _saved_h(lab),
        "h of every step (rows: steps, columns: units), as rnntui showed it:",
        "스텝마다의 h (행: 스텝, 열: 유닛), rnntui가 보여 준 값:",
    )
    s.add('print("h at the last step:", np.round(h[-1], 4))')
    s.check("h", "shown_h", "Keras computes the same h:", "Keras도 같은 h를 계산합니다:")
    s.blank()
    s.add(f'print("{MATCH_LINE}")')
