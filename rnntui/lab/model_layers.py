"""Recurrent labs that run one layer of a loaded model: the lessons' labs on the file's layer.

``layer_lab(layer, seq, on_text)`` returns a ``SimpleRNNLab`` / ``LSTMLab`` / ``GRULab``
subclass that builds its engine layer from the file's layer configuration (activation,
use_bias, reset_after), always forward over the sequence it is given (a ``go_backwards`` layer
gets its input already reversed: the lab's steps are in processing order), with the file's
weights. ``reset()`` comes back to the model's input and weights, and a sequence typed in the
lesson panel's own field goes to ``on_text`` (the model lab runs the whole model on it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from rnntui.lab.gru import GRULab
from rnntui.lab.lstm import LSTMLab
from rnntui.lab.recurrent import RecurrentLab
from rnntui.lab.sequence import InputSequence
from rnntui.lab.simple_rnn import SimpleRNNLab
from rnntui.lab.spec import Spec
from rnntui.nn import GRU, LSTM, RNNLayer, SimpleRNN

MODEL_MAX_UNITS = 1024
"""Widest layer shown step by step (the lessons' labs stop at 64 units)."""


class DeeperInput(ValueError):
    """The layer's input is the output of the layer below: type the model's input instead."""


def widened(spec: Spec) -> Spec:
    """``spec`` with ``units`` up to :data:`MODEL_MAX_UNITS`."""
    return Spec(
        *(replace(s, hi=MODEL_MAX_UNITS) if name == "units" else s for name, s in spec.items())
    )


class _FromModel(RecurrentLab):
    """What the three model-layer labs add to a lesson lab (put before it in the bases)."""

    source: RNNLayer
    model_seq: InputSequence
    on_text: Callable[[str], None] | None
    model_lab: Any = None
    """The ``ModelLab`` whose layer this is (set by ``ModelLab.lab_for``), or None."""
    choice: Any = None
    """The ``LayerChoice`` it shows (set with ``model_lab``)."""

    def __init__(
        self, source: RNNLayer, seq: InputSequence, on_text: Callable[[str], None] | None = None
    ) -> None:
        self.source, self.model_seq, self.on_text = source, seq, on_text
        super().__init__(self.preset_for(source))
        self.apply_model()

    @classmethod
    def preset_for(cls, source: RNNLayer) -> dict[str, Any] | None:
        """The lesson lab's preset for this layer (the defaults unless a lab needs more)."""
        return None

    def make_layer(self, units: int, seed: int) -> RNNLayer:
        """The file's layer configuration, forward, every step returned, no dropout."""
        config: dict[str, Any] = {
            **self.source.get_config(),
            "units": units,
            "seed": seed,
            "return_sequences": True,
            "return_state": False,
            "go_backwards": False,
            "dropout": 0.0,
            "recurrent_dropout": 0.0,
        }
        layer = type(self.source)(**config)
        layer.name = self.source.name
        return layer

    def apply_model(self) -> None:
        """Put the model's input sequence and the file's weights in (again)."""
        self.set_sequence(self.model_seq)
        self.set_weights(self.source.get_weights())

    def use_model_sequence(self, seq: InputSequence) -> None:
        """A new input from the model (the student typed a new sentence)."""
        self.model_seq = seq
        self.set_sequence(seq)

    def reset(self) -> None:
        """Back to the model's input and weights (forcing, edits and the selection cleared)."""
        super().reset()
        self.apply_model()

    def set_text(self, text: str) -> None:
        """A sequence typed in the panel: the model's new input (for the first layer)."""
        if self.on_text is None:
            raise DeeperInput(
                "this layer reads the layer below; type the model's input in the field "
                "at the top / 이 층은 아래 층의 출력을 읽습니다. 맨 위 칸에 입력하세요"
            )
        self.on_text(text)


class ModelSimpleRNNLab(_FromModel, SimpleRNNLab):
    """A loaded model's SimpleRNN layer in the SimpleRNN lab."""

    SPEC = widened(SimpleRNNLab.SPEC)


class ModelLSTMLab(_FromModel, LSTMLab):
    """A loaded model's LSTM layer in the LSTM lab."""

    SPEC = widened(LSTMLab.SPEC)


class ModelGRULab(_FromModel, GRULab):
    """A loaded model's GRU layer in the GRU lab (its own ``reset_after``)."""

    SPEC = widened(GRULab.SPEC)

    @classmethod
    def preset_for(cls, source: RNNLayer) -> dict[str, Any] | None:
        return {"reset_after": bool(getattr(source, "reset_after", True))}


def is_model_layer_lab(lab: object) -> bool:
    """``lab`` runs one layer of a loaded model (a subclass of a lesson lab)."""
    return isinstance(lab, _FromModel)


ModelLayerLab = ModelSimpleRNNLab | ModelLSTMLab | ModelGRULab
"""A recurrent lab on a model's layer."""

LABS: dict[type[RNNLayer], type[ModelLayerLab]] = {
    SimpleRNN: ModelSimpleRNNLab,
    LSTM: ModelLSTMLab,
    GRU: ModelGRULab,
}
"""Engine layer class -> the lab that shows it."""


def layer_lab(
    source: RNNLayer, seq: InputSequence, on_text: Callable[[str], None] | None = None
) -> ModelLayerLab:
    """The lab for one recurrent layer of a model, on ``seq`` (in processing order)."""
    return LABS[type(source)](source, seq, on_text)
