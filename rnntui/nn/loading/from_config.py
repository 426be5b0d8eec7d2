"""A parsed model config -> a built ``LoadedModel`` (zero weights) and its layers' classes."""

from __future__ import annotations

from typing import Any

from rnntui.nn.layer import Layer
from rnntui.nn.loading.build import LoadedModel, build_model, plan
from rnntui.nn.loading.config import ModelConfig, model_config
from rnntui.nn.loading.layers import (
    Unsupported,
    class_of,
    clean_name,
    config_of,
    layer_from_entry,
)


def model_from_config(top: Any) -> tuple[LoadedModel, ModelConfig]:
    """Build the model ``top`` (a config JSON object) describes.

    An unsupported layer raises ``LoadError`` naming it, with ``partial`` summarising the
    layers before it.
    """
    config = model_config(top)
    layers: list[Layer] = []
    weighted_entries = [e for e in config.entries if class_of(e) != "InputLayer"]
    for entry in weighted_entries:
        try:
            layers.append(layer_from_entry(entry))
        except Unsupported as err:
            err.partial = plan(layers, config.input_shape) if layers else None
            raise
    model = build_model(layers, config.input_shape)
    model.model_name = config.name
    model.text_setup = config.text
    model.dtype_policy = _policy(weighted_entries)
    model.frozen = tuple(
        layer.name
        for layer, entry in zip(layers, weighted_entries, strict=True)
        if config_of(entry).get("trainable", True) is False or config.trainable is False
    )
    return model, config


def _policy(entries: list[dict[str, Any]]) -> str | None:
    """The dtype policy name of the first layer: ``"float32"`` or ``{"config": {"name": ...}}``."""
    for entry in entries[:1]:
        value = config_of(entry).get("dtype")
        if isinstance(value, dict):
            value = (
                value.get("config", {}).get("name")
                if isinstance(value.get("config"), dict)
                else None
            )
        if isinstance(value, str):
            return clean_name(value, "?")
    return None


def weight_paths(config: ModelConfig) -> list[str]:
    """The Keras 3 weight group of each engine layer (InputLayer counted in a functional model)."""
    from rnntui.nn.loading.weights import keras3_paths

    classes = [class_of(e) for e in config.entries]
    paths = keras3_paths(classes)
    return [p for p, c in zip(paths, classes, strict=True) if c != "InputLayer"]
