"""What SimpleRNN, LSTM and GRU share: arguments, states, masks, dropout and the time loop.

A subclass supplies its weights (``build``), ``_input_terms`` (x K for every step, hoisted out of
the loop) and ``_cell_step`` (one step from those terms and h_{t-1}).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from rnntui.nn.activations import Array, get_activation
from rnntui.nn.bptt import bptt
from rnntui.nn.cell import CellGrad, CellGradOut, CellStep, StepOut
from rnntui.nn.dropout import DropoutMasks, check_rate, draw_masks, mask_counts, validate_masks
from rnntui.nn.initializers import glorot_uniform, orthogonal
from rnntui.nn.layer import Layer, Shape
from rnntui.nn.tape import RecurrentGrads, RecurrentTape
from rnntui.nn.trace import GateForce, GateParts, RecurrentTrace, StepTrace


class RNNLayer(Layer):
    """Base of the recurrent layers (Keras argument names and defaults)."""

    expected_ndim = 3
    return_sequences: bool
    gate_names: tuple[str, ...] = ()
    has_carry = False
    per_gate_capable = True

    def __init__(
        self,
        units: int,
        activation: str | None = "tanh",
        use_bias: bool = True,
        return_sequences: bool = False,
        return_state: bool = False,
        go_backwards: bool = False,
        dropout: float = 0.0,
        recurrent_dropout: float = 0.0,
        seed: int | None = None,
        name: str | None = None,
    ) -> None:
        super().__init__(name)
        if isinstance(units, bool) or not isinstance(units, (int, np.integer)) or units < 1:
            raise ValueError(
                f"Received an invalid value for argument `units`. Expected a positive integer, "
                f"got {units!r}."
            )
        self.units = int(units)
        self.activation = activation
        self.use_bias = bool(use_bias)
        self.return_sequences = bool(return_sequences)
        self.return_state = bool(return_state)
        self.go_backwards = bool(go_backwards)
        self.dropout = check_rate("dropout", dropout)
        self.recurrent_dropout = check_rate("recurrent_dropout", recurrent_dropout)
        self.seed = seed
        self.zero_output_for_mask = False
        init_seq, drop_seq = np.random.SeedSequence(seed).spawn(2)
        self._init_rng = np.random.default_rng(init_seq)
        self._dropout_rng = np.random.default_rng(drop_seq)
        self._act = get_activation(activation)

    # -- configuration ------------------------------------------------------------------------
    @property
    def n_gates(self) -> int:
        """Number of U-wide weight blocks (1, 4 or 3)."""
        return len(self.gate_names)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "units": self.units,
            "activation": self.activation,
            "use_bias": self.use_bias,
            "return_sequences": self.return_sequences,
            "return_state": self.return_state,
            "go_backwards": self.go_backwards,
            "dropout": self.dropout,
            "recurrent_dropout": self.recurrent_dropout,
            "seed": self.seed,
        }

    def weight_names(self) -> list[str]:
        return (
            ["kernel", "recurrent_kernel", "bias"]
            if self.use_bias
            else [
                "kernel",
                "recurrent_kernel",
            ]
        )

    def bias_shape(self) -> tuple[int, ...]:
        """Shape of the bias vector."""
        return (self.n_gates * self.units,)

    def build(self, input_shape: Shape) -> None:
        super().build(input_shape)
        d = input_shape[-1]
        if d is None:
            raise ValueError(f"Layer {self.name!r} needs a known last input dimension")
        self.input_dim = int(d)
        width = self.n_gates * self.units
        self.kernel = self._new_weight(glorot_uniform, self._init_rng, (self.input_dim, width))
        self.recurrent_kernel = self._new_weight(orthogonal, self._init_rng, (self.units, width))
        if self.use_bias:
            self.bias = self._initial_bias()

    def _initial_bias(self) -> Array:
        return np.zeros(self.bias_shape())

    def weight_shapes_for(self, input_shape: Shape) -> list[tuple[int, ...]]:
        d = input_shape[-1]
        if d is None:
            raise ValueError(f"Layer {self.name!r} needs a known last input dimension")
        width = self.n_gates * self.units
        shapes = [(int(d), width), (self.units, width)]
        return shapes + ([tuple(self.bias_shape())] if self.use_bias else [])

    def compute_output_shape(self, input_shape: Shape) -> Any:
        self.check_input_shape(tuple(input_shape))
        batch, steps = input_shape[0], input_shape[1]
        out = (batch, steps, self.units) if self.return_sequences else (batch, self.units)
        if not self.return_state:
            return out
        n_states = 2 if self.has_carry else 1
        return [out] + [(batch, self.units)] * n_states

    # -- calling ------------------------------------------------------------------------------
    def __call__(
        self,
        inputs: npt.ArrayLike,
        training: bool = False,
        initial_state: Sequence[npt.ArrayLike] | None = None,
        mask: npt.ArrayLike | None = None,
        dropout_masks: DropoutMasks | None = None,
    ) -> Any:
        """Run the layer; returns what Keras returns (a list when ``return_state``)."""
        return self._run(inputs, training, initial_state, mask, dropout_masks, None, False).output

    def trace(
        self,
        inputs: npt.ArrayLike,
        training: bool = False,
        initial_state: Sequence[npt.ArrayLike] | None = None,
        mask: npt.ArrayLike | None = None,
        dropout_masks: DropoutMasks | None = None,
        forced: Mapping[str, GateForce] | None = None,
    ) -> RecurrentTrace:
        """Run the layer and record every step.

        ``dropout_masks`` injects masks (used only when ``training=True``; otherwise fresh masks
        are drawn from the layer's seeded generator). ``forced`` overrides gates (what-if mode;
        the result then no longer matches Keras, by design).
        """
        return self._run(inputs, training, initial_state, mask, dropout_masks, forced, True)

    # -- the loop -----------------------------------------------------------------------------
    def _prepare_inputs(self, inputs: npt.ArrayLike) -> Array:
        x = np.asarray(inputs, dtype=np.float64)
        if x.ndim != 3:
            self.check_input_shape(x.shape)
        if x.shape[1] < 1:
            raise ValueError(f"Layer {self.name!r} needs at least one time step")
        if not np.all(np.isfinite(x)):
            raise ValueError(f"Layer {self.name!r} received NaN or infinite inputs")
        if not self.built:
            self.build((None, *x.shape[1:]))
        elif x.shape[-1] != self.input_dim:
            raise ValueError(
                f"Layer {self.name!r} was built for {self.input_dim} input features, "
                f"received {x.shape[-1]}"
            )
        return x

    def _initial_states(
        self, initial_state: Sequence[npt.ArrayLike] | None, batch: int
    ) -> tuple[Array, Array | None]:
        zeros = np.zeros((batch, self.units))
        if initial_state is None:
            return zeros, (zeros.copy() if self.has_carry else None)
        states = [np.asarray(s, dtype=np.float64) for s in initial_state]
        expected = 2 if self.has_carry else 1
        if len(states) != expected:
            raise ValueError(
                f"Layer {self.name!r} expects {expected} initial state(s), got {len(states)}"
            )
        for s in states:
            if s.shape != (batch, self.units):
                raise ValueError(
                    f"initial state must have shape {(batch, self.units)}, got {s.shape}"
                )
        return states[0], (states[1] if self.has_carry else None)

    def _resolve_masks(
        self, training: bool, given: DropoutMasks | None, batch: int
    ) -> DropoutMasks | None:
        if not training or (self.dropout == 0 and self.recurrent_dropout == 0):
            return None
        n_in, n_rec = mask_counts(
            self.n_gates, self.dropout, self.recurrent_dropout, self.per_gate_capable
        )
        if given is not None:
            return validate_masks(
                given,
                batch=batch,
                input_dim=self.input_dim,
                units=self.units,
                n_in=n_in,
                n_rec=n_rec,
            )
        return draw_masks(
            self._dropout_rng,
            batch=batch,
            input_dim=self.input_dim,
            units=self.units,
            dropout=self.dropout,
            recurrent_dropout=self.recurrent_dropout,
            n_gates=self.n_gates,
            per_gate_capable=self.per_gate_capable,
        )

    def _run(
        self,
        inputs: npt.ArrayLike,
        training: bool,
        initial_state: Sequence[npt.ArrayLike] | None,
        mask: npt.ArrayLike | None,
        dropout_masks: DropoutMasks | None,
        forced: Mapping[str, GateForce] | None,
        record: bool,
        tape: RecurrentTape | None = None,
    ) -> RecurrentTrace:
        """The time loop. With ``tape`` it also keeps what ``backward`` needs."""
        if tape is not None and forced:
            raise ValueError("forced gates (what-if mode) have no backward pass")
        x = self._prepare_inputs(inputs)
        batch, steps, _ = x.shape
        masks = self._resolve_masks(training, dropout_masks, batch)
        h, c = self._initial_states(initial_state, batch)
        time_mask = None
        if mask is not None:
            time_mask = np.asarray(mask, dtype=bool)
            if time_mask.shape != (batch, steps):
                raise ValueError(f"mask must have shape {(batch, steps)}, got {time_mask.shape}")
        x_in = tuple(x * m[:, None, :] for m in masks.input) if masks and masks.input else (x,)
        rec_masks = masks.recurrent if masks else ()
        xk = self._input_terms(x_in)
        xkb = xk + self._input_bias() if self.use_bias else xk
        forces = dict(forced or {})
        order = range(steps - 1, -1, -1) if self.go_backwards else range(steps)
        cells: list[tuple[Array, ...]] | None = None
        if tape is not None:
            tape.x_in, tape.masks, tape.time_mask = x_in, masks, time_mask
            tape.order = list(order)
            cells = tape.cells
        outputs = np.empty((batch, steps, self.units))
        prev_out = np.zeros((batch, self.units))
        records: list[StepTrace] = []
        no_mask = np.zeros(batch, dtype=bool)
        for t, pos in enumerate(order):
            h_in = tuple(h * m for m in rec_masks) if rec_masks else (h,)
            if tape is not None:
                tape.h_in.append(h_in)
            h_new, c_new, info = self._cell_step(
                CellStep(xkb[:, pos], h, c, h_in, forces, record, cells)
            )
            if time_mask is None:
                out = h_new
                skipped = no_mask
            else:
                keep = time_mask[:, pos][:, None]
                skipped = ~time_mask[:, pos]
                h_new = np.where(keep, h_new, h)
                if c is not None and c_new is not None:
                    c_new = np.where(keep, c_new, c)
                fill = np.zeros_like(h_new) if self.zero_output_for_mask else prev_out
                out = np.where(keep, h_new, fill)
            outputs[:, t] = out
            if record and info is not None:
                parts, pre, gates = info
                for name, p in parts.items():
                    parts[name] = GateParts(
                        xk[:, pos, self._block(name)], p.h_term, p.bias, p.rec_bias
                    )
                records.append(
                    StepTrace(
                        t=t,
                        position=pos,
                        x=x[:, pos],
                        h_prev=h,
                        c_prev=c,
                        x_in=tuple(a[:, pos] for a in x_in),
                        h_in=h_in,
                        parts=parts,
                        pre=pre,
                        gates=gates,
                        h=h_new,
                        c=c_new,
                        output=out,
                        masked=skipped.copy(),
                        forced=tuple(sorted(forces)),
                    )
                )
            h, c, prev_out = h_new, c_new, out
        result = outputs if self.return_sequences else outputs[:, -1]
        output: Any = result
        if self.return_state:
            output = [result, h] + ([c] if self.has_carry else [])
        return RecurrentTrace(
            kind=type(self).__name__,
            units=self.units,
            input_dim=self.input_dim,
            gate_names=self.gate_names,
            go_backwards=self.go_backwards,
            training=training,
            steps=tuple(records),
            outputs=outputs,
            h=h,
            c=c,
            masks=masks,
            output=output,
            config=self.get_config(),
        )

    # -- hooks for the cells ------------------------------------------------------------------
    def _block(self, gate: str) -> slice:
        k = self.gate_names.index(gate)
        return slice(k * self.units, (k + 1) * self.units)

    def _input_bias(self) -> Array:
        """The bias added on the input side (x K + b)."""
        return self.bias

    def _input_terms(self, x_in: tuple[Array, ...]) -> Array:
        """x K for all steps, (B, T, G*U); with per-gate masks each block uses its own input."""
        if len(x_in) == 1:
            return x_in[0] @ self.kernel
        return np.concatenate(
            [
                xi @ self.kernel[:, self._block(g)]
                for xi, g in zip(x_in, self.gate_names, strict=True)
            ],
            axis=-1,
        )

    def _recurrent_terms(self, h_in: tuple[Array, ...], cols: slice | None = None) -> Array:
        """h_{t-1} R (per gate block when there is one masked copy of h per gate)."""
        kernel = self.recurrent_kernel
        if len(h_in) == 1:
            return h_in[0] @ (kernel if cols is None else kernel[:, cols])
        names = (
            self.gate_names
            if cols is None
            else self.gate_names[cols.start // self.units : cols.stop // self.units]
        )
        return np.concatenate(
            [h_in[self.gate_names.index(g)] @ kernel[:, self._block(g)] for g in names], axis=-1
        )

    def _cell_step(self, step: CellStep) -> StepOut:
        """One step forward; appends the step's gates to ``step.cache`` when given."""
        raise NotImplementedError

    # -- backward -----------------------------------------------------------------------------
    def forward(
        self,
        inputs: npt.ArrayLike,
        training: bool = False,
        initial_state: Sequence[npt.ArrayLike] | None = None,
        mask: npt.ArrayLike | None = None,
        dropout_masks: DropoutMasks | None = None,
    ) -> tuple[Any, RecurrentTape]:
        """Like ``__call__``, and also return the tape that ``backward`` reads."""
        tape = RecurrentTape()
        run = self._run(inputs, training, initial_state, mask, dropout_masks, None, False, tape)
        return run.output, tape

    def backward(self, tape: RecurrentTape, d_output: Any) -> RecurrentGrads:
        """Backpropagation through time for the call recorded in ``tape``.

        ``d_output`` has the structure of the call's output: one array, or with return_state a
        list ``[d_out, d_h, (d_c)]`` where any entry may be None (no gradient).
        """
        return bptt(self, tape, d_output)

    def _cell_backward(self, step: CellGrad) -> CellGradOut:
        """One step backward from dL/dh_t (and dL/dc_t): see ``CellGradOut``; adds the
        recurrent weight gradients to ``step.grads``."""
        raise NotImplementedError

    def _recurrent_backward(
        self,
        dm: Array,
        h_in: tuple[Array, ...],
        d_kernel: Array,
        cols: slice | None = None,
    ) -> list[Array]:
        """Backward of ``m = h_in @ R[:, cols]`` (per gate block with one h_in per gate).

        Adds h_in^T dm to ``d_kernel`` and returns dL/d h_in, one (B, U) array per entry.
        """
        cols = cols if cols is not None else slice(0, self.n_gates * self.units)
        kernel = self.recurrent_kernel
        if len(h_in) == 1:
            d_kernel[:, cols] += h_in[0].T @ dm
            return [dm @ kernel[:, cols].T]
        out = [np.zeros_like(h) for h in h_in]
        start = cols.start // self.units
        for k in range(start, cols.stop // self.units):
            block = self._block(self.gate_names[k])
            dm_k = dm[:, block.start - cols.start : block.stop - cols.start]
            d_kernel[:, block] += h_in[k].T @ dm_k
            out[k] = dm_k @ kernel[:, block].T
        return out

    def _add_input_bias_grad(self, d_bias: Array, total: Array) -> None:
        """Add the gradient of the input-side bias (``_input_bias``) to the bias gradient."""
        d_bias += total


class GatedRNNLayer(RNNLayer):
    """Base of LSTM and GRU: gates use ``recurrent_activation`` (Keras 3 default sigmoid)."""

    def __init__(
        self,
        units: int,
        activation: str | None = "tanh",
        recurrent_activation: str | None = "sigmoid",
        **kwargs: Any,
    ) -> None:
        super().__init__(units, activation=activation, **kwargs)
        self.recurrent_activation = recurrent_activation
        self._rec_act = get_activation(recurrent_activation)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "recurrent_activation": self.recurrent_activation}
