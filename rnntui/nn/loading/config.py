"""A Keras model config (``config.json`` or HDF5 ``model_config``), read as data only, -> the
input shape and the layer entries in the order data flows (Sequential or a functional chain).

Nothing named in the config is imported or run: class names are looked up in a fixed table.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from rnntui.nn.layer import Shape
from rnntui.nn.loading.errors import (
    MAX_CONFIG_BYTES,
    MAX_LAYERS,
    LoadError,
    mb,
    shown,
)
from rnntui.nn.loading.layers import (
    MAX_UNITS,
    class_of,
    clean_name,
    config_of,
    custom_reason,
    unsupported,
)
from rnntui.nn.loading.text_vectorization import TextSetup, is_text_vectorization, text_setup


@dataclass(frozen=True)
class ModelConfig:
    """What the config describes: ``(None, T)`` or ``(None, T, D)`` and the layer entries.

    ``functional`` tells whether the entries list starts with the InputLayer (Keras names the
    weight groups of a functional model counting it).
    """

    input_shape: Shape
    entries: list[dict[str, Any]]
    functional: bool
    name: str
    trainable: bool = True
    text: TextSetup | None = None
    """The TextVectorization in front of the layers (not among ``entries``), if any."""


def parse_json(data: bytes | str, where: str) -> Any:
    """JSON from a file (LoadError when too large, not JSON, or nested too deeply)."""
    if len(data) > MAX_CONFIG_BYTES:
        raise LoadError("larger_than", where=where, limit=mb(MAX_CONFIG_BYTES))
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError) as err:
        raise LoadError("not_json", where=where, error=err) from None
    except RecursionError:
        raise LoadError("json_too_deep", where=where) from None


def _shape(value: Any, where: str) -> Shape:
    """``(None, T[, D])`` from a batch shape ``[null, T, D]``."""
    ok = isinstance(value, (list, tuple)) and len(value) in (2, 3)
    dims = list(value) if ok else []
    for k, d in enumerate(dims[1:]):
        if d is None and k == 0:
            continue
        if isinstance(d, bool) or not isinstance(d, int) or not 0 < d <= MAX_UNITS:
            ok = False
    if not ok:
        raise LoadError("bad_input_shape", where=where, shape=shown(value), limit=MAX_UNITS)
    return (None, *dims[1:])


def _entry_shape(entry: dict[str, Any]) -> Any:
    config = entry.get("config") if isinstance(entry.get("config"), dict) else {}
    assert isinstance(config, dict)
    for key in ("batch_shape", "batch_input_shape"):
        if config.get(key) is not None:
            return config[key]
    if config.get("input_shape") is not None:
        return [None, *config["input_shape"]]
    return None


def _layers(config: dict[str, Any]) -> list[dict[str, Any]]:
    layers = config.get("layers")
    if not isinstance(layers, list):
        raise LoadError("no_layer_list")
    if len(layers) > MAX_LAYERS:
        raise LoadError("too_many_layers", count=len(layers), limit=MAX_LAYERS)
    for entry in layers:
        class_of(entry)
    return layers


def _sequential(top: dict[str, Any], config: dict[str, Any]) -> ModelConfig:
    entries = _layers(config)
    shape: Any = None
    if entries and class_of(entries[0]) == "InputLayer":
        shape = _entry_shape(entries[0])
        entries = entries[1:]
    elif entries:
        shape = _entry_shape(entries[0])
    text = None
    if entries and is_text_vectorization(entries[0]):  # strings in, its token ids out
        text = text_setup(entries[0])
        entries = entries[1:]
        shape = [None, text.sequence_length]
    if shape is None:
        build = top.get("build_config")
        shape = build.get("input_shape") if isinstance(build, dict) else None
        shape = shape if shape is not None else config.get("build_input_shape")
    if shape is None:
        raise LoadError("no_input_shape")
    name = clean_name(config.get("name"), "sequential")
    trainable = config.get("trainable", True) is not False
    return ModelConfig(_shape(shape, "Sequential"), entries, False, name, trainable, text)


def _histories(value: Any, out: list[tuple[str, int, int]]) -> None:
    """Collect (layer, node, tensor) for every tensor an inbound node reads (Keras 2 and 3)."""
    if isinstance(value, dict):
        if value.get("class_name") == "__keras_tensor__":
            hist = value.get("config", {}).get("keras_history")
            if isinstance(hist, list) and len(hist) == 3 and isinstance(hist[0], str):
                out.append((hist[0], hist[1], hist[2]))
            return
        for item in value.values():
            _histories(item, out)
    elif isinstance(value, list):
        if len(value) in (3, 4) and isinstance(value[0], str) and isinstance(value[1], int):
            out.append((value[0], value[1], value[2]))
            return
        for item in value:
            _histories(item, out)


def _refs(value: Any) -> list[Any]:
    """``input_layers`` / ``output_layers``: one ``[name, 0, 0]`` or a list of them."""
    if isinstance(value, list) and len(value) == 3 and isinstance(value[0], str):
        return [value]
    return list(value) if isinstance(value, list) else []


def _functional(config: dict[str, Any]) -> ModelConfig:
    entries = _layers(config)
    inputs, outputs = _refs(config.get("input_layers")), _refs(config.get("output_layers"))
    names = [clean_name(config_of(e).get("name", e.get("name")), "?") for e in entries]
    by_name = dict(zip(names, entries, strict=True))
    if len(inputs) != 1 or len(outputs) != 1:
        listed = ", ".join(clean_name(r[0] if r else "?", "?") for r in inputs + outputs)
        raise LoadError("many_inputs", inputs=len(inputs), outputs=len(outputs), listed=listed)
    feeds: dict[str, str] = {}
    for name, entry in zip(names, entries, strict=True):
        if class_of(entry) == "InputLayer":
            continue
        nodes = entry.get("inbound_nodes") or []
        reads: list[tuple[str, int, int]] = []
        _histories(nodes, reads)
        if len(nodes) != 1 or len(reads) != 1 or reads[0][1:] != (0, 0):
            raise LoadError(
                "called_often",
                nodes=len(nodes),
                reads=len(reads),
                layer=name,
                class_name=class_of(entry),
            )
        if reads[0][0] in feeds:
            raise LoadError(
                "feeds_two",
                layer=clean_name(reads[0][0], "?"),
                first=feeds[reads[0][0]],
                second=name,
            )
        feeds[reads[0][0]] = name
    start = clean_name(inputs[0][0], "?")
    if start not in by_name or class_of(by_name[start]) != "InputLayer":
        raise LoadError("input_not_input_layer", layer=start)
    order, current = [start], start
    while current in feeds:
        current = feeds[current]
        order.append(current)
    if order[-1] != clean_name(outputs[0][0], "?") or len(order) != len(entries):
        raise LoadError("not_a_chain")
    chain = [by_name[n] for n in order]
    text = None
    if len(chain) > 1 and is_text_vectorization(chain[1]):  # strings in, its token ids out
        text = text_setup(chain[1])
        chain = [chain[0], *chain[2:]]
        shape = _shape([None, text.sequence_length], f"InputLayer {start!r}")
    else:
        shape = _shape(_entry_shape(by_name[start]), f"InputLayer {start!r}")
    name = clean_name(config.get("name"), "functional")
    trainable = config.get("trainable", True) is not False
    return ModelConfig(shape, chain, True, name, trainable, text)


def model_config(top: Any) -> ModelConfig:
    """The model a config describes (LoadError for a layer, a custom model, a bad config)."""
    if not isinstance(top, dict):
        raise LoadError("config_not_object")
    cls = class_of(top)
    config = top.get("config")
    if cls == "Sequential" and isinstance(config, list):  # Keras 2.0-2.2
        config = {"layers": config}
    if cls in ("Sequential", "Functional", "Model") and isinstance(config, dict):
        if custom_reason(top) is not None:
            raise unsupported(top, clean_name(config.get("name"), "model"))
        if cls == "Sequential":
            return _sequential(top, config)
        return _functional(config)
    raise LoadError("not_a_model", cls=cls)
