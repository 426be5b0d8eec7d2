"""Engine layers + input shape -> a built ``LoadedModel``, counted before anything is allocated."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from rnntui.nn.layer import Layer, Shape
from rnntui.nn.loading.errors import MAX_PARAMS, LoadError
from rnntui.nn.sequential import ModelSummary, Sequential, StackError, SummaryRow

if TYPE_CHECKING:
    from rnntui.nn.loading.text_vectorization import TextSetup
    from rnntui.nn.loading.vocab import Vocabulary


class LoadedModel(Sequential):
    """A ``Sequential`` read from a file, with where it came from.

    ``source_dtype``: the stored weights' dtype (``"float32"``, ``"float64"``, or several
    joined by ``"+"``); the engine always computes in float64. ``source_format``: ``"keras"``,
    ``"h5"``, ``"weights.h5"`` or ``"npz"``. ``source_path``: the file. ``model_name``: the
    name in the file. ``keras_version``: as recorded by Keras, or None.
    """

    source_dtype: str = "float64"
    source_format: str = ""
    source_path: str = ""
    model_name: str = "sequential"
    keras_version: str | None = None
    dtype_policy: str | None = None
    """The Keras dtype policy of the layers (``"float32"``, ``"mixed_float16"`` ...), if given:
    Keras computed in that precision, the engine computes in float64."""
    frozen: tuple[str, ...] = ()
    """Names of the layers the file marks ``trainable: false`` (Keras' non-trainable part)."""
    text_setup: TextSetup | None = None
    """The file's TextVectorization in front of the layers (the engine reads its ids)."""
    vocabulary: Vocabulary | None = None
    """The words of that TextVectorization, when the file holds them (assets or config)."""

    def summary(self) -> ModelSummary:
        """As ``Sequential.summary``, with the file's TextVectorization first (0 weights), as
        Keras lists it."""
        summary = super().summary()
        if self.text_setup is None:
            return summary
        row = SummaryRow(
            self.text_setup.name,
            "TextVectorization",
            (None, self.text_setup.sequence_length),
            0,
        )
        return ModelSummary((row, *summary.rows), summary.total_params)

    @property
    def non_trainable_params(self) -> int:
        """Weights in ``frozen`` layers, as Keras' summary counts them."""
        return sum(layer.count_params() for layer in self.layers if layer.name in self.frozen)

    @property
    def computed_in_float64(self) -> bool:
        """True when the file's weights were not float64 (results differ from Keras ~1e-6)."""
        return self.source_dtype != "float64"


def plan(layers: Sequence[Layer], input_shape: Shape) -> ModelSummary:
    """Shapes and parameter counts without allocating (LoadError for an invalid stack)."""
    from rnntui.nn.spec import SpecError, count_params

    shape: Any = input_shape
    rows: list[SummaryRow] = []
    for layer in layers:
        if isinstance(shape, list):
            shape = shape[0]
        try:
            out = layer.compute_output_shape(shape)
            params = count_params(layer, shape)
        except (ValueError, SpecError) as err:
            partial = ModelSummary(tuple(rows), sum(r.params for r in rows))
            raise LoadError(
                "cannot_stack",
                layer=layer.name,
                error=err,
                partial=partial,
                class_name=type(layer).__name__,
            ) from None
        rows.append(SummaryRow(layer.name, type(layer).__name__, out, params))
        shape = out
    return ModelSummary(tuple(rows), sum(r.params for r in rows))


def build_model(layers: Sequence[Layer], input_shape: Shape) -> LoadedModel:
    """The built model with zero weights (LoadError beyond ``MAX_PARAMS`` or if invalid)."""
    summary = plan(layers, input_shape)
    if summary.total_params > MAX_PARAMS:
        raise LoadError(
            "too_many_params", count=summary.total_params, limit=MAX_PARAMS, partial=summary
        )
    names = [layer.name for layer in layers]
    model = LoadedModel(layers, draw_weights=False)
    for layer, name in zip(model.layers, names, strict=True):
        layer.name = name  # the file's names, even where an inner layer's name repeats one
    try:
        model.build(input_shape)
    except StackError as err:
        raise LoadError("stack_error", error=err, partial=summary) from None
    return model


def set_weights(model: LoadedModel, arrays: list[np.ndarray], dtypes: set[str]) -> None:
    """Give the model the file's weights and record their dtype."""
    try:
        model.set_weights(arrays)
    except ValueError as err:
        raise LoadError("weights_misfit", error=err, partial=model.summary()) from None
    model.source_dtype = "+".join(sorted(dtypes)) if dtypes else "float64"
