"""Deliver a control's message synchronously to its panel, so one key = one frame.

A posted message is handled a few event-loop turns later; by then Textual may already have
painted the control's own change, and the panel's numbers arrive in a second frame (two
writes per key over ssh). A Panel gives its controls a hook (an attribute of our own
widgets, not of Textual's) at mount; a control calls :func:`emit` instead of ``post_message``.
"""

from __future__ import annotations

from textual.message import Message
from textual.widget import Widget


def emit(widget: Widget, message: Message) -> None:
    """Give ``message`` to the installed hook now, or post it if there is none."""
    hook = getattr(widget, "emit_hook", None)
    if hook is not None:
        hook(message)
    else:
        widget.post_message(message)
