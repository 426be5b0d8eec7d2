"""Where each layer's weights sit in a weights file, in ``get_weights()`` order.

Keras 3 (``model.weights.h5`` in a ``.keras`` zip, or ``save_weights("x.weights.h5")``):
``layers/<snake_case class name>[_n]/vars/<i>``, with ``cell/vars`` for a recurrent layer and
``forward_layer/cell/vars``, ``backward_layer/cell/vars`` for Bidirectional. Legacy HDF5
(``model.save("m.h5")`` and tf.keras ``save_weights``): one group per layer name, listing its
datasets in the ``weight_names`` attribute.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from rnntui.nn.bidirectional import Bidirectional
from rnntui.nn.layer import Layer
from rnntui.nn.loading.errors import MAX_LAYERS, LoadError
from rnntui.nn.loading.h5 import H5Reader
from rnntui.nn.recurrent import RNNLayer


def keras_snake(name: str) -> str:
    """Keras' ``to_snake_case``: ``GlobalAveragePooling1D`` -> ``global_average_pooling1d``."""
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


def keras3_paths(class_names: Sequence[str]) -> list[str]:
    """``layers/lstm``, ``layers/lstm_1`` ...: the group of each layer, numbered as Keras does."""
    used: dict[str, int] = {}
    out = []
    for cls in class_names:
        base = keras_snake(cls)
        if base in used:
            used[base] += 1
            out.append(f"layers/{base}_{used[base]}")
        else:
            used[base] = 0
            out.append(f"layers/{base}")
    return out


def _var_groups(layer: Layer, path: str) -> list[str]:
    if isinstance(layer, Bidirectional):
        return [f"{path}/forward_layer/cell/vars", f"{path}/backward_layer/cell/vars"]
    if isinstance(layer, RNNLayer):
        return [f"{path}/cell/vars"]
    return [f"{path}/vars"]


def _labels(layer: Layer) -> list[str]:
    if isinstance(layer, Bidirectional):
        inner = layer.forward_layer.weight_names()
        return [f"forward {n}" for n in inner] + [f"backward {n}" for n in inner]
    return layer.weight_names()


def read_keras3(
    reader: H5Reader, layers: Sequence[Layer], paths: Sequence[str]
) -> list[np.ndarray]:
    """Every built layer's weights from a Keras 3 weights file, in ``get_weights()`` order."""
    out: list[np.ndarray] = []
    for layer, path in zip(layers, paths, strict=True):
        expected = [w.shape for w in layer.get_weights()]
        if not expected:
            continue
        groups = _var_groups(layer, path)
        per_group = len(expected) // len(groups)
        labels = _labels(layer)
        for g, group in enumerate(groups):
            for i in range(per_group):
                k = g * per_group + i
                label = f"{labels[k]} of layer {layer.name!r}"
                out.append(reader.array(f"{group}/{i}", expected[k], label))
        extra = f"{groups[-1]}/{per_group}"
        if reader.node(extra) is not None:
            raise LoadError("extra_weights", where=reader.where, layer=layer.name)
    return out


def _text(value: object) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def legacy_groups(reader: H5Reader, root: str) -> list[tuple[str, list[str]]]:
    """(layer group, its weight dataset names) for each layer listed in ``layer_names``."""
    names = reader.attr(root, "layer_names")
    if names is None:
        raise LoadError("no_layer_names", where=reader.where)
    if len(names) > MAX_LAYERS:
        raise LoadError("lists_too_many", where=reader.where, limit=MAX_LAYERS)
    out = []
    for raw in list(names):
        group = f"{root}/{_text(raw)}".lstrip("/")
        weight_names = reader.attr(group, "weight_names")
        listed = [] if weight_names is None else [_text(n) for n in list(weight_names)]
        out.append((group, listed))
    return out


def read_legacy(
    reader: H5Reader, layers: Sequence[Layer], root: str, by_name: bool
) -> list[np.ndarray]:
    """Weights from a legacy HDF5 file: by layer name (a full model), else by order."""
    groups = legacy_groups(reader, root)
    weighted = [layer for layer in layers if layer.get_weights()]
    if by_name:
        found = {g.rsplit("/", 1)[-1]: (g, w) for g, w in groups}
        missing = [layer.name for layer in weighted if layer.name not in found]
        if missing:
            raise LoadError("no_weights_for", where=reader.where, layer=missing[0])
        pairs = [(layer, *found[layer.name]) for layer in weighted]
    else:
        stored = [(g, w) for g, w in groups if w]
        if len(stored) != len(weighted):
            raise LoadError(
                "weighted_count", where=reader.where, stored=len(stored), needed=len(weighted)
            )
        pairs = [(layer, g, w) for layer, (g, w) in zip(weighted, stored, strict=True)]
    out: list[np.ndarray] = []
    for layer, group, names in pairs:
        expected = [w.shape for w in layer.get_weights()]
        if len(names) != len(expected):
            raise LoadError(
                "weight_count",
                where=reader.where,
                layer=layer.name,
                stored=len(names),
                needed=len(expected),
            )
        for name, shape, label in zip(names, expected, _labels(layer), strict=True):
            out.append(reader.array(f"{group}/{name}", shape, f"{label} of layer {layer.name!r}"))
    return out
