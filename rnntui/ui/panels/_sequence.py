"""The recurrent panels' input sequence now lives in the lab (``rnntui.lab.sequence``); the
names stay importable from here for older importers (``tests/ui/test_extremes.py``)."""

from __future__ import annotations

from rnntui.lab.sequence import InputSequence, StateEdit, from_preset, parse_sequence, run_steps
from rnntui.lab.specs import MAX_STEPS

__all__ = ["MAX_STEPS", "InputSequence", "StateEdit", "from_preset", "parse_sequence", "run_steps"]
