"""One Keras layer config (a JSON object, read as data only) -> an unbuilt engine layer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rnntui.nn.activations import ACTIVATIONS
from rnntui.nn.bidirectional import MERGE_MODES, Bidirectional
from rnntui.nn.dense import Dense
from rnntui.nn.dropout_layer import Dropout
from rnntui.nn.embedding import Embedding
from rnntui.nn.gru import GRU
from rnntui.nn.kinds import BY_NAME
from rnntui.nn.layer import Layer
from rnntui.nn.loading.errors import LoadError, shown
from rnntui.nn.loading.messages import Msg
from rnntui.nn.lstm import LSTM
from rnntui.nn.pooling import GlobalAveragePooling1D
from rnntui.nn.recurrent import RNNLayer
from rnntui.nn.simple_rnn import SimpleRNN

MAX_UNITS = 1_000_000
"""Any size (units, vocabulary, width) above this is refused before counting."""
MODELS = frozenset({"Sequential", "Functional", "Model"})
WHY = {
    "Lambda": Msg("why_lambda"),
    "TFOpLambda": Msg("why_tf_op"),
    "Masking": Msg("why_masking"),
    "TextVectorization": Msg("why_text_vectorization"),
}
"""Why a layer class the engine does not compute is not read, when there is more to say."""


class Unsupported(LoadError):
    """A layer the engine does not compute (names it and what is supported)."""


def clean_name(value: Any, fallback: str) -> str:
    """A layer name safe to print: printable characters only, at most 64."""
    text = value if isinstance(value, str) else fallback
    text = "".join(ch for ch in text if ch.isprintable())[:64]
    return text or fallback


def class_of(entry: Any) -> str:
    """The ``class_name`` of a layer entry (LoadError if it has none)."""
    if not isinstance(entry, dict) or not isinstance(entry.get("class_name"), str):
        raise LoadError("no_class_name")
    return clean_name(entry["class_name"], "?")


def config_of(entry: dict[str, Any]) -> dict[str, Any]:
    """The ``config`` object of a layer entry."""
    config = entry.get("config")
    if not isinstance(config, dict):
        raise LoadError("no_config", cls=class_of(entry))
    return config


def custom_reason(entry: dict[str, Any]) -> Msg | None:
    """Why a layer is a custom object (registered or from a non-Keras module), or None."""
    module = entry.get("module")
    registered = entry.get("registered_name")
    if isinstance(module, str) and module and not module.startswith("keras"):
        return Msg("why_module", {"module": clean_name(module, "?")})
    if isinstance(registered, str) and registered and registered != entry.get("class_name"):
        return Msg("why_registered", {"registered": clean_name(registered, "?")})
    return None


def unsupported(entry: dict[str, Any], name: str) -> Unsupported:
    """The error for a layer that cannot be read."""
    cls = class_of(entry)
    why = custom_reason(entry) or WHY.get(cls)
    if why is None and cls in MODELS:
        why = Msg("why_nested")
    reason = Msg("reason", {"why": why}) if why else ""
    return Unsupported("unsupported", reason=reason, layer=name, class_name=cls)


class Reader:
    """Typed access to one layer's config; every bad value is a LoadError naming the layer."""

    def __init__(self, cls: str, name: str, config: dict[str, Any]) -> None:
        self.cls, self.name, self.config = cls, name, config

    def fail(self, message: str, /, **values: Any) -> LoadError:
        """The error ``message`` (a catalogue key, with ``values``) for this layer."""
        return LoadError(
            "layer_problem", what=Msg(message, values), layer=self.name, class_name=self.cls
        )

    def int(self, key: str, default: int | None = None) -> int:
        value = self.config.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_UNITS:
            raise self.fail("bad_int", key=key, limit=MAX_UNITS, value=shown(value))
        return value

    def bool(self, key: str, default: bool) -> bool:
        value = self.config.get(key, default)
        if not isinstance(value, bool):
            raise self.fail("bad_bool", key=key, value=shown(value))
        return value

    def rate(self, key: str) -> float:
        value = self.config.get(key, 0.0)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < 1:
            raise self.fail("bad_rate", key=key, value=shown(value))
        return float(value)

    def activation(self, key: str, default: str | None) -> str | None:
        value = self.config.get(key, default)
        if value is None or value == "linear":
            return None if key == "activation" and self.cls == "Dense" else value
        if isinstance(value, str) and value in ACTIVATIONS:
            return value
        label = value if isinstance(value, str) else "a custom activation object"
        known = ", ".join(sorted(ACTIVATIONS))
        raise self.fail("bad_activation", key=key, label=clean_name(label, "?"), known=known)

    def refuse(self, key: str, allowed: Any, what: str) -> None:
        """LoadError when ``key`` is set to a value not in ``allowed`` (``what``: a key of the
        catalogue naming the option)."""
        if key in self.config and self.config[key] not in allowed:
            raise self.fail(
                "not_supported_option", what=Msg(what), key=key, value=shown(self.config[key])
            )


def _quantized(r: Reader) -> None:
    r.refuse("quantization_config", (None,), "opt_quantized")
    r.refuse("lora_rank", (None, 0), "opt_lora")


def _recurrent(r: Reader, cls: type[RNNLayer]) -> RNNLayer:
    r.refuse("stateful", (False,), "opt_stateful")
    r.refuse("time_major", (False,), "opt_time_major")
    kwargs: dict[str, Any] = {
        "units": r.int("units"),
        "activation": r.activation("activation", "tanh"),
        "use_bias": r.bool("use_bias", True),
        "return_sequences": r.bool("return_sequences", False),
        "return_state": r.bool("return_state", False),
        "go_backwards": r.bool("go_backwards", False),
        "dropout": r.rate("dropout"),
        "recurrent_dropout": r.rate("recurrent_dropout"),
        "name": r.name,
    }
    if cls is not SimpleRNN:
        kwargs["recurrent_activation"] = r.activation("recurrent_activation", "sigmoid")
    if cls is GRU:
        kwargs["reset_after"] = r.bool("reset_after", True)
    if cls is LSTM:
        kwargs["unit_forget_bias"] = r.bool("unit_forget_bias", True)
    layer = cls(**kwargs)
    layer.zero_output_for_mask = r.bool("zero_output_for_mask", False)
    return layer


def _embedding(r: Reader) -> Layer:
    _quantized(r)
    r.refuse("sparse", (False,), "opt_sparse")
    return Embedding(
        r.int("input_dim"),
        r.int("output_dim"),
        mask_zero=r.bool("mask_zero", False),
        name=r.name,
    )


def _dense(r: Reader) -> Layer:
    _quantized(r)
    return Dense(
        r.int("units"),
        activation=r.activation("activation", None),
        use_bias=r.bool("use_bias", True),
        name=r.name,
    )


def _dropout(r: Reader) -> Layer:
    return Dropout(r.rate("rate"), name=r.name)


def _pooling(r: Reader) -> Layer:
    fmt = r.config.get("data_format", "channels_last")
    if fmt not in (None, "channels_last", "channels_first"):
        raise r.fail("bad_data_format", value=shown(fmt))
    return GlobalAveragePooling1D(fmt, keepdims=r.bool("keepdims", False), name=r.name)


def _bidirectional(r: Reader) -> Layer:
    mode = r.config.get("merge_mode", "concat")
    if mode not in MERGE_MODES:
        raise r.fail("bad_merge_mode", value=shown(mode))
    inner = r.config.get("layer")
    if not isinstance(inner, dict):
        raise r.fail("no_wrapped_layer")
    layer = layer_from_entry(inner, inner_of=r.name)
    if not isinstance(layer, RNNLayer):
        raise r.fail("wraps_other", cls=type(layer).__name__)
    backward = r.config.get("backward_layer")
    if isinstance(backward, dict):
        back = layer_from_entry(backward, inner_of=r.name)
        if not isinstance(back, RNNLayer) or not _mirror(layer, back):
            raise r.fail("odd_backward")
    if layer.name.startswith("forward_"):
        layer.name = layer.name[len("forward_") :]
    return Bidirectional(layer, merge_mode=mode, name=r.name)


def _mirror(forward: RNNLayer, backward: RNNLayer) -> bool:
    """The backward layer is the forward one run the other way (as Keras makes it)."""
    skip = ("name", "go_backwards", "seed")
    a = {k: v for k, v in forward.get_config().items() if k not in skip}
    b = {k: v for k, v in backward.get_config().items() if k not in skip}
    return (
        type(forward) is type(backward) and a == b and forward.go_backwards != backward.go_backwards
    )


def _builder(cls: type[Layer]) -> Callable[[Reader], Layer]:
    """The builder of an engine layer class (KeyError for a kind without one)."""
    if issubclass(cls, RNNLayer):
        return lambda r: _recurrent(r, cls)
    return _BY_CLASS[cls]


_BY_CLASS: dict[type[Layer], Callable[[Reader], Layer]] = {
    Embedding: _embedding,
    Dense: _dense,
    Dropout: _dropout,
    GlobalAveragePooling1D: _pooling,
    Bidirectional: _bidirectional,
}
BUILDERS: dict[str, Callable[[Reader], Layer]] = {
    name: _builder(kind.cls) for name, kind in BY_NAME.items()
}
"""Keras class name -> the builder of its engine layer: every kind of ``rnntui.nn.kinds``."""


def layer_from_entry(entry: Any, inner_of: str | None = None) -> Layer:
    """The engine layer for a ``{"class_name", "config"}`` entry; Unsupported or LoadError."""
    cls = class_of(entry)
    config = config_of(entry)
    name = clean_name(config.get("name"), cls.lower())
    build = BUILDERS.get(cls)
    if build is None or custom_reason(entry) is not None:
        err = unsupported(entry, name)
        if inner_of is not None:
            err = Unsupported("in_layer", outer=inner_of, error=err, layer=inner_of, class_name=cls)
        raise err
    try:
        return build(Reader(cls, name, config))
    except ValueError as err:
        if isinstance(err, LoadError):
            raise
        raise LoadError("layer_error", error=err, layer=name, class_name=cls) from None
