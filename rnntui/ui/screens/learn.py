"""The lesson screen: lesson list, lesson text (Markdown) and the lesson's live panel.

>= 100 columns: text and panel side by side. Narrower: one of them at a time (F4 switches).
The lesson list is hidden until F2. A hidden panel is built after the first frame, so the
first screen only pays for what it shows (the panel modules are imported then, too).
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from rnntui.ui.strings import tr
from rnntui.ui.widgets.keybar import KeyBar
from rnntui.ui.widgets.lesson_list import LessonList
from rnntui.ui.widgets.size_notice import SizeNotice

if TYPE_CHECKING:
    from rnntui.content.model import Lesson
    from rnntui.ui.panels.base import Panel

WIDE = 100


async def _wait(awaitable: Awaitable[object]) -> None:
    await awaitable


class PanelPane(VerticalScroll, can_focus=False):
    """Scrolls the panel; focus goes to the panel's controls, never to the pane itself."""


class LearnScreen(Screen[None]):
    """One lesson beside its panel."""

    AUTO_FOCUS = "#text-pane"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f8", "toggle_demo", "Demo"),
        Binding("d,ㅇ", "toggle_demo", "Demo", show=False),
    ]
    LABELS_KO: ClassVar[dict[str, str]] = {"Demo": "데모"}
    HORIZONTAL_BREAKPOINTS: list[tuple[int, str]] | None = [  # noqa: RUF012 (as Textual)
        (0, "-narrow"),
        (WIDE, "-wide"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.lesson: Lesson | None = None
        self.panel: Panel | None = None
        self._pending_panel: Panel | None = None
        self._pending_lesson: Lesson | None = None
        """A lesson whose hidden panel is still to be made (after the next refresh)."""
        self._mounting: Awaitable[object] | None = None
        """The mount of the hidden panel, awaited by F4 if it has not finished."""
        self._panel_focus: Widget | None = None
        self._labs: dict[tuple[str, ...], object] = {}
        self.title_text = ""
        """The title line once the lesson shown is in place (see :meth:`show_lesson`)."""
        self.demo_shown = False
        """Is the lesson's demo (front matter ``demo:``) shown in place of its panel?"""
        """Each visited lesson's lab (its panel's model and the student's changes to it)."""
        """The panel control that had the focus when F4 went back to the text."""

    def compose(self) -> ComposeResult:
        yield Static(id="titlebar", markup=False)
        yield SizeNotice(id="size-notice")
        with Horizontal(id="main"):
            yield LessonList(id="lessons")
            yield self._text_pane()
            yield PanelPane(id="panel-pane")
        yield KeyBar(id="keybar")

    def _text_pane(self) -> VerticalScroll:
        """The text pane, holding the first lesson's text when the lessons are loaded and the
        panel is hidden: the screen's first layout then draws it (one frame: mounted later,
        inside a batch, it came with a second, full repaint of the same screen). Side by
        side, text and panel are mounted together in one batch (composed with the text, the
        screen drew the text first and the panel a frame later)."""
        first = getattr(self.app, "first_lesson", lambda: None)()
        if first is None or self.app.size.width >= WIDE:  # wide: text and panel come together
            return VerticalScroll(id="text-pane")
        from rnntui.ui.widgets.lesson_text import lesson_text_widget

        size = self.app.size  # the first frame in the right layout and with its keys (F8):
        self.set_class(size.width < WIDE, "-narrow")  # as the breakpoints will set it
        self.set_class(size.width >= WIDE, "-wide")
        self.lesson = first
        text, long = lesson_text_widget(first.body, size)
        pane = VerticalScroll(text, id="text-pane")
        pane.styles.overflow_y = "scroll" if long else "auto"
        return pane

    def on_mount(self) -> None:
        """Ask the app for the first lesson once the widgets exist."""
        start = getattr(self.app, "start", None)
        if start is not None:
            start()

    def show_loading(self, lang: str) -> None:
        """Before the lessons are loaded: the chrome and a short message."""
        self.query_one("#titlebar", Static).update(f"rnntui  {tr('loading', lang)}")
        self.title_text = ""

    # -- state --------------------------------------------------------------------------------
    @property
    def narrow(self) -> bool:
        """True below the side-by-side width."""
        return self.size.width < WIDE

    def panel_visible(self) -> bool:
        """Is the panel pane on screen?"""
        return not self.narrow or self.has_class("-show-panel")

    # -- lessons ------------------------------------------------------------------------------
    def show_lesson(self, lesson: Lesson, lessons: list[Lesson], title: str) -> AwaitComplete:
        """Display ``lesson``: text, panel (now if visible, else after the first frame).

        The returned object may be awaited (the F5/F6 actions do, so keys typed right after
        wait for the new panel); the title changes once the new text is in place, and while
        it is being prepared the title says so. If the focus was on the panel, a control of
        the new panel gets it."""
        if self.lesson is None or self.lesson.id != lesson.id or not lesson.demo:
            self.demo_shown = False  # a new lesson starts on its own panel
        self.lesson = lesson
        panel_had_focus = self.panel_visible() and self._focus_in("#panel-pane")
        self.query_one("#titlebar", Static).update(f"{title}  ...")
        self.title_text = ""
        self.query_one(LessonList).set_lessons(
            lessons, lesson.id, getattr(self.app, "lang", lesson.lang)
        )
        text_pane = self.query_one("#text-pane", VerticalScroll)
        from rnntui.ui.widgets.lesson_text import show_lesson_text

        waits: list[Awaitable[object]] = [show_lesson_text(text_pane, lesson.body)]
        text_pane.scroll_home(animate=False)
        pane = self.query_one("#panel-pane", VerticalScroll)
        waits.append(pane.remove_children())
        self._panel_focus = None
        self._pending_panel = None
        if self.panel_visible() and pane.is_mounted:
            self.panel = panel = self._make_panel(lesson)
            waits.append(pane.mount(panel))
        else:  # hidden (80x24): made after the text's frame (NumPy is not imported before it)
            self.panel = None
            self._pending_lesson = lesson

        async def settle() -> None:
            for wait in waits:
                await wait
            if self._pending_lesson is lesson:
                # Only now, and two refreshes on: a refresh while the text is being mounted
                # (or inside its batch update) paints no text, and the text pane's scroll bar
                # is drawn one frame after the text; the panel's NumPy import and build
                # (~0.2 s at the first start) would hold back the lesson's finished frame.
                self.call_after_refresh(self.call_after_refresh, self._mount_pending)
            if self.lesson is lesson:
                self.query_one("#titlebar", Static).update(title)
                self.title_text = title
                shown = self.panel
                if panel_had_focus and shown is not None and shown.is_attached:
                    self._focus_first("#panel-pane")

        return AwaitComplete(settle())

    def _make_panel(self, lesson: Lesson) -> Panel:
        """The lesson's panel, or its demo's when that is shown, on the lab kept for it."""
        if self.demo_shown and lesson.demo:  # a demo's model depends on the language
            name = f"demo_{lesson.demo}"
            key: tuple[str, ...] = (lesson.id, name, lesson.lang)
        else:
            name = lesson.panel
            key = (lesson.id, name)
        from rnntui.ui.panels import make_panel  # (its widgets: not before the first frame)

        panel = make_panel(name, lesson.preset if name == lesson.panel else {}, lesson.lang,
                           lab=self._labs.get(key))  # fmt: skip
        lab = getattr(panel, "lab", None)
        if lab is not None:  # the student's changes survive F3 and a lesson round trip
            self._labs[key] = lab
        return panel

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The demo key exists only on a lesson that hosts a demo."""
        if action == "toggle_demo":
            return self.lesson is not None and bool(self.lesson.demo)
        return True

    async def action_toggle_demo(self) -> None:
        """Show the lesson's demo in place of its panel, or the panel again (narrow: the
        panel pane comes to the front). The panel's first control gets the focus."""
        lesson = self.lesson
        if lesson is None or not lesson.demo:
            return
        self.demo_shown = not self.demo_shown
        pane = self.query_one("#panel-pane", VerticalScroll)
        await pane.remove_children()
        self._pending_panel = None
        self.panel = panel = self._make_panel(lesson)
        self._panel_focus = None
        self.set_class(True, "-show-panel")
        await pane.mount(panel)
        self._focus_first("#panel-pane")
        self.refresh_bindings()

    def _mount_pending(self) -> AwaitComplete:
        pane = self.query_one("#panel-pane", VerticalScroll)
        if pane.is_mounted and not pane.is_attached:  # the app is closing (q right after ] or F4)
            return AwaitComplete()
        if not pane.is_mounted:  # the screen is still being built: try after its first frame
            self.call_after_refresh(self._mount_pending)
            return AwaitComplete()
        lesson, self._pending_lesson = self._pending_lesson, None
        if lesson is not None and lesson is self.lesson and self.panel is None:
            self.panel = self._pending_panel = self._make_panel(lesson)
        panel, self._pending_panel = self._pending_panel, None
        if panel is not None and panel is self.panel and not panel.is_attached:
            self._mounting = pane.mount(panel)
        shown = self.panel
        if shown is not None and shown.is_attached and not shown.is_mounted and self._mounting:
            return AwaitComplete(_wait(self._mounting))  # F4 while it mounts: wait for it
        return AwaitComplete()

    # -- panes --------------------------------------------------------------------------------
    async def switch_pane(self) -> None:
        """Narrow: show the other pane. Wide: move focus to the other pane. Going to the
        panel waits for it to be mounted (keys typed right after F4 reach its controls) and
        puts the focus back where it was on the panel."""
        to_panel = (
            not self._focus_in("#panel-pane")
            if not self.narrow
            else not self.has_class("-show-panel")
        )
        if not to_panel and self._focus_in("#panel-pane"):
            self._panel_focus = self.focused
        self.set_class(to_panel, "-show-panel")
        await self._mount_pending()
        if to_panel:
            last = self._panel_focus
            if last is not None and last.is_attached and last.focusable:
                self.set_focus(last)  # now, not after the keys already queued
                return
            self._focus_first("#panel-pane")
            # Under load the panel's controls can still be on their way in (or not laid out
            # yet, so not focusable): try again after each refresh, with the keys typed after
            # F4 still waiting for this action.
            for _ in range(100):
                panel = self.panel
                if self._focus_in("#panel-pane") or panel is None:
                    break
                if panel.is_mounted and not any(w.can_focus for w in panel.query("*")):
                    break  # a panel without controls (a placeholder)
                await self.wait_for_refresh()
                self._focus_first("#panel-pane")
        else:
            self._focus_first("#text-pane")

    def _focus_in(self, selector: str) -> bool:
        focused = self.focused
        pane = self.query_one(selector)
        return focused is not None and (focused is pane or pane in focused.ancestors)

    def _focus_first(self, selector: str) -> None:
        """Focus the first focusable widget of the pane now (``Widget.focus()`` would wait
        until the keys already queued were handled, and those keys belong to it)."""
        pane = self.query_one(selector)
        for widget in pane.query("*"):
            if widget.focusable:
                self.set_focus(widget)
                return
        self.set_focus(pane if pane.focusable else None)

    def toggle_list(self) -> None:
        """Show or hide the lesson list (focuses it when shown)."""
        shown = not self.has_class("-list")
        self.set_class(shown, "-list")
        if shown:
            lessons = self.query_one(LessonList)
            app = self.app
            progress = getattr(app, "lesson_progress", lambda: None)()
            every = getattr(app, "lesson_list", None)
            if self.lesson is not None and progress is not None and every is not None:
                lessons.set_lessons(
                    every(), self.lesson.id, getattr(app, "lang", self.lesson.lang), progress
                )
            lessons.focus()
        else:
            self._focus_first("#panel-pane" if self.has_class("-show-panel") else "#text-pane")

    def on_lesson_list_chosen(self, event: LessonList.Chosen) -> None:
        """Hide the list after a choice; the app opens the lesson."""
        self.set_class(False, "-list")
        self.set_class(False, "-show-panel")
        self.query_one("#text-pane").focus()

    def on_lesson_list_quiz_chosen(self, event: LessonList.QuizChosen) -> None:
        """Hide the list when a quiz is asked for; the app opens the quiz."""
        self.set_class(False, "-list")
        self.query_one("#text-pane").focus()

    def busy(self) -> bool:
        """True while a panel waits to be mounted or computed (see the app's F12 sync)."""
        panel = self.panel
        if self._pending_lesson is not None:  # made (hidden or not) after the next refresh
            return True
        if self._pending_panel is not None and self.panel_visible():
            return True
        return panel is not None and panel.is_attached and not panel.is_mounted

    def focused_panel(self) -> Panel | None:
        """The panel, if any is shown."""
        return self.panel if self.panel is not None and self.panel.is_attached else None
