"""The contract every engine layer keeps, so a stack treats all layers alike.

- ``build(input_shape)`` makes the weights; ``compute_output_shape`` says what comes out;
  ``weight_shapes_for(input_shape)`` says which weights ``build`` would make, without making them.
- ``get_weights`` / ``set_weights`` / ``variables`` / ``count_params`` in Keras order.
- ``layer(inputs, training=False, mask=None)`` returns what Keras returns (an array, or a list
  when the layer returns states); ``forward(...)`` returns ``(output, tape)`` and
  ``backward(tape, d_output)`` the gradients (``tape.Grads``) of that call.
- ``compute_mask(inputs, mask)`` is the mask the next layer receives: the layer declares whether
  it makes one (Embedding with mask_zero), passes it on (the default) or drops the time axis and
  with it the mask (a last-step recurrent layer, pooling).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from rnntui.nn.activations import Array
from rnntui.nn.tape import Grads

Shape = tuple[int | None, ...]


def snake_case(name: str) -> str:
    """Keras' default layer name for a class: ``SimpleRNN`` -> ``simple_rnn``."""
    s = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s).lower()


def format_shape(shape: Any) -> str:
    """Render a shape as Keras prints it: ``(None, 20, 16)``, ``(None,)``; several shapes (a list,
    or a tuple of tuples) as ``[(None, 4), (None, 4)]``. NumPy integers print as numbers."""
    if isinstance(shape, list) or (
        isinstance(shape, tuple) and shape and all(isinstance(s, tuple | list) for s in shape)
    ):
        return "[" + ", ".join(format_shape(tuple(s)) for s in shape) + "]"
    inner = ", ".join("None" if d is None else str(d) for d in shape)
    return f"({inner},)" if len(shape) == 1 else f"({inner})"


class Layer:
    """Base layer: ``build`` creates weights, ``get_weights``/``set_weights`` use Keras order."""

    expected_ndim: int | None = None
    return_sequences: bool | None = None
    """For layers with a time loop: True passes every step on, False only the last (so the time
    axis and the mask end here). None: the layer has no time loop."""
    takes_ids: bool = False
    """True when the inputs are integer ids (Embedding), not features."""
    draw_weights: bool = True
    """False: ``build`` makes zero weights (fast shapes and counts, e.g. for summaries)."""

    def __init__(self, name: str | None = None) -> None:
        self.name = name or snake_case(type(self).__name__)
        self.built = False
        self.input_shape: Shape | None = None

    # -- weights ---------------------------------------------------------------------------
    def weight_names(self) -> list[str]:
        """Names of the weight attributes in Keras order."""
        return []

    def weight_shapes(self) -> list[tuple[int, ...]]:
        """Shapes of the weights in Keras order (the layer must be built)."""
        return [tuple(w.shape) for w in self.get_weights()]

    def weight_labels(self) -> list[str]:
        """Names to show for the weights of ``get_weights()`` (``weight_names`` by default)."""
        return self.weight_names()

    def weight_shapes_for(self, input_shape: Shape) -> list[tuple[int, ...]]:
        """The shapes ``build(input_shape)`` would make, worked out without allocating."""
        if not self.weight_names():
            return []
        raise ValueError(f"Cannot count the parameters of {type(self).__name__}")

    def inner_layers(self) -> list[Layer]:
        """Layers this one wraps (Bidirectional's layer), named along with the stack."""
        return []

    def get_weights(self) -> list[Array]:
        """Copies of the weights, in Keras order and shapes."""
        self._require_built()
        return [np.array(getattr(self, n), dtype=np.float64) for n in self.weight_names()]

    def variables(self) -> list[Array]:
        """The live weight arrays in Keras order (an optimizer updates them in place)."""
        self._require_built()
        return [getattr(self, n) for n in self.weight_names()]

    def set_weights(self, weights: list[Any]) -> None:
        """Replace the weights; shapes must match ``get_weights()``."""
        self._require_built()
        names = self.weight_names()
        if len(weights) != len(names):
            raise ValueError(
                f"Layer {self.name!r} expects {len(names)} weights, but received {len(weights)}"
            )
        new = []
        for n, w in zip(names, weights, strict=True):
            a = np.array(w, dtype=np.float64)
            old = getattr(self, n)
            if a.shape != old.shape:
                raise ValueError(
                    f"Layer {self.name!r} weight {n!r} has shape {old.shape}, "
                    f"received a value of shape {a.shape}"
                )
            new.append(a)
        for n, a in zip(names, new, strict=True):
            setattr(self, n, a)

    def count_params(self) -> int:
        """Number of weights, as Keras' ``count_params()``."""
        return int(sum(int(np.prod(s)) for s in self.weight_shapes()))

    def _new_weight(self, init: Any, rng: np.random.Generator, shape: tuple[int, ...]) -> Array:
        """``init(rng, shape)``, or zeros when ``draw_weights`` is off."""
        return init(rng, shape) if self.draw_weights else np.zeros(shape)

    # -- shapes ----------------------------------------------------------------------------
    def check_input_shape(self, input_shape: Shape) -> None:
        """Raise Keras' own error when the input's rank is wrong for this layer."""
        if self.expected_ndim is not None and len(input_shape) != self.expected_ndim:
            raise ValueError(
                f"Input 0 with name 'None' of layer '{self.name}' is incompatible with the layer: "
                f"expected ndim={self.expected_ndim}, found ndim={len(input_shape)}. "
                f"Full shape received: {format_shape(input_shape)}"
            )

    def build(self, input_shape: Shape) -> None:
        """Create the weights for inputs of this shape."""
        self.check_input_shape(tuple(input_shape))
        self.input_shape = tuple(input_shape)
        self.built = True

    def compute_output_shape(self, input_shape: Shape) -> Any:
        """Output shape (or list of shapes) for an input shape; batch may be None."""
        raise NotImplementedError

    # -- calling ---------------------------------------------------------------------------
    def __call__(self, inputs: Any, training: bool = False, *, mask: Any = None) -> Any:
        """The output for ``inputs``, as Keras' ``layer(inputs)``: ``training`` turns dropout on,
        ``mask`` (B, T) marks the time steps that count (a layer that has no use for it ignores
        it)."""
        return self.forward(inputs, training=training, mask=mask)[0]

    def forward(self, inputs: Any, training: bool = False, *, mask: Any = None) -> tuple[Any, Any]:
        """``(output, tape)``: the call's output and what ``backward`` needs of it."""
        raise ValueError(
            f"layer {self.name!r} ({type(self).__name__}) has no backward pass: "
            "it cannot be trained yet"
        )

    def backward(self, tape: Any, d_output: Any) -> Grads:
        """dL/d(input) and weight gradients from dL/d(output), for the call that made ``tape``.

        ``d_output`` has the structure of the call's output (a list when it returned a list)."""
        raise NotImplementedError(f"{type(self).__name__} has no backward pass")

    def compute_mask(self, inputs: Any, mask: Any = None) -> Any:
        """The mask the next layer receives, from this layer's inputs and the mask it got.

        By default the mask passes on unchanged, unless the layer has a time loop that returns
        only its last step (``return_sequences=False``): the time axis, and the mask, end there."""
        return None if self.return_sequences is False else mask

    def get_config(self) -> dict[str, Any]:
        """Constructor arguments, enough to make a fresh copy."""
        return {"name": self.name}

    def _require_built(self) -> None:
        if not self.built:
            raise ValueError(f"Layer {self.name!r} is not built yet: call build(input_shape)")

    def _ensure_built(self, x: np.ndarray) -> None:
        shape = (None, *x.shape[1:])
        if not self.built:
            self.build(shape)
        else:
            self.check_input_shape(shape)
