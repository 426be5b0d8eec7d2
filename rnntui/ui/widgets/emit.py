"""Deliver a control's message synchronously to its panel, so one key = one frame.

A posted message is handled a few event-loop turns later; by then Textual may already have
painted the control's own change, and the panel's numbers arrive in a second frame (two
writes per key over ssh). A Panel installs ``emit_hook`` on its descendants at mount; a
control calls :func:`emit` instead of ``post_message``.
"""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widget import Widget


def emit(widget: Widget, message: Message) -> None:
    """Give ``message`` to the installed hook now, or post it if there is none."""
    hook = getattr(widget, "emit_hook", None)
    if hook is not None:
        hook(message)
    else:
        widget.post_message(message)


async def run_own_binding(widget: Widget, event: events.Key) -> bool:
    """Run ``widget``'s own binding for ``event`` now, if it is focused and has one.

    Textual would otherwise pass the key up through every ancestor's message queue (one
    event-loop turn each) before the App finds this same binding, the focused widget's being
    checked first. Priority bindings were already tried by the App. Returns True if handled
    (the event is then stopped)."""
    app = widget.app
    if app.focused is not widget or getattr(app, "_keymap", None):
        return False  # (a user keymap is applied by the App's own path)
    for binding in widget._bindings.key_to_bindings.get(event.key, ()):
        if not binding.priority and await app.run_action(binding.action, widget):
            event.stop()
            event.prevent_default()
            return True
    return False
