"""The rnntui Textual app: one lesson screen, F-key actions, palette entries per lesson."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import App
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.css.query import NoMatches
from textual.screen import Screen

from rnntui.ui.keys import key_display, own_bindings
from rnntui.ui.screens.learn import LearnScreen
from rnntui.ui.strings import tr
from rnntui.ui.theme import CONTRAST_THEME, DEFAULT_THEME, HIGH_CONTRAST
from rnntui.ui.widgets.lesson_list import LessonList

SYNC_ENV = "RNNTUI_SYNC_FILE"
"""Test hooks, only while this is set to a file path: F12 writes how many F12s the app has
handled to that file once the screen has been refreshed after it, and F11 redraws every
widget and every cell of the screen from the current state (the real-terminal tests compare
the screen before and after it)."""

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.app import SystemCommand
    from textual.notifications import SeverityLevel

    from rnntui.content.loader import LessonSet
    from rnntui.content.model import Lesson
    from rnntui.content.preview import Preview
    from rnntui.quiz.report import LessonProgress
    from rnntui.ui.screens.quiz import QuizPlan, QuizRun


def lesson_title(lesson: Lesson, number: int, total: int, lang: str) -> str:
    """The lesson screen's title line: ``rnntui  3/13  <title>  [en]``."""
    return f"rnntui  {number}/{total}  {lesson.title}  [{lang}]"


class RnnTuiApp(App[int]):
    """Lessons beside live NumPy models."""

    CSS_PATH = "rnntui.tcss"
    TITLE = "rnntui"
    ENABLE_COMMAND_PALETTE = True
    ALLOW_SELECT = False
    """No mouse text selection: rnntui is keyboard-first (the terminal's own Shift+drag still
    selects), and in Textual 8.2 a press on a Markdown block that a lesson change has just
    detached crashed the app (a stray mouse report is enough; issue 18 item 8)."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("f1", "help", "Help"),
        Binding("f2", "toggle_list", "Lessons"),
        Binding("f3", "toggle_lang", "Lang"),
        Binding("f4", "switch_pane", "Text/Panel"),
        Binding("f5", "prev_lesson", "Prev/Next"),
        Binding("f6", "next_lesson", "Prev/Next"),
        Binding("f7", "quiz", "Quiz"),
        Binding("f9", "toggle_theme", "Contrast"),
        # The same actions on keys every terminal sends (GNOME Terminal and VS Code take F1,
        # laptops need Fn); Hangul input mode sends the jamo for l and v.
        Binding("question_mark", "help", "Help", show=False),
        Binding("l,ㅣ", "toggle_list", "Lessons", show=False),
        Binding("L", "toggle_lang", "Lang", show=False),
        Binding("v,ㅍ", "switch_pane", "Text/Panel", show=False),
        Binding("left_square_bracket", "prev_lesson", "Prev/Next", show=False),
        Binding("right_square_bracket", "next_lesson", "Prev/Next", show=False),
        Binding("ㅂ", "quit", "Quit", show=False),
        Binding("f11", "repaint_all", show=False, priority=True),
        Binding("f12", "sync", show=False, priority=True),
    ]

    def __init__(
        self,
        lessons: LessonSet | Callable[[], LessonSet],
        *,
        lang: str = "en",
        lesson_id: str | None = None,
        save: bool = True,
        theme: str | None = None,
        quiz: QuizPlan | None = None,
        preview: Preview | None = None,
    ) -> None:
        """``lessons``: a LessonSet, or a loader called in a thread after the first frame;
        ``theme``: the saved theme name (unknown names fall back to the default);
        ``preview``: with a loader, the lesson to show until the lessons are loaded
        (rnntui.content.preview: the one the loaded lessons are expected to open)."""
        super().__init__()
        self.animation_level = "none"
        self.lessons: LessonSet | None = None if callable(lessons) else lessons
        self._loader = lessons if callable(lessons) else None
        self.preview = preview if self._loader is not None else None
        self.lang = lang
        self.lesson_id = lesson_id
        self.save = save
        self.panicked = False
        """True once :meth:`panic` ran (an unhandled error ended the app)."""
        self.quiz_plan = quiz
        """A quiz to open as soon as the lessons are loaded (``rnntui quiz``)."""
        self.quiz_run: QuizRun | None = None
        """The quiz paused by its "open lesson" key (F7 resumes it)."""
        self.syncs = 0
        """F12 presses handled (see ``SYNC_ENV``)."""
        self.register_theme(HIGH_CONTRAST)
        self.theme = theme if theme in self.available_themes else DEFAULT_THEME

    # -- lessons ------------------------------------------------------------------------------
    def lesson_list(self) -> list[Lesson]:
        """Every lesson in the current language (falling back to the other language)."""
        if self.lessons is None:
            return []
        found = [self.lessons.get(i, self.lang) for i in self.lessons.ids()]
        return [x for x in found if x is not None]

    def get_default_screen(self) -> Screen[None]:
        return LearnScreen()

    @property
    def learn(self) -> LearnScreen:
        """The lesson screen (the bottom of the stack)."""
        screen = self.screen_stack[0]
        assert isinstance(screen, LearnScreen)
        return screen

    def on_mount(self) -> None:
        self.screen_change_signal.subscribe(self, self._no_blink)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is plain text: messages carry what users typed and what files
        hold (``[/]`` in a typed value crashed Textual's markup parser), and control characters
        are removed so no file can send escapes to the terminal. ``markup`` is ignored."""
        from rnntui.printable import printable

        super().notify(
            printable(message),
            title=printable(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def panic(self, *renderables: RenderableType) -> None:
        """Exit showing an error; unlike ``App.panic`` (return code 0) the exit status is 1.
        The input thread's crash (textual#6456) ends here, so ``rnntui`` never exits 0."""
        self.panicked = True
        super().panic(*renderables)

    def _no_blink(self, screen: Screen) -> None:
        """Inputs on pushed screens (the command palette) must not blink either (idle bytes);
        the palette's emoji search icon (two cells, not in every font) becomes ASCII."""
        from textual.command import SearchIcon
        from textual.widgets import Input

        def stop() -> None:
            for entry in screen.query(Input):
                entry.cursor_blink = False
            for icon in screen.query(SearchIcon):
                icon.icon = ">"
                icon.refresh()

        screen.call_after_refresh(stop)

    def start(self) -> None:
        """The screen is up: open the first lesson, loading lessons first if needed (with a
        preview, that lesson is shown meanwhile)."""
        if self.lessons is not None:  # (from the parse cache: say what was skipped all the same)
            self._loaded(self.lessons)
            return
        preview = self.preview
        if preview is not None:
            lesson = preview.lesson  # (lesson_id stays the one asked for: the load decides)
            title = lesson_title(lesson, preview.number, preview.total, self.lang)
            self.learn.show_lesson(lesson, [lesson], title)
            # After the lesson's frame (two refreshes on, as the hidden panel): the parse
            # holds the GIL, and started sooner it slowed the frame down.
            self.call_after_refresh(self.call_after_refresh, self._load_in_thread)
            return
        self.learn.show_loading(self.lang)
        self.call_after_refresh(self._load_in_thread)

    def _load_in_thread(self) -> None:
        self.run_worker(self._load, thread=True, exclusive=True, group="lessons")

    def _load(self) -> None:
        assert self._loader is not None
        try:
            lessons = self._loader()
        except Exception as error:  # a broken install must show a message, not a traceback
            self.call_from_thread(self._load_failed, error)
            return
        self.call_from_thread(self._loaded, lessons)

    def _load_failed(self, error: Exception) -> None:
        self.notify(
            f"{tr('lessons.none', self.lang)} {type(error).__name__}: {error}",
            severity="error",
            timeout=30,
        )

    def _loaded(self, lessons: LessonSet) -> None:
        self.lessons = lessons
        if lessons.problems:
            self.notify(
                tr("lessons.problems", self.lang, n=lessons.skipped_files),
                severity="warning",
                timeout=8,
            )
        self.open_first_lesson()

    def first_lesson(self) -> Lesson | None:
        """The lesson a start opens: the requested (or saved) one, ``--lesson 4`` by its
        number, else the first; before the lessons are loaded the preview's, else None (the
        lesson screen composes its text with it, so the first frame already holds it)."""
        if self.lessons is None:
            return self.preview.lesson if self.preview is not None else None
        return self._first_lesson()[0]

    def _first_lesson(self) -> tuple[Lesson | None, bool]:
        """The first lesson, and whether it is the one asked for (or none was asked for)."""
        lessons = self.lesson_list()
        if not lessons:
            return None, False
        ids = [x.id for x in lessons]
        wanted = self.lesson_id
        if wanted is not None and wanted not in ids and wanted.strip()[:1].isdigit():
            from rnntui.quiz.bank import lesson_for_ref  # ``--lesson 4``: lesson number 4

            found = lesson_for_ref([x for x in lessons if x.lang == "en"] or lessons, wanted)
            wanted = found.id if found is not None else wanted
        if wanted in ids:
            return lessons[ids.index(wanted)], True
        return lessons[0], wanted is None

    def open_first_lesson(self) -> None:
        """Open the requested (or saved) lesson, else the first one."""
        first, as_asked = self._first_lesson()
        if first is None:
            self.notify(tr("lessons.none", self.lang), severity="error", timeout=10)
            return
        if not as_asked:
            self.notify(tr("lesson.missing", self.lang, id=self.lesson_id), severity="warning")
        if not self._adopt_preview(first):
            self.open_lesson(first.id, save=False)
        if self.quiz_plan is not None:
            from rnntui.ui.screens.quiz import open_quiz

            plan, self.quiz_plan = self.quiz_plan, None
            open_quiz(self, plan, at_start=True)

    def _adopt_preview(self, first: Lesson) -> bool:
        """Once the lessons are loaded: if the preview shown is ``first`` in the same place of
        the list (the same title), keep the screen as it is (nothing is drawn again) and give
        the lesson list the loaded lessons; False if the lesson must be opened."""
        preview, self.preview = self.preview, None
        learn = self.learn
        if preview is None or learn.lesson != first:
            return False
        lessons = self.lesson_list()
        number = [x.id for x in lessons].index(first.id) + 1
        if learn.title_text != lesson_title(first, number, len(lessons), self.lang):
            return False
        self.lesson_id, learn.lesson = first.id, first
        learn.query_one(LessonList).set_lessons(lessons, first.id, self.lang)
        return True

    def open_lesson(self, lesson_id: str, *, save: bool = True) -> AwaitComplete:
        """Show a lesson (in the current language) and remember it; await the result to wait
        until its text and panel are in place."""
        lesson = self.lessons.get(lesson_id, self.lang) if self.lessons else None
        if lesson is None:
            return AwaitComplete()
        self.lesson_id = lesson.id
        lessons = self.lesson_list()
        number = [x.id for x in lessons].index(lesson.id) + 1
        title = lesson_title(lesson, number, len(lessons), self.lang)
        shown = self.learn.show_lesson(lesson, lessons, title)
        if save:
            self._save(last_lesson=lesson.id)
        return shown

    def lesson_progress(self) -> dict[str, LessonProgress] | None:
        """This user's quiz progress per lesson (None if it cannot be read: the list then
        shows the lessons alone)."""
        try:
            from datetime import datetime, timezone

            from rnntui.quiz.progress import ProgressStore
            from rnntui.quiz.report import lesson_stats

            store = ProgressStore().load()
            stats = lesson_stats(store.items, self.lesson_list(), datetime.now(timezone.utc))
        except Exception:  # progress never stops the lesson list
            return None
        return {x.lesson_id: x for x in stats}

    def _save(self, **changes: str) -> None:
        if not self.save:
            return
        try:
            from rnntui.settings import save_settings

            save_settings(**changes)
        except Exception as error:  # settings never stop the app
            self.notify(tr("settings.unsaved", self.lang, error=error), severity="warning")

    async def on_lesson_list_chosen(self, event: LessonList.Chosen) -> None:
        """A lesson picked in the list."""
        await self.open_lesson(event.lesson_id)

    async def _step_lesson(self, delta: int) -> None:
        ids = [x.id for x in self.lesson_list()]
        if self.lesson_id in ids:
            k = ids.index(self.lesson_id) + delta
            if 0 <= k < len(ids):
                await self.open_lesson(ids[k])

    # -- actions ------------------------------------------------------------------------------
    LESSON_SCREEN_ACTIONS: ClassVar[frozenset[str]] = frozenset(
        {"toggle_list", "switch_pane", "prev_lesson", "next_lesson"}
    )
    """Actions on the lesson screen: off while another screen (quiz, help) is on top, whose
    own keys then apply."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The lesson-screen actions only work on the lesson screen."""
        if action in self.LESSON_SCREEN_ACTIONS and not isinstance(self.screen, LearnScreen):
            return False
        return True

    async def action_next_lesson(self) -> None:
        """Open the next lesson (keys typed after it wait until it is shown)."""
        await self._step_lesson(1)

    async def action_prev_lesson(self) -> None:
        """Open the previous lesson (keys typed after it wait until it is shown)."""
        await self._step_lesson(-1)

    def action_toggle_list(self) -> None:
        """Show or hide the lesson list."""
        self.learn.toggle_list()

    async def action_switch_pane(self) -> None:
        """Switch between lesson text and panel (keys typed after it wait for the panel)."""
        await self.learn.switch_pane()

    def action_toggle_lang(self) -> None:
        """Switch Korean / English and save the choice."""
        self.lang = "en" if self.lang == "ko" else "ko"
        self.refresh_bindings()
        if self.lesson_id:
            self.open_lesson(self.lesson_id, save=False)
        self._save(lang=self.lang)
        self.notify(tr("lang.now", self.lang), timeout=2)

    def action_toggle_theme(self) -> None:
        """Switch to or from the high-contrast theme."""
        self.theme = DEFAULT_THEME if self.theme == CONTRAST_THEME else CONTRAST_THEME
        self._save(theme=self.theme)
        self.notify(tr("theme.now", self.lang, name=self.theme), timeout=2)

    def action_quiz(self) -> None:
        """F7: resume the paused quiz, else a quiz on the current lesson."""
        from rnntui.ui.screens.quiz import open_quiz

        open_quiz(self, None)

    def action_quiz_all(self) -> None:
        """A new quiz over every lesson."""
        from rnntui.ui.screens.quiz import QuizPlan, open_quiz

        open_quiz(self, QuizPlan())

    def on_lesson_list_quiz_chosen(self, event: LessonList.QuizChosen) -> None:
        """The lesson list asked for a quiz (one lesson, or None: all lessons)."""
        from rnntui.ui.screens.quiz import QuizPlan, open_quiz

        open_quiz(self, QuizPlan(topic=event.topic))

    def action_help(self) -> None:
        """F1: help for the focused panel and the keys that work here."""
        from rnntui.ui.screens.help import HelpScreen, key_table

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
            return
        panel = self.learn.focused_panel()
        parts = [tr("help.close", self.lang)]
        text = panel.help_markdown() if panel is not None else ""
        if text:
            parts.append(text)
        focused = self.focused
        chain = [] if focused is None else list(focused.ancestors_with_self)
        local = [
            (b, node)
            for node in chain
            if node is not self and node is not self.screen
            for b in own_bindings(node)
        ]
        if local and "|---|" not in text:  # a panel's help has its own table of keys
            parts.append(key_table(local, self.lang))
        parts.append(
            f"### {tr('help.app', self.lang)}\n\n" + key_table(self._app_bindings(), self.lang)
        )
        self.push_screen(HelpScreen("\n\n".join(parts)))

    def _app_bindings(self) -> list[tuple[Binding, object]]:
        extra = [
            Binding("tab", "", "Next control" if self.lang == "en" else "다음 항목"),
            Binding("ctrl+p", "", "Command palette" if self.lang == "en" else "명령 팔레트"),
            Binding("ctrl+q", "", "Quit"),
        ]
        own = [b for b in own_bindings(self) if b.description]
        return [(b, self) for b in own + extra]

    def action_command_palette(self) -> None:
        """ctrl+p: Textual's palette, safe against a double Enter (see rnntui/ui/palette.py)."""
        from textual.command import CommandPalette

        from rnntui.ui.palette import SafeCommandPalette

        if not self.use_command_palette or CommandPalette.is_open(cast("App[object]", self)):
            return
        # No id: a palette closed a moment ago may still be being removed, and a second
        # "--command-palette" would raise DuplicateIds (issue 18, the raw monkey's seed 10001).
        self.push_screen(SafeCommandPalette(placeholder=tr("palette.search", self.lang)))

    def action_show_code(self) -> None:
        """k on a panel, or the palette: the Keras / PyTorch code of the lesson's panel."""
        from rnntui.ui.screens.code import open_code

        panel = self.learn.panel
        if panel is None or not open_code(self, panel):
            self.notify(
                "No panel code here." if self.lang == "en" else "보여 줄 패널 코드가 없습니다."
            )

    def action_display_check(self) -> None:
        """Open the display check (a boxed ruler; how to fix broken borders). ``d`` in help."""
        from rnntui.ui.screens.display_check import DisplayCheckScreen

        if not isinstance(self.screen, DisplayCheckScreen):
            self.push_screen(DisplayCheckScreen())

    async def action_sync(self) -> None:
        """F12 with ``RNNTUI_SYNC_FILE`` set: once every key before it has been handled, no
        worker runs, the lesson screen has nothing pending and two refreshes have been
        painted, write the count of syncs to that file (toasts are cleared first: they go
        away on a timer, which no screen comparison could wait for)."""
        path = os.environ.get(SYNC_ENV)
        if not path:
            return
        self.syncs += 1
        count = self.syncs
        self.clear_notifications()
        # The toast rack is not in the DOM query; this test hook alone reaches for it.
        from textual.widgets._toast import ToastRack

        for _ in range(1000):  # (bounded: a test that never settles fails, it does not hang)
            await self.workers.wait_for_complete()
            try:  # toasts are removed some refreshes after the clear, not at once
                toasts = bool(self.screen.get_child_by_type(ToastRack).children)
            except NoMatches:
                toasts = False
            if not self.learn.busy() and not toasts:
                break
            await self.screen.wait_for_refresh()

        def write() -> None:
            Path(path).write_text(str(count), encoding="ascii")

        self.call_after_refresh(self.call_after_refresh, write)

    def action_repaint_all(self) -> None:
        """F11 with ``RNNTUI_SYNC_FILE`` set: lay out and draw every widget again and send
        every cell of the screen (a full update, as after a resize, at the same size)."""
        if not os.environ.get(SYNC_ENV):
            return
        for widget in self.screen.query("*"):
            widget.refresh(layout=True)
        self.screen.refresh(layout=True)

    # -- display ------------------------------------------------------------------------------
    def get_key_display(self, binding: Binding) -> str:
        if binding.key_display:
            return binding.key_display
        return key_display(binding.key)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from textual.app import SystemCommand

        open_word = tr("palette.open", self.lang)
        lessons = self.lesson_list()
        for k, lesson in enumerate(lessons, start=1):
            yield SystemCommand(
                f"{open_word} {k}: {lesson.title} ({lesson.id})",
                lesson.id,
                lambda i=lesson.id: self.open_lesson(i),
            )
        for k, lesson in enumerate(lessons, start=1):  # glossary words find their lesson
            for term in lesson.glossary:
                words = term.ko if self.lang == "ko" else term.en
                yield SystemCommand(
                    f"{words} / {term.en if self.lang == 'ko' else term.ko} -> {k}: {lesson.title}",
                    lesson.id,
                    lambda i=lesson.id: self.open_lesson(i),
                )
        yield SystemCommand(tr("palette.help", self.lang), "F1 / ?", self.action_help)
        yield SystemCommand(tr("key.lessons", self.lang), "F2 / l", self.action_toggle_list)
        yield SystemCommand(tr("key.switch", self.lang), "F4 / v", self.action_switch_pane)
        yield SystemCommand(tr("key.prev", self.lang), "F5 / [", self.action_prev_lesson)
        yield SystemCommand(tr("key.next", self.lang), "F6 / ]", self.action_next_lesson)
        yield SystemCommand(tr("key.lang", self.lang), "F3 / L", self.action_toggle_lang)
        yield SystemCommand(tr("quiz.this", self.lang), "F7", self.action_quiz)
        yield SystemCommand(tr("quiz.all", self.lang), "", self.action_quiz_all)
        yield SystemCommand(tr("key.theme", self.lang), "F9", self.action_toggle_theme)
        yield SystemCommand(tr("palette.display", self.lang), "F1 d", self.action_display_check)
        yield SystemCommand(
            "Show the code (Keras / PyTorch)"
            if self.lang == "en"
            else "코드 보기 (Keras / PyTorch)",
            "k",
            self.action_show_code,
        )
        yield SystemCommand(
            "Open a model file..." if self.lang == "en" else "모델 파일 열기...",
            ".keras / .h5: its layers step by step on your sentence"
            if self.lang == "en"
            else ".keras / .h5: 내 문장으로 층별 스텝 보기",
            self.action_open_model,
        )
        yield SystemCommand(tr("key.quit", self.lang), "q / ctrl+q", self.exit)

    def action_open_model(self) -> None:
        """Ask for a model file (and a vocabulary), then open the model screen on it."""
        from rnntui.ui.screens.model import open_model_file

        open_model_file(self)
