"""Every generated-question template, in one tuple, and lookup by id."""

from __future__ import annotations

import importlib
from functools import cache

from rnntui.quiz.templates.base import Template

FAMILIES = ("params", "shapes", "values", "outputs", "demos")
"""The template modules (under ``rnntui.quiz.templates``), each with a ``TEMPLATES`` tuple."""


@cache
def templates() -> tuple[Template, ...]:
    """Every template, in family order."""
    found: list[Template] = []
    for family in FAMILIES:
        module = importlib.import_module(f"rnntui.quiz.templates.{family}")
        found.extend(module.TEMPLATES)
    return tuple(found)


def template(template_id: str) -> Template:
    """The template with this id (with or without the ``gen/`` prefix); KeyError if unknown."""
    for tpl in templates():
        if template_id in (tpl.id, tpl.item_id):
            return tpl
    raise KeyError(template_id)
