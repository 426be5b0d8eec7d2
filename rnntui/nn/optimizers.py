"""Keras 3 optimizers on lists of float64 arrays, updated in place (Keras' update formulas).

``optimizer.apply(grads, variables)`` clips the gradients (``clipnorm`` per variable,
``global_clipnorm`` over all), then applies one step and counts ``iterations``. Slots (momenta,
moments) are created on the first call, one per variable, like Keras' ``build``.

- SGD:     w -= lr g;  momentum: v = mu v - lr g, w += v;  nesterov: w += mu v - lr g
- Adam:    alpha = lr sqrt(1 - b2^t) / (1 - b1^t);  m = b1 m + (1 - b1) g;
           v = b2 v + (1 - b2) g^2;  w -= alpha m / (sqrt(v) + eps)     (eps outside the sqrt,
           on the uncorrected v: not torch.optim.Adam)
- RMSprop: v = rho v + (1 - rho) g^2;  w -= lr g / sqrt(v + eps)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from rnntui.nn.activations import Array


def clip_by_norm(grad: Array, clipnorm: float) -> Array:
    """g * c / max(||g||, c): unchanged when the norm is at most c."""
    norm = math.sqrt(float(np.sum(grad * grad)))
    return grad * clipnorm / max(norm, clipnorm)


def clip_by_global_norm(grads: Sequence[Array], clipnorm: float) -> list[Array]:
    """Scale all gradients by c * min(1/n, 1/c), n = sqrt(sum ||g_k||^2)."""
    norm = math.sqrt(sum(float(np.sum(g * g)) for g in grads))
    scale = clipnorm * min(1.0 / norm if norm else math.inf, 1.0 / clipnorm)
    return [g * scale for g in grads]


class Optimizer:
    """Base: learning rate, clipping and the step counter; subclasses define ``_update``."""

    name = "optimizer"
    hyperparameters: tuple[str, ...] = ()
    """The attributes a subclass adds to ``get_config`` (after the base's keys, in order)."""

    def __init__(
        self,
        learning_rate: float,
        clipnorm: float | None = None,
        global_clipnorm: float | None = None,
    ) -> None:
        if clipnorm is not None and global_clipnorm is not None:
            raise ValueError(
                "Only one of `clipnorm` and `global_clipnorm` can be set. Received: "
                f"clipnorm={clipnorm}, global_clipnorm={global_clipnorm}"
            )
        for label, value in (
            ("learning_rate", learning_rate),
            ("clipnorm", clipnorm),
            ("global_clipnorm", global_clipnorm),
        ):
            if value is not None and not (float(value) > 0 and math.isfinite(float(value))):
                raise ValueError(f"{label} must be a positive number, got {value!r}")
        self.learning_rate = float(learning_rate)
        self.clipnorm = None if clipnorm is None else float(clipnorm)
        self.global_clipnorm = None if global_clipnorm is None else float(global_clipnorm)
        self.iterations = 0
        self._slots: list[list[Array]] | None = None

    def get_config(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "learning_rate": self.learning_rate,
            "clipnorm": self.clipnorm,
            "global_clipnorm": self.global_clipnorm,
            **{key: getattr(self, key) for key in self.hyperparameters},
        }

    def clip(self, grads: Sequence[Array]) -> list[Array]:
        """The gradients after ``clipnorm`` / ``global_clipnorm`` (copies if clipped)."""
        if self.clipnorm is not None:
            return [clip_by_norm(g, self.clipnorm) for g in grads]
        if self.global_clipnorm is not None:
            return clip_by_global_norm(grads, self.global_clipnorm)
        return list(grads)

    def apply(self, grads: Sequence[Array], variables: Sequence[Array]) -> None:
        """One update of ``variables`` (in place) from ``grads`` (same shapes and order)."""
        if len(grads) != len(variables):
            raise ValueError(f"got {len(grads)} gradients for {len(variables)} variables")
        if self._slots is None:
            self._slots = [self._new_slots(v) for v in variables]
        elif len(self._slots) != len(variables):
            raise ValueError("this optimizer was built for a different list of variables")
        for g, v, slots in zip(self.clip(grads), variables, self._slots, strict=True):
            self._update(g, v, slots)
        self.iterations += 1

    def _new_slots(self, variable: Array) -> list[Array]:
        return []

    def _update(self, grad: Array, variable: Array, slots: list[Array]) -> None:
        raise NotImplementedError


class SGD(Optimizer):
    """Keras ``SGD(learning_rate=0.01, momentum=0.0, nesterov=False)``."""

    name = "SGD"
    hyperparameters = ("momentum", "nesterov")

    def __init__(
        self,
        learning_rate: float = 0.01,
        momentum: float = 0.0,
        nesterov: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(learning_rate, **kwargs)
        if not 0.0 <= float(momentum) <= 1.0:
            raise ValueError(f"`momentum` must be a float between [0, 1]. Received: {momentum}")
        self.momentum = float(momentum)
        self.nesterov = bool(nesterov)

    def _new_slots(self, variable: Array) -> list[Array]:
        return [np.zeros_like(variable)] if self.momentum else []

    def _update(self, grad: Array, variable: Array, slots: list[Array]) -> None:
        lr = self.learning_rate
        if not self.momentum:
            variable -= lr * grad
            return
        (velocity,) = slots
        velocity *= self.momentum
        velocity -= lr * grad
        if self.nesterov:
            variable -= lr * grad
            variable += self.momentum * velocity
        else:
            variable += velocity


class Adam(Optimizer):
    """Keras ``Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7)``."""

    name = "adam"
    hyperparameters = ("beta_1", "beta_2", "epsilon")

    def __init__(
        self,
        learning_rate: float = 0.001,
        beta_1: float = 0.9,
        beta_2: float = 0.999,
        epsilon: float = 1e-7,
        **kwargs: Any,
    ) -> None:
        super().__init__(learning_rate, **kwargs)
        self.beta_1, self.beta_2, self.epsilon = float(beta_1), float(beta_2), float(epsilon)

    def _new_slots(self, variable: Array) -> list[Array]:
        return [np.zeros_like(variable), np.zeros_like(variable)]

    def _update(self, grad: Array, variable: Array, slots: list[Array]) -> None:
        m, v = slots
        step = self.iterations + 1
        alpha = self.learning_rate * math.sqrt(1.0 - self.beta_2**step) / (1.0 - self.beta_1**step)
        m *= self.beta_1
        m += (1.0 - self.beta_1) * grad
        v *= self.beta_2
        v += (1.0 - self.beta_2) * (grad * grad)
        variable -= (m * alpha) / (np.sqrt(v) + self.epsilon)


class RMSprop(Optimizer):
    """Keras ``RMSprop(learning_rate=0.001, rho=0.9, epsilon=1e-7)`` (no momentum, not centered)."""

    name = "rmsprop"
    hyperparameters = ("rho", "epsilon")

    def __init__(
        self, learning_rate: float = 0.001, rho: float = 0.9, epsilon: float = 1e-7, **kwargs: Any
    ) -> None:
        super().__init__(learning_rate, **kwargs)
        self.rho, self.epsilon = float(rho), float(epsilon)

    def _new_slots(self, variable: Array) -> list[Array]:
        return [np.zeros_like(variable)]

    def _update(self, grad: Array, variable: Array, slots: list[Array]) -> None:
        (velocity,) = slots
        velocity *= self.rho
        velocity += (1.0 - self.rho) * (grad * grad)
        variable -= (grad * self.learning_rate) / np.sqrt(velocity + self.epsilon)


OPTIMIZERS: dict[str, Callable[[], Optimizer]] = {"sgd": SGD, "adam": Adam, "rmsprop": RMSprop}


def get(identifier: str | Optimizer) -> Optimizer:
    """An optimizer from a Keras name (``"sgd"``, ``"adam"``, ``"rmsprop"``) or an object."""
    if isinstance(identifier, Optimizer):
        return identifier
    if isinstance(identifier, str) and identifier.lower() in OPTIMIZERS:
        return OPTIMIZERS[identifier.lower()]()
    known = ", ".join(sorted(OPTIMIZERS))
    raise ValueError(
        f"Unknown optimizer {identifier!r}. Use one of: {known}, or an object from "
        "rnntui.nn.optimizers"
    )
