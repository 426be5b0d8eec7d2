"""The backward trace for teaching: how the loss's gradient flows back through time.

``backward_trace(model, x, y)`` runs one forward and backward pass (inference mode by default,
so no dropout and no update) and returns, for every layer, its weight gradients and, for
recurrent layers, per processing step t:

- ``dh``: dL/dh_t, the gradient with respect to the hidden state after step t (B, U);
- ``dc``: dL/dc_t for an LSTM's cell state (None otherwise);
- ``dx``: dL/dx for the input this step read (B, D); after an Embedding this is the gradient
  of that token's embedding vector.

A vanishing gradient shows as ``dh_norms`` shrinking towards the early steps.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from rnntui.nn.activations import Array
from rnntui.nn.losses import Loss
from rnntui.nn.tape import RecurrentGrads


@dataclass(frozen=True)
class StepGrad:
    """Gradients at one processing step of one recurrent layer (batch axis first)."""

    t: int
    position: int
    """The input index this step read (differs from ``t`` with go_backwards)."""
    dh: Array
    dc: Array | None
    dx: Array


@dataclass(frozen=True)
class LayerBackward:
    """One layer's part of the backward pass."""

    name: str
    kind: str
    weight_names: tuple[str, ...]
    weight_grads: tuple[Array, ...]
    d_input: Array | None
    """dL/d(layer input); None for an Embedding (ids have no gradient)."""
    steps: tuple[StepGrad, ...] = ()
    """Per processing step (recurrent layers; the forward direction of a Bidirectional)."""
    backward_steps: tuple[StepGrad, ...] = ()
    """The backward direction's steps (Bidirectional only), in its processing order."""

    @property
    def dh_norms(self) -> Array:
        """Per step: the batch mean of ||dL/dh_t||, shape (T,)."""
        return np.array([np.linalg.norm(s.dh, axis=-1).mean() for s in self.steps])


@dataclass(frozen=True)
class BackwardTrace:
    """The loss, the model's output and every layer's gradients for one batch."""

    loss: float
    output: Array
    layers: tuple[LayerBackward, ...]


def _steps(grads: RecurrentGrads) -> tuple[StepGrad, ...]:
    return tuple(
        StepGrad(
            t=t,
            position=pos,
            dh=grads.dh[:, t],
            dc=None if grads.dc is None else grads.dc[:, t],
            dx=grads.dx[:, pos],
        )
        for t, pos in enumerate(grads.order)
    )


def backward_trace(
    model: object,
    x: npt.ArrayLike,
    y: npt.ArrayLike,
    loss: str | Loss | None = None,
    training: bool = False,
) -> BackwardTrace:
    """Gradients for one batch of a ``Sequential`` (its compiled loss unless ``loss`` is given)."""
    from rnntui.nn.sequential import Sequential

    if not isinstance(model, Sequential):
        raise ValueError(f"backward_trace needs a Sequential model, got {type(model).__name__}")
    value, _, grads, tape = model.compute_gradients(x, y, training=training, loss=loss)
    layers = []
    for layer, g in zip(model.layers, grads, strict=True):
        steps: tuple[StepGrad, ...] = ()
        back: tuple[StepGrad, ...] = ()
        if isinstance(g.detail, RecurrentGrads):
            steps = _steps(g.detail)
        elif isinstance(g.detail, tuple):
            steps, back = _steps(g.detail[0]), _steps(g.detail[1])
        layers.append(
            LayerBackward(
                name=layer.name,
                kind=type(layer).__name__,
                weight_names=tuple(layer.weight_labels()),
                weight_grads=tuple(g.weights),
                d_input=g.d_input,
                steps=steps,
                backward_steps=back,
            )
        )
    return BackwardTrace(loss=value, output=tape.output, layers=tuple(layers))
