"""Shared helpers for Pilot tests: open a lesson's panel and read what it displays."""

from __future__ import annotations

import html
import re

from rich.cells import cell_len
from textual.app import App
from textual.message import Message
from textual.notifications import Notify
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


CELL_WIDTH = 12.2
"""Width of one terminal cell in Rich's SVG export (font size 20 x 0.61)."""
SVG_TEXT = re.compile(
    r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
    r'clip-path="url\(#[\w-]+-line-(\d+)\)">(.*?)</text>',
    re.S,
)
"""One run of text in row ``line-N`` at ``x`` (the title has no clip path and is left out)."""


def svg_rows(svg: str, width: int, height: int) -> list[str]:
    """The rows of a Textual SVG screenshot as text, ``width`` cells each (a wide character
    takes two cells, like in the terminal)."""
    grid = [[" "] * width for _ in range(height)]
    runs = SVG_TEXT.findall(svg)
    assert runs, "no text in the screenshot: has the SVG that Rich exports changed?"
    for x, row, chunk in runs:
        col, cells = round(float(x) / CELL_WIDTH), grid[int(row)]
        for char in html.unescape(chunk).replace("\xa0", " ").replace("\n", ""):
            size = cell_len(char)
            if size == 0 and col:  # a combining mark joins the character before it
                cells[col - 1] += char
                continue
            if col + size > width:
                break
            cells[col : col + size] = [char] + [""] * (size - 1)
            col += size
    return ["".join(cells) for cells in grid]


SVG_STYLED_TEXT = re.compile(
    r'<text class="[\w-]*-(r\d+)" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
    r'clip-path="url\(#[\w-]+-line-(\d+)\)">(.*?)</text>',
    re.S,
)
SVG_CLASS = re.compile(r"\.[\w-]*-(r\d+) \{([^}]*)\}")
SVG_BACKGROUND = re.compile(
    r'<rect fill="([^"]+)" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="[\d.]+" '
    r'shape-rendering="crispEdges"/>'
)
ROW_HEIGHT = 24.4
"""Height of one terminal row in Rich's SVG export."""


def svg_cells(svg: str, width: int, height: int) -> list[list[tuple[str, str, str]]]:
    """The cells of a Textual SVG screenshot: (character, text style, background) each, the
    style as its CSS (colour, bold, italic, underline...), so that two screenshots of the
    same screen compare equal however Rich split them into runs."""
    styles = {name: body.strip() for name, body in SVG_CLASS.findall(svg)}
    back = [[""] * width for _ in range(height)]
    for fill, x, y, w in SVG_BACKGROUND.findall(svg):
        row, col = round((float(y) - 1.5) / ROW_HEIGHT), round(float(x) / CELL_WIDTH)
        if 0 <= row < height:
            for c in range(col, min(width, col + round(float(w) / CELL_WIDTH))):
                back[row][c] = fill
    grid = [[(" ", "", back[r][c]) for c in range(width)] for r in range(height)]
    for name, x, row_text, chunk in SVG_STYLED_TEXT.findall(svg):
        row, col = int(row_text), round(float(x) / CELL_WIDTH)
        for char in html.unescape(chunk).replace("\xa0", " ").replace("\n", ""):
            if col >= width:
                break
            style = styles.get(name, "")
            if char == " " and "text-decoration" not in style:
                style = ""  # a blank's colour is not seen
            grid[row][col] = (char, style, back[row][col])
            col += max(1, cell_len(char))
    return grid


def screen_cells(app: App[object]) -> list[list[tuple[str, str, str]]]:
    """What the terminal would show right now, cell by cell with colours and text styles
    (:func:`svg_cells` of Textual's public screenshot)."""
    width, height = app.size
    return svg_cells(app.export_screenshot(simplify=True), width, height)


def screen_text(app: App[object]) -> str:
    """What the terminal would show right now, as plain text (one line per row), read from
    Textual's public screenshot (``App.export_screenshot``)."""
    width, height = app.size
    return "\n".join(svg_rows(app.export_screenshot(simplify=True), width, height))


class Notes:
    """Every notification's text, in order: pass as ``app.run_test(message_hook=notes)``
    (Textual calls the hook with each message; a notification is a public ``Notify``)."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.markup: list[bool] = []
        """For each message: was it to be read as markup?"""

    def __call__(self, message: Message) -> None:
        """Keep the text of a notification."""
        if isinstance(message, Notify):
            self.messages.append(message.notification.message)
            self.markup.append(message.notification.markup)

    def said(self, words: str) -> bool:
        """Did any notification contain ``words``?"""
        return any(words in text for text in self.messages)


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
