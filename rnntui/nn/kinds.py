"""The one catalogue of layer kinds the engine computes (issue 11).

Every list of layer kinds derives from :data:`KINDS`: the SPEC reader's constructors
(``rnntui.nn.spec.LAYERS`` and its examples), the model loader's builders and the classes it
names in messages (``rnntui.nn.loading``), the layers the summary counts, and the recurrent
layers the model screen opens in a lesson panel. A new layer kind is one row here (and its
builder in ``rnntui.nn.loading.layers``; a test checks that they agree).
"""

from __future__ import annotations

from dataclasses import dataclass

from rnntui.nn.bidirectional import Bidirectional
from rnntui.nn.dense import Dense
from rnntui.nn.dropout_layer import Dropout
from rnntui.nn.embedding import Embedding
from rnntui.nn.gru import GRU
from rnntui.nn.layer import Layer
from rnntui.nn.lstm import LSTM
from rnntui.nn.pooling import GlobalAveragePooling1D
from rnntui.nn.simple_rnn import SimpleRNN


@dataclass(frozen=True)
class LayerKind:
    """One Keras layer class the engine computes.

    ``name``: the Keras class name (also the SPEC's constructor); ``cls``: the engine class;
    ``usage``: a SPEC example for messages; ``aliases``: other Keras names of the same class
    (read in files); ``recurrent``: a recurrent layer shown step by step in a lesson panel.
    """

    name: str
    cls: type[Layer]
    usage: str
    aliases: tuple[str, ...] = ()
    recurrent: bool = False


KINDS: tuple[LayerKind, ...] = (
    LayerKind("Embedding", Embedding, "Embedding(1000, 16, mask_zero=True)"),
    LayerKind("SimpleRNN", SimpleRNN, "SimpleRNN(32, return_sequences=True)", recurrent=True),
    LayerKind("LSTM", LSTM, "LSTM(32, return_sequences=True)", recurrent=True),
    LayerKind("GRU", GRU, "GRU(32, reset_after=True)", recurrent=True),
    LayerKind("Bidirectional", Bidirectional, "Bidirectional(LSTM(16), merge_mode='concat')"),
    LayerKind("Dense", Dense, "Dense(1, activation='sigmoid')"),
    LayerKind("Dropout", Dropout, "Dropout(0.2)"),
    LayerKind(
        "GlobalAveragePooling1D",
        GlobalAveragePooling1D,
        "GlobalAveragePooling1D()",
        aliases=("GlobalAvgPool1D",),
    ),
)
"""Every layer kind, in the order messages list them."""

INPUT_LAYER = "InputLayer"
"""The class of a model file's input (no computation: it gives the input shape)."""

BY_NAME: dict[str, LayerKind] = {
    name: kind for kind in KINDS for name in (kind.name, *kind.aliases)
}
"""Keras class name (aliases included) -> its kind."""

NAMES: tuple[str, ...] = tuple(kind.name for kind in KINDS)
"""The Keras class names, in catalogue order."""

RECURRENT: tuple[str, ...] = tuple(kind.name for kind in KINDS if kind.recurrent)
"""The recurrent layers (SimpleRNN, LSTM, GRU): each has a lesson panel."""


def kind_of(name: str) -> LayerKind | None:
    """The kind of a Keras class name (or alias), or None if the engine does not compute it."""
    return BY_NAME.get(name)
