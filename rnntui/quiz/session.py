"""A quiz session: which items to ask (FSRS due first, then new), grading, saving, the score.

Pure and UI-free: the plain runner and the app's quiz screen drive the same object::

    session = open_session(lessons=lesson_set.for_lang("ko"), lang="ko", count=10,
                           store=ProgressStore().load())
    while (question := session.next_question()) is not None:
        verdict = session.answer(typed_text)   # "ignored"/"invalid": ask again, same question
    session.score                              # (right, answered)
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

from rnntui import storage
from rnntui.content.model import Lesson
from rnntui.quiz import schedule
from rnntui.quiz.bank import Entry, build_pool, known_topics, resolve_topic, suggest_topic
from rnntui.quiz.grading import grade
from rnntui.quiz.progress import Items, ProgressStore
from rnntui.quiz.question import Question, Verdict
from rnntui.quiz.report import due_count, local_time, next_due
from rnntui.quiz.strings import notice_text, t

MAX_QUESTIONS = 200
"""The most questions one session plans (``--count`` is capped here)."""

Kind = Literal["review", "new", "practice"]
"""``review``: due by FSRS; ``new``: never answered; ``practice``: answered, not yet due."""


class QuizSetupError(ValueError):
    """The session cannot start (unknown ``--topic``, nothing to ask); the message is for the
    student, in the session language."""


@dataclass(frozen=True)
class Slot:
    """One planned question."""

    entry: Entry
    kind: Kind


def plan(
    pool: Sequence[Entry],
    items: Items,
    now: datetime,
    count: int,
    rng: random.Random,
    started: frozenset[str] = frozenset(),
) -> list[Slot]:
    """Due items (most overdue first, whatever their lesson), then new ones, then the rest
    (soonest due first).

    New items come lesson by lesson: first the lessons in ``started`` (the student has answered
    something there), then the others in course order, shuffled within a lesson. Generated
    templates repeat with fresh numbers to fill ``count`` when the pool is smaller, but never
    the same item twice in a row and no template in more than half of the slots: a session may
    end shorter instead.
    """
    due: list[tuple[datetime, Entry]] = []
    later: list[tuple[datetime, Entry]] = []
    new_by_order: dict[tuple[int, int], list[Entry]] = {}
    for entry in pool:
        record = items.get(entry.item_id)
        if record is None:
            rank = 0 if entry.lesson_id in started else 1
            new_by_order.setdefault((rank, entry.order), []).append(entry)
            continue
        when = schedule.due_time(record["card"])
        (due if when <= now else later).append((when, entry))
    new: list[Entry] = []
    for key in sorted(new_by_order):
        group = new_by_order[key]
        rng.shuffle(group)
        new.extend(group)
    queue = [Slot(e, "review") for _, e in sorted(due, key=lambda p: p[0])]
    queue += [Slot(e, "new") for e in new]
    queue += [Slot(e, "practice") for _, e in sorted(later, key=lambda p: p[0])]
    return fill(queue[:count], [s.entry for s in queue if s.entry.template is not None], count)


def fill(slots: list[Slot], repeatable: Sequence[Entry], count: int) -> list[Slot]:
    """``slots`` topped up to ``count`` with repeats of ``repeatable`` (round robin), never the
    same item twice in a row and no item in more than half of ``count`` slots."""
    cap = max(1, (count + 1) // 2)
    uses: dict[str, int] = {}
    for slot in slots:
        uses[slot.entry.item_id] = uses.get(slot.entry.item_id, 0) + 1
    turn = 0
    while len(slots) < count and repeatable:
        last = slots[-1].entry.item_id if slots else None
        order = [repeatable[(turn + k) % len(repeatable)] for k in range(len(repeatable))]
        pick = next((e for e in order if e.item_id != last and uses.get(e.item_id, 0) < cap), None)
        if pick is None:
            break
        slots.append(Slot(pick, "practice"))
        uses[pick.item_id] = uses.get(pick.item_id, 0) + 1
        turn += 1
    return slots


def shuffle_choices(question: Question, rng: random.Random) -> Question:
    """The question with its choices in a fresh order; each choice keeps its own ``why``."""
    if question.type != "choice" or len(question.choices) < 2:
        return question
    order = list(range(len(question.choices)))
    rng.shuffle(order)
    return replace(
        question,
        choices=tuple(question.choices[i] for i in order),
        answer=order.index(int(question.answer)),
    )


class QuizSession:
    """Ask planned questions one at a time and grade typed answers.

    - ``next_question()`` returns the current question until it is answered, then the next one
      (None at the end). Generated questions get fresh numbers when they come up.
    - ``answer(raw)`` grades the current question. ``ignored`` (empty line) and ``invalid``
      verdicts leave it open; ``right``/``wrong`` are recorded in progress at once.
    - ``score`` is (right, answered); ``notices`` are messages to show before the first question.
    """

    def __init__(
        self,
        slots: Sequence[Slot],
        *,
        lang: str,
        rng: random.Random,
        store: ProgressStore | None = None,
        clock: Callable[[], datetime] = schedule.utcnow,
        notices: Sequence[str] = (),
        titles: Mapping[str, str] | None = None,
        shuffle: bool = True,
    ) -> None:
        self.lang = lang
        self.store = store
        self.notices = list(notices)
        self.titles = dict(titles or {})
        """Lesson id -> title in the session language (for the closing lines)."""
        self._slots = list(slots)
        self._rng = rng
        self._shuffle = shuffle
        self._clock = clock
        self._next = 0
        self.current: Question | None = None
        self.current_kind: Kind | None = None
        self._open = False
        self.right = 0
        self.answered = 0
        self.verdicts: list[Verdict] = []

    @property
    def total(self) -> int:
        """How many questions are planned."""
        return len(self._slots)

    @property
    def position(self) -> int:
        """1-based number of the current question (0 before the first)."""
        return self._next

    @property
    def finished(self) -> bool:
        """True when every planned question has been answered."""
        return self._next >= len(self._slots) and not self._open

    @property
    def score(self) -> tuple[int, int]:
        """(right answers, graded answers)."""
        return self.right, self.answered

    def score_line(self) -> str:
        """``Score: X/Y`` (Korean ``점수: X/Y``); the plain quiz prints it last, for scripts."""
        return t("score", self.lang, right=self.right, total=self.answered)

    def next_question(self) -> Question | None:
        """The open question, else the next planned one, else None."""
        if self._open:
            return self.current
        while self._next < len(self._slots):
            slot = self._slots[self._next]
            self._next += 1
            try:
                question = slot.entry.materialize(self._rng, self.lang)
                if self._shuffle:
                    question = shuffle_choices(question, self._rng)
            except Exception as exc:  # a broken generator must not end the quiz
                self.notices.append(f"{slot.entry.item_id}: {exc}")
                continue
            self.current, self.current_kind, self._open = question, slot.kind, True
            return question
        self.current, self.current_kind = None, None
        return None

    def answer(self, raw: str) -> Verdict:
        """Grade ``raw`` for the open question (ValueError if there is none)."""
        if not self._open or self.current is None:
            raise ValueError("no open question: call next_question() first")
        verdict = grade(self.current, raw, self.lang)
        if not verdict.graded:
            return verdict
        self._open = False
        self.answered += 1
        self.right += verdict.correct
        error = self._save(self.current, verdict.correct)
        if error:
            verdict = replace(verdict, save_error=error)
        self.verdicts.append(verdict)
        return verdict

    def closing_lines(self) -> list[str]:
        """What to do next, shown before the score line: the lessons of wrong answers, and
        when the next review is due (or that reviews are due now)."""
        lines = []
        wrong = [v.lesson_id for v in self.verdicts if not v.correct and v.lesson_id]
        lessons = list(dict.fromkeys(wrong))
        if lessons:
            names = ", ".join(self.titles.get(x, x) for x in lessons[:3])
            lines.append(t("review-next", self.lang, lessons=names, topic=lessons[0]))
        items = self.store.items if self.store is not None else {}
        if items:
            now = self._clock()
            due = due_count(items, now)
            soonest = next_due(items)
            if due:
                lines.append(t("due-now-count", self.lang, n=due))
            elif soonest is not None:
                lines.append(t("next-review", self.lang, when=local_time(soonest)))
        return lines

    def _save(self, question: Question, correct: bool) -> str | None:
        if self.store is None or self.store.unsafe:
            return None
        try:
            self.store.record(question.id, question.lesson_id, correct, self._clock())
        except storage.LockBusyError:
            return t("busy", self.lang)
        except Exception as exc:  # any failure to save is "could not save", never a crash
            return t("save-failed", self.lang, error=exc)
        return None


def store_notices(store: ProgressStore, lang: str) -> list[str]:
    """The store's load notices as sentences for the student."""
    out = [notice_text(n.kind, lang, n.path, n.moved_to) for n in store.notices]
    if store.unsafe:
        out.append(t("unsafe", lang, error=store.unsafe))
    return out


def open_session(
    *,
    lessons: Sequence[Lesson],
    lang: str,
    topic: str | None = None,
    count: int = 10,
    seed: int | None = None,
    store: ProgressStore | None = None,
    now: datetime | None = None,
    generated: bool = True,
    clock: Callable[[], datetime] = schedule.utcnow,
    shuffle: bool = True,
) -> QuizSession:
    """Plan a session over ``lessons`` (one language) and the generated templates.

    ``store`` should already be loaded (``ProgressStore().load()``); None means nothing is saved.
    ``shuffle`` puts the choices of each question in a fresh (seeded) order every time it is
    asked. Raises QuizSetupError for an unknown ``topic`` or an empty pool.
    """
    topic = resolve_topic(lessons, topic)
    pool = build_pool(lessons, topic, generated=generated)
    if topic is not None and not pool:
        known = ", ".join(known_topics(lessons))
        message = t("unknown-topic", lang, topic=topic, known=known)
        close = suggest_topic(lessons, topic)
        if close:
            message = t("did-you-mean", lang, topic=close) + " " + message
        raise QuizSetupError(message)
    if not pool:
        raise QuizSetupError(t("no-questions", lang))
    rng = random.Random(seed)
    items = store.items if store is not None else {}
    started = frozenset(str(r["lesson"]) for r in items.values() if r.get("lesson"))
    slots = plan(
        pool,
        items,
        schedule.as_utc(now or clock()),
        min(max(0, count), MAX_QUESTIONS),
        rng,
        started,
    )
    notices = store_notices(store, lang) if store is not None else []
    titles = {lesson.id: lesson.title for lesson in lessons}
    return QuizSession(
        slots,
        lang=lang,
        rng=rng,
        store=store,
        clock=clock,
        notices=notices,
        titles=titles,
        shuffle=shuffle,
    )
