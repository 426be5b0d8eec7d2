"""The cell diagram widget and its modal screen show the lab's diagram lines (in a tiny test
app, not in a panel); the display check's ``b`` saves the box-lines choice."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

from rnntui.lab.diagram import lab_diagram
from rnntui.lab.gru import GRULab
from rnntui.lab.lstm import LSTMLab
from rnntui.settings import ascii_boxes
from rnntui.ui.screens.cell_diagram import CellDiagramScreen
from rnntui.ui.screens.display_check import DisplayCheckScreen
from rnntui.ui.widgets.cell_diagram import CellDiagram

from .helpers import screen_text


class DiagramApp(App[None]):
    """One CellDiagram and nothing else."""

    def __init__(self, widget: CellDiagram, lang: str = "en") -> None:
        super().__init__()
        self.widget, self.lang = widget, lang

    def compose(self) -> ComposeResult:
        yield self.widget


def rows(app: App[None]) -> list[str]:
    return [line.rstrip() for line in screen_text(app).split("\n")]  # type: ignore[arg-type]


async def test_the_widget_shows_the_lines_and_repaints_a_new_value() -> None:
    lab = LSTMLab(None)
    diagram = lab_diagram(lab)
    widget = CellDiagram(diagram)
    app = DiagramApp(widget)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        assert widget.lines == diagram.lines
        assert widget.size.width == diagram.width and widget.size.height == len(diagram.lines)
        shown = rows(app)
        assert shown[: len(diagram.lines)] == [line.rstrip() for line in diagram.lines]
        lab.force("f", "value", 0.0)
        forced = lab_diagram(lab, ascii=True)
        widget.show(forced)
        await pilot.pause()
        shown = rows(app)
        assert shown[: len(forced.lines)] == [line.rstrip() for line in forced.lines]
        assert "* forced: f" in screen_text(app)  # type: ignore[arg-type]
        assert not any("\u2500" <= ch <= "\u257f" for ch in screen_text(app))  # type: ignore[arg-type]


async def test_gate_values_are_shaded_and_the_number_is_still_printed() -> None:
    diagram = lab_diagram(GRULab(None))
    shaded, plain = CellDiagram(diagram), CellDiagram(diagram, shade=False)
    gates = {s.name for s in diagram.spots if s.lo is not None}
    assert gates == {"z", "r", "hh"}
    text = shaded.render()
    assert text.plain == plain.render().plain == diagram.text
    backgrounds = {text.plain[span.start : span.end] for span in text.spans}
    assert backgrounds == {s.text for s in diagram.spots if s.name in gates}
    assert not plain.render().spans
    assert CellDiagram(list(diagram.lines)).render().plain == diagram.text


async def test_the_screen_shows_the_diagram_scrolls_at_80x24_and_escape_closes() -> None:
    lab = GRULab({"reset_after": False})
    diagram = lab_diagram(lab, lang="ko")
    app = DiagramApp(CellDiagram(), lang="ko")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(CellDiagramScreen(diagram, "ko"))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CellDiagramScreen) and screen.lines == diagram.lines
        text = screen_text(app)  # type: ignore[arg-type]
        assert "패널 값으로 그린 셀" in text
        assert all(line.strip() in text for line in diagram.lines[:18])  # whole, not clipped
        last = diagram.lines[-1].strip()
        assert last not in text  # 28 lines do not fit in 24 rows
        await pilot.press("pagedown", "pagedown", "pagedown")
        await pilot.pause()
        assert last in screen_text(app)  # type: ignore[arg-type]
        lab.set("h_prev", 0.5)
        screen.show(lab_diagram(lab, lang="ko"))
        await pilot.pause()
        assert screen.lines == lab_diagram(lab, lang="ko").lines != diagram.lines
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CellDiagramScreen)


async def test_b_in_the_display_check_saves_that_box_lines_are_broken() -> None:
    app = DiagramApp(CellDiagram(), lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(DisplayCheckScreen())
        await pilot.pause()
        line = app.screen.query_one("#check-boxes", Static)
        assert not ascii_boxes() and "b: draw diagrams in ASCII" in str(line.render())
        await pilot.press("b")
        await pilot.pause()
        assert ascii_boxes() and "as you chose" in str(line.render())
        await pilot.press("b")
        await pilot.pause()
        assert not ascii_boxes()
