"""What every generated-question template shares: the ``Template`` record.

A template makes a fresh instance (new numbers) from a seeded RNG. The answer of every instance
is computed by the engine (``rnntui.nn``); tests recompute it with an independent formula from
``Question.meta``. Progress is kept per template (``gen/<template id>``), not per instance.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace

from rnntui.quiz.question import Question

Maker = Callable[[random.Random, str], Question]


@dataclass(frozen=True)
class Template:
    """A generated-question template: a stable id, the course topic it belongs to, a maker."""

    id: str
    topic: str
    make: Maker

    @property
    def item_id(self) -> str:
        """The progress key of this template."""
        return f"gen/{self.id}"

    def instance(self, rng: random.Random, lang: str) -> Question:
        """A fresh question (new numbers) in ``lang``."""
        q = self.make(rng, lang)
        return replace(q, id=self.item_id, topic=self.topic, generated=True)
