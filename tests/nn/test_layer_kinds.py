"""One catalogue of layer kinds (issue 11): the SPEC reader (and so ``rnntui summary``), the
model loader, its messages, the model labs and the model screen all list what
``rnntui.nn.kinds.KINDS`` lists, no more and no less."""

from __future__ import annotations

from rnntui.lab.model_layers import LABS as MODEL_LABS
from rnntui.nn import kinds
from rnntui.nn.layer import Layer
from rnntui.nn.loading.errors import SUPPORTED, SUPPORTED_LAYERS
from rnntui.nn.loading.layers import BUILDERS
from rnntui.nn.recurrent import RNNLayer
from rnntui.nn.spec import LAYERS, USAGE, plan_spec


def test_the_catalogue_is_well_formed() -> None:
    names = [k.name for k in kinds.KINDS]
    assert len(set(names)) == len(names)
    for kind in kinds.KINDS:
        assert issubclass(kind.cls, Layer)
        assert kind.cls.__name__ == kind.name  # the engine class carries the Keras name
        assert kind.recurrent == issubclass(kind.cls, RNNLayer)
    assert kinds.RECURRENT == ("SimpleRNN", "LSTM", "GRU")


def test_the_spec_reader_and_summary_know_every_kind() -> None:
    assert LAYERS == {k.name: k.cls for k in kinds.KINDS}
    assert set(USAGE) == {*kinds.NAMES, "Input"}
    # each kind's usage example is read by the SPEC reader and counted by the summary
    inputs = {"Embedding": "Input(5)"}
    for kind in kinds.KINDS:
        spec = f"{inputs.get(kind.name, 'Input(5, 3)')} {kind.usage}"
        plan = plan_spec(spec)
        assert [r.class_name for r in plan.summary.rows] == [kind.name], spec


def test_the_loader_reads_every_kind_and_names_them() -> None:
    assert set(BUILDERS) == set(kinds.BY_NAME)
    assert SUPPORTED_LAYERS == (kinds.INPUT_LAYER, *kinds.NAMES)
    for name in kinds.NAMES:
        assert name in SUPPORTED


def test_the_model_screen_and_labs_open_every_recurrent_kind() -> None:
    from rnntui.ui.screens.model import layer_panels

    assert set(layer_panels()) == set(kinds.RECURRENT)
    assert {cls.__name__ for cls in MODEL_LABS} == set(kinds.RECURRENT)
    for name, panel in layer_panels().items():
        assert panel.__name__ == f"{name}Panel"
