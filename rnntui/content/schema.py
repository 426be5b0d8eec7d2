"""What a lesson header may contain: field names, panels and the preset keys each panel knows."""

from __future__ import annotations

import re

from rnntui.lab.specs import PANEL_SPECS

ID_PATTERN = re.compile(r"[a-z0-9-]+")
"""Lesson ids and quiz item ids: lower-case ascii letters, digits and dashes."""

REQUIRED_FIELDS: tuple[str, ...] = ("id", "order", "lang", "title", "panel", "topics", "quiz")
OPTIONAL_FIELDS: tuple[str, ...] = ("preset", "glossary", "demo")
ALL_FIELDS: tuple[str, ...] = REQUIRED_FIELDS + OPTIONAL_FIELDS

QUIZ_TYPES: tuple[str, ...] = ("choice", "truefalse", "numeric")
QUIZ_REQUIRED: tuple[str, ...] = ("id", "type", "question", "answer")
QUIZ_KEYS_BY_TYPE: dict[str, tuple[str, ...]] = {
    "choice": (*QUIZ_REQUIRED, "choices", "explanation"),
    "truefalse": (*QUIZ_REQUIRED, "explanation"),
    "numeric": (*QUIZ_REQUIRED, "tolerance", "explanation"),
}
QUIZ_ALL_KEYS: tuple[str, ...] = (*QUIZ_REQUIRED, "choices", "explanation", "tolerance")
CHOICE_KEYS: tuple[str, ...] = ("text", "why")
MIN_QUIZ_ITEMS = 3
MIN_CHOICES = 2
MAX_CHOICES = 6

GLOSSARY_KEYS: tuple[str, ...] = ("ko", "en")

PANEL_PRESETS: dict[str, tuple[str, ...]] = {
    name: spec.preset_names() for name, spec in PANEL_SPECS.items()
}
"""Each live panel and the preset keys it understands: its lab SPEC (``rnntui/lab/specs.py``)."""

PANELS: tuple[str, ...] = tuple(PANEL_PRESETS)

DEMOS: tuple[str, ...] = ("next_word", "fill_blank", "remember", "overfit", "dropout", "speed")
"""What a lesson's ``demo:`` may name: a trained-model demo (issue 13) the lesson screen shows
in place of the lesson's panel on a key (the panel registry's ``demo_<name>``)."""

LAYER_TYPES: tuple[str, ...] = ("LSTM", "GRU", "SimpleRNN")
LAYER_KEYS: tuple[str, ...] = ("type", "units", "return_sequences")
MAX_STACK = 4
MERGE_MODES: tuple[str, ...] = ("concat", "sum", "mul", "ave")

MAX_FILE_BYTES = 1024 * 1024
"""Lesson files above this size are refused without being read in full."""
