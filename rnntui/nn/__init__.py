"""The NumPy engine: Keras 3 recurrent layers in float64, with step-by-step traces, and
training as Keras computes it (backprop through time, ``losses``, ``optimizers``,
``Sequential.compile`` / ``fit``) with a per-step gradient trace (``backward_trace``).

Pure NumPy and the standard library: importing it never loads Textual or Rich.
"""

from typing import TYPE_CHECKING, Any

from rnntui.nn import losses, optimizers
from rnntui.nn.bidirectional import Bidirectional
from rnntui.nn.callbacks import Callback, History, LambdaCallback
from rnntui.nn.dense import Dense
from rnntui.nn.dropout import DropoutMasks
from rnntui.nn.dropout_layer import Dropout
from rnntui.nn.embedding import Embedding
from rnntui.nn.grad_trace import BackwardTrace, LayerBackward, StepGrad, backward_trace
from rnntui.nn.gru import GRU
from rnntui.nn.lstm import LSTM
from rnntui.nn.pooling import GlobalAveragePooling1D
from rnntui.nn.recurrent import RNNLayer
from rnntui.nn.sequential import ModelSummary, Sequential, StackError, SummaryRow
from rnntui.nn.simple_rnn import SimpleRNN
from rnntui.nn.tape import LayerGrads, RecurrentGrads
from rnntui.nn.trace import BidirectionalTrace, GateForce, GateParts, RecurrentTrace, StepTrace

if TYPE_CHECKING:
    from rnntui.nn.loading import LoadError, load_model

__all__ = [
    "GRU",
    "LSTM",
    "BackwardTrace",
    "Bidirectional",
    "BidirectionalTrace",
    "Callback",
    "Dense",
    "Dropout",
    "DropoutMasks",
    "Embedding",
    "GateForce",
    "GateParts",
    "GlobalAveragePooling1D",
    "History",
    "LambdaCallback",
    "LayerBackward",
    "LayerGrads",
    "LoadError",
    "ModelSummary",
    "RNNLayer",
    "RecurrentGrads",
    "RecurrentTrace",
    "Sequential",
    "SimpleRNN",
    "StackError",
    "StepGrad",
    "StepTrace",
    "SummaryRow",
    "backward_trace",
    "load_model",
    "losses",
    "optimizers",
]


def __getattr__(name: str) -> Any:
    """``load_model`` and ``LoadError`` on first use: the model loader (vocabularies, file
    formats, messages; ~20 ms) is not needed by the panels, which import the engine at once."""
    if name in ("load_model", "LoadError"):
        from rnntui.nn import loading

        return getattr(loading, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
