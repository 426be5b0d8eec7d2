"""Sequential: a stack of layers with Keras' shape checks, ``summary()`` and training
(``compile`` / ``fit`` / ``train_on_batch`` / ``evaluate`` / ``predict``, see ``training``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from rnntui.nn.backprop import stack_forward
from rnntui.nn.layer import Layer, Shape, format_shape
from rnntui.nn.training import TrainingMixin


class StackError(ValueError):
    """A layer cannot take the output of the layer below (Keras' message plus a hint)."""

    def __init__(self, keras_message: str, hint: str, layer_index: int, hint_ko: str = "") -> None:
        super().__init__(f"{keras_message}\n{hint}")
        self.keras_message = keras_message
        self.hint = hint
        self.hint_ko = hint_ko or hint
        """The hint in Korean (``hint`` is English)."""
        self.layer_index = layer_index


@dataclass(frozen=True)
class SummaryRow:
    """One row of ``model.summary()``."""

    name: str
    class_name: str
    output_shape: Any
    params: int

    @property
    def shape_text(self) -> str:
        """The output shape as Keras prints it."""
        return format_shape(self.output_shape)


@dataclass(frozen=True)
class ModelSummary:
    """What ``model.summary()`` shows: rows and the total parameter count."""

    rows: tuple[SummaryRow, ...]
    total_params: int


def _unique_names(layers: Sequence[Layer]) -> None:
    """Give repeated default names Keras-style suffixes: lstm, lstm_1, lstm_2 ..."""
    seen: dict[str, int] = {}
    for layer in layers:
        for item in (*layer.inner_layers(), layer):
            base = item.name
            if base in seen:
                seen[base] += 1
                item.name = f"{base}_{seen[base]}"
            else:
                seen[base] = 0


class Sequential(TrainingMixin):
    """Keras ``Sequential([...])`` with an input shape, e.g. ``(None, 20)`` or ``(None, 20, 8)``.

    ``seed`` seeds ``fit``'s shuffling (the layers' own seeds fix weights and dropout masks).
    """

    def __init__(
        self,
        layers: Sequence[Layer],
        input_shape: Shape | None = None,
        draw_weights: bool = True,
        seed: int | None = None,
    ) -> None:
        self.seed = seed
        self.layers = list(layers)
        for layer in self.layers:
            layer.draw_weights = draw_weights
        _unique_names(self.layers)
        self.input_shape = tuple(input_shape) if input_shape is not None else None
        self.shapes: list[Any] = []
        if self.input_shape is not None:
            self.build(self.input_shape)

    def build(self, input_shape: Shape) -> None:
        """Build every layer in turn; raise ``StackError`` if a layer rejects its input."""
        shape: Any = tuple(input_shape)
        self.shapes = []
        for k, layer in enumerate(self.layers):
            if isinstance(shape, list):
                shape = shape[0]
            try:
                layer.build(shape)
            except ValueError as err:
                hints = self._hint(k, shape), self._hint(k, shape, "ko")
                raise StackError(str(err), hints[0], k, hint_ko=hints[1]) from None
            shape = layer.compute_output_shape(shape)
            self.shapes.append(shape)
        self.input_shape = tuple(input_shape)

    def _hint(self, k: int, shape: Shape, lang: str = "en") -> str:
        ko = lang == "ko"
        below = self.layers[k - 1] if k > 0 else None
        if below is not None and below.return_sequences is False:
            if ko:
                return (
                    f"도움말: 아래 층('{below.name}')에 return_sequences=True를 설정하면 마지막 "
                    "스텝만이 아니라 모든 스텝 (None, T, n)을 넘겨줍니다."
                )
            return (
                f"Hint: set return_sequences=True on the layer below ('{below.name}') so it "
                f"passes every time step (None, T, units), not only the last one."
            )
        if len(shape) == 2 and (below is None or not below.takes_ids):
            if ko:
                return (
                    "도움말: 순환층에는 (배치, 시간, 특성) 입력이 필요합니다. "
                    "Input(T, D)를 쓰거나 Embedding을 추가하세요."
                )
            return (
                "Hint: recurrent layers need (batch, time, features): "
                "use Input(T, D) or add an Embedding."
            )
        if ko:
            return "도움말: 아래 층의 출력 모양을 확인하세요."
        return "Hint: check the output shape of the layer below."

    @property
    def output_shape(self) -> Any:
        """Output shape of the last layer."""
        if not self.shapes:
            raise ValueError("The model is not built: give an input shape")
        return self.shapes[-1]

    def count_params(self) -> int:
        """Total number of weights."""
        return sum(layer.count_params() for layer in self.layers)

    def summary(self) -> ModelSummary:
        """Rows (name, class, output shape, params) and the total, as Keras prints them."""
        rows = tuple(
            SummaryRow(layer.name, type(layer).__name__, shape, layer.count_params())
            for layer, shape in zip(self.layers, self.shapes, strict=True)
        )
        return ModelSummary(rows=rows, total_params=sum(r.params for r in rows))

    def get_weights(self) -> list[np.ndarray]:
        """All weights, layer by layer, in Keras order."""
        return [w for layer in self.layers for w in layer.get_weights()]

    def set_weights(self, weights: Sequence[Any]) -> None:
        """Replace all weights, layer by layer, in Keras order (as ``get_weights()``)."""
        counts = [len(layer.get_weights()) for layer in self.layers]
        if len(weights) != sum(counts):
            raise ValueError(
                f"The model has {sum(counts)} weight arrays, but received {len(weights)}"
            )
        start = 0
        for layer, n in zip(self.layers, counts, strict=True):
            if n:
                layer.set_weights(list(weights[start : start + n]))
            start += n

    def __call__(self, inputs: npt.ArrayLike, training: bool = False) -> Any:
        """Run the stack; an Embedding with mask_zero passes its mask to the next layers."""
        return stack_forward(self.layers, inputs, training, keep_tapes=False).output
