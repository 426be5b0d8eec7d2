"""The quiz screen: one question at a time, keyboard only, driven by the pure QuizSession.

Choices are answered with number keys, true/false with t/f (o/x, y/n), numbers in an Input
(``0.5`` or ``0,5``; an empty Enter, e.g. a Korean IME's second one, is ignored). After an
answer Space goes on; Enter does nothing there, so an extra Enter never skips a verdict.
``l`` opens the question's lesson and pauses the quiz (F7 resumes it). F2, b or Escape go back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static

from rnntui.quiz.question import Verdict
from rnntui.quiz.session import QuizSession, QuizSetupError
from rnntui.quiz.strings import t
from rnntui.ui.screens import quiz_text
from rnntui.ui.strings import tr
from rnntui.ui.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from rnntui.content.loader import LessonSet
    from rnntui.ui.app import RnnTuiApp


@dataclass(frozen=True)
class QuizPlan:
    """What to ask: a lesson id or course topic (None: every lesson), how many, which seed."""

    topic: str | None = None
    count: int = 10
    seed: int | None = None
    shuffle: bool = True
    """Put each question's choices in a fresh (seeded) order every time it is asked."""


@dataclass
class QuizRun:
    """A session and what the screen shows of it; kept by the app while the quiz is paused."""

    plan: QuizPlan
    session: QuizSession
    verdict: Verdict | None = None
    done: bool = False
    told: bool = False


def new_run(lessons: LessonSet, lang: str, plan: QuizPlan) -> QuizRun:
    """Load progress and plan a session (QuizSetupError: unknown topic, nothing to ask)."""
    from rnntui.quiz.progress import ProgressStore
    from rnntui.quiz.session import open_session

    session = open_session(
        lessons=lessons.for_lang(lang),
        lang=lang,
        topic=plan.topic,
        count=plan.count,
        seed=plan.seed,
        store=ProgressStore().load(),
        shuffle=plan.shuffle,
    )
    return QuizRun(plan, session)


def open_quiz(app: RnnTuiApp, plan: QuizPlan | None, *, at_start: bool = False) -> None:
    """Show the quiz: ``plan`` None resumes the paused quiz (else asks for the current lesson).

    A plan that cannot start is a warning (at start-up: exit code 2 with the message)."""
    if plan is None and isinstance(app.screen, QuizScreen):
        return  # already quizzing (the palette's "Quiz: this lesson" on the quiz screen)
    run = app.quiz_run if plan is None else None
    if run is None:
        plan = plan or QuizPlan(topic=app.lesson_id)
        if app.lessons is None:
            app.notify(tr("quiz.loading", app.lang), severity="warning")
            return
        try:
            run = new_run(app.lessons, app.lang, plan)
        except QuizSetupError as error:
            if at_start:
                app.exit(return_code=2, message=f"error: {error}")
            else:
                app.notify(str(error), severity="warning", timeout=8)
            return
    app.quiz_run = None
    while len(app.screen_stack) > 1:
        app.pop_screen()
    app.push_screen(QuizScreen(run))


class QuizScreen(Screen[None]):
    """Ask, judge, explain; the end shows the score."""

    AUTO_FOCUS = None
    DEFAULT_CSS = """
    QuizScreen { layout: vertical; }
    #quiz-body { height: 1fr; padding: 0 1; }
    #quiz-status, #quiz-entry, #quiz-verdict { margin: 1 0 0 0; }
    #quiz-entry { width: 40; }
    """
    LABELS_KO: ClassVar[dict[str, str]] = quiz_text.LABELS_KO
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(k), f"pick({k})", "Answer") for k in range(1, 10)),
        Binding("t,o,y", "truefalse(True)", "True", key_display="t/o"),
        Binding("f,x,n", "truefalse(False)", "False", key_display="f/x"),
        Binding("ㅅ,ㅐ,ㅛ", "truefalse(True)", "True", show=False),  # t/o/y in Hangul mode
        Binding("ㄹ,ㅌ,ㅜ", "truefalse(False)", "False", show=False),
        Binding("space", "next", "Next"),
        Binding("l,ㅣ", "lesson", "Lesson", key_display="l"),
        Binding("r,ㄱ", "again", "Again", key_display="r"),
        Binding("f2", "back", "Lessons"),
        Binding("b,ㅠ,escape", "back", "Lessons", show=False),
        Binding("f1", "help", "Help"),
        Binding("f3", "lang", show=False),
        Binding("f4,f5,f6,f7", "nothing", show=False),  # lesson keys: not while quizzing
    ]

    def __init__(self, run: QuizRun) -> None:
        super().__init__()
        self.quiz = run

    # -- helpers --------------------------------------------------------------------------------
    @property
    def host(self) -> RnnTuiApp:
        """The app (typed)."""
        return cast("RnnTuiApp", self.app)

    @property
    def lang(self) -> str:
        """The session's language."""
        return self.quiz.session.lang

    @property
    def state(self) -> str:
        """``ask``, ``verdict`` or ``done``."""
        if self.quiz.done:
            return "done"
        return "ask" if self.quiz.verdict is None else "verdict"

    def title_of(self, lesson_id: str | None) -> str | None:
        """The title of a lesson (in the quiz language), or None."""
        lessons = self.host.lessons
        lesson = lessons.get(lesson_id, self.lang) if lessons and lesson_id else None
        return lesson.title if lesson else None

    # -- layout ---------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static(id="titlebar", markup=False)
        with VerticalScroll(id="quiz-body"):
            yield Static(id="quiz-question", markup=False)
            yield Static(id="quiz-status", markup=False)
            entry = Input(id="quiz-entry", compact=True)
            entry.cursor_blink = False
            yield entry
            yield Static(id="quiz-verdict", markup=False)
        yield KeyBar(id="keybar")

    def on_mount(self) -> None:
        """Labels in the quiz language, notices once, then the current state."""
        if not self.quiz.told:
            self.quiz.told = True
            if self.quiz.session.notices:
                self.notify(
                    quiz_text.notices_text(self.quiz.session.notices),
                    severity="warning",
                    timeout=15,
                )
        self.show()

    def show(self) -> None:
        """Draw the current state (question, verdict or end) and move the focus."""
        run, session, lang = self.quiz, self.quiz.session, self.lang
        asked = None if run.done or run.verdict else session.next_question()
        run.done = run.done or (asked is None and run.verdict is None)
        body = self.query_one("#quiz-body", VerticalScroll)
        entry, status = self.query_one("#quiz-entry", Input), self.query_one("#quiz-status", Static)
        verdict_box = self.query_one("#quiz-verdict", Static)
        self.query_one("#titlebar", Static).update(quiz_text.header(session, lang, run.done))
        current = session.current
        if run.done or current is None:
            main = quiz_text.end_text(session, lang, self.title_of)
        else:
            main = quiz_text.question_text(current, lang, self.title_of)
        self.query_one("#quiz-question", Static).update(main)
        status.display = asked is not None
        if asked is not None:
            status.update(quiz_text.keys_hint(asked, lang))
        verdict_box.display = run.verdict is not None
        if run.verdict is not None:
            last = session.position >= session.total
            verdict_box.update(quiz_text.verdict_text(run.verdict, lang, self.title_of, last))
            self.call_after_refresh(verdict_box.scroll_visible, animate=False)
        else:
            body.scroll_home(animate=False)
        entry.display = asked is not None and asked.type == "numeric"
        if entry.display:
            entry.placeholder = t("hint-numeric", lang)
            entry.focus()
        else:
            body.focus()
            entry.value = ""
        self.refresh_bindings()

    # -- answering ------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Each key only where it means something (the key bar shows just those)."""
        current = self.quiz.session.current if self.state == "ask" else None
        if action == "pick":
            k = parameters[0]
            return (
                current is not None
                and current.type == "choice"
                and isinstance(k, int)
                and k <= len(current.choices)
            )
        if action == "truefalse":
            return current is not None and current.type == "truefalse"
        if action == "next":
            return self.state == "verdict"
        if action == "lesson":
            verdict = self.quiz.verdict
            return verdict is not None and self.title_of(verdict.lesson_id) is not None
        if action == "again":
            return self.state == "done"
        return True

    def answer(self, raw: str) -> None:
        """Grade ``raw``; ignored (empty) waits, invalid shows what to type, else the verdict."""
        if self.state != "ask":
            return
        verdict = self.quiz.session.answer(raw)
        if verdict.status == "ignored":
            return
        if verdict.status == "invalid":
            self.query_one("#quiz-status", Static).update(Text(f"! {verdict.hint}", "bold"))
            return
        self.quiz.verdict = verdict
        if verdict.save_error:
            self.notify(verdict.save_error, severity="warning", timeout=10)
        self.show()

    def action_pick(self, k: int) -> None:
        """A number key: choice ``k``."""
        self.answer(str(k))

    def action_truefalse(self, value: bool) -> None:
        """t/o/y or f/x/n."""
        self.answer("t" if value else "f")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the number field (empty or after the verdict: ignored)."""
        event.stop()
        self.answer(event.value)

    # -- moving on ------------------------------------------------------------------------------
    def action_next(self) -> None:
        """Space after a verdict: the next question, or the end."""
        if self.state == "verdict":
            self.quiz.verdict = None
            self.show()

    def action_lesson(self) -> None:
        """Open the question's lesson; the quiz waits (F7 resumes it)."""
        verdict = self.quiz.verdict
        if verdict is None or verdict.lesson_id is None:
            return
        app, session = self.host, self.quiz.session
        app.quiz_run = self.quiz
        self.dismiss(None)
        app.open_lesson(verdict.lesson_id)
        app.notify(tr("quiz.paused", self.lang, i=session.position, n=session.total), timeout=6)

    def action_again(self) -> None:
        """At the end: another quiz of the same kind (the next seed, if one was given)."""
        plan = self.quiz.plan
        seed = None if plan.seed is None else plan.seed + 1
        lessons = self.host.lessons
        try:
            assert lessons is not None
            self.quiz = new_run(lessons, self.lang, replace(plan, seed=seed))
        except QuizSetupError as error:
            self.notify(str(error), severity="warning")
            return
        self.show()

    def action_back(self) -> None:
        """F2, b or Escape: back to the lessons (answers are already saved)."""
        self.host.quiz_run = None
        self.dismiss(None)

    def action_help(self) -> None:
        """F1: how the quiz works and the keys that work now."""
        from rnntui.ui.screens.help import HelpScreen, key_table

        keys = [
            (b.binding, b.node)
            for b in self.active_bindings.values()
            if b.enabled and b.binding.key.isascii()
        ]
        text = "\n\n".join(
            [
                quiz_text.HELP.get(self.lang, quiz_text.HELP["en"]),
                key_table(keys, self.lang),
                tr("help.close", self.lang),
            ]
        )
        self.app.push_screen(HelpScreen(text))

    def action_lang(self) -> None:
        """F3: the quiz keeps its language; say how to switch."""
        self.notify(tr("quiz.lang", self.lang), timeout=6)

    def action_nothing(self) -> None:
        """Lesson keys do nothing on the quiz screen."""
