"""Shared helpers for Pilot tests: open a lesson's panel and read what it displays."""

from __future__ import annotations

from textual.pilot import Pilot

from rnntui.ui.app import RnnTuiApp
from rnntui.ui.panels.base import Panel
from rnntui.ui.widgets.readout import Readout


async def show_panel(pilot: Pilot) -> Panel:
    """At any size: make the panel visible (F4 when narrow) and return it, computed."""
    app = pilot.app
    assert isinstance(app, RnnTuiApp)
    if app.learn.narrow:
        await pilot.press("f4")
    await pilot.pause()
    panel = app.learn.panel
    assert panel is not None and panel.is_attached
    await pilot.pause()
    return panel


def shown(panel: Panel, selector: str) -> str:
    """The text a Readout displays."""
    return panel.query_one(selector, Readout).text


async def focus(pilot: Pilot, panel: Panel, selector: str) -> None:
    """Focus a control of the panel (Tab navigation is tested separately)."""
    panel.query_one(selector).focus()
    await pilot.pause()


def screen_text(app: RnnTuiApp) -> str:
    """What the terminal would show right now, as plain text (one line per row)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait for a state, not a time: no worker running, no panel waiting to be mounted, and
    the same screen after two pauses in a row."""
    app = pilot.app
    last = None
    for _ in range(200):
        await app.workers.wait_for_complete()
        await pilot.pause()
        learn = app.screen_stack[0]
        if getattr(learn, "busy", lambda: False)():
            continue
        now = screen_text(app)
        if now == last:
            return
        last = now
    raise AssertionError("the screen never settled")
