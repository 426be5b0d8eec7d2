"""The base of the demo panels: "watch it learn" training in a thread worker.

``t`` (and ctrl+t) trains. A panel with a text field adds ``TEXT_FIELD_BINDINGS``: there the
field takes the letter t, so ctrl+t is the train key it shows (``t`` still works from its
other controls).

A demo panel overrides ``train_job(cancel, report)``, which runs in a Textual worker THREAD
(``thread=True``) and calls only lab code (``rnntui.demos``; ``runner.train_live`` limits BLAS
to one thread). Each ``report(payload)`` is posted to the panel as a message (``post_message``
is thread-safe) and handled on the UI thread by ``on_progress(payload)``; the end by
``on_trained(result, cancelled)``. The worker hands the UI copies (e.g. a weights snapshot),
so the UI never reads arrays the worker is changing.

Nothing is drawn once a run has finished or was cancelled: every message carries its run's
number and is dropped unless it belongs to the current run of an attached panel. ``x``
cancels (the run ends after the current epoch), leaving the lesson cancels (``on_unmount``).

What every demo panel shares lives here too, so a panel file says only what is its own: the
constructor (``open_lab`` makes the lab unless one is handed in), the layout CSS (``.row`` of
steppers, ``.gap``, the text field's width), the idle progress hint (``IDLE_HINT``), the
``[shipped model]`` label, ``run_each`` (one run per cell or variant, epochs tagged with
which) and ``ShippedResultsPanel`` (``z`` brings the shipped results back).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.worker import Worker, WorkerState

from rnntui.ui.widgets.curves import Series, chart_lines, progress_line
from rnntui.ui.widgets.text_panel import TextPanel

LabT = TypeVar("LabT")
ItemT = TypeVar("ItemT")
ResultT = TypeVar("ResultT")
TRAIN_GROUP = "demo-train"
TEXT_FIELD_BINDINGS: list[BindingType] = [
    Binding("ctrl+t", "train", "Train", key_display="^t"),
    Binding("t", "train", "Train", show=False),
]
"""For a demo panel with a text field, where ``t`` types a letter: ctrl+t trains from the
field and is the key shown; ``t`` still trains from the panel's other controls."""


def run_each(
    items: Sequence[ItemT],
    run: Callable[[ItemT, Callable[[Any], None], threading.Event], ResultT],
    cancel: threading.Event,
    report: Callable[[Any], None],
) -> list[ResultT]:
    """Worker thread: ``run(item, on_epoch, cancel)`` for each item in turn until cancelled;
    each epoch is reported as ``(k, item, epoch_report)``. Returns the runs made."""
    done = []
    for k, item in enumerate(items):
        if cancel.is_set():
            break

        def tagged(epoch: Any, k: int = k, item: ItemT = item) -> None:
            report((k, item, epoch))

        done.append(run(item, tagged, cancel))
    return done


class DemoPanel(TextPanel, Generic[LabT]):
    """A panel whose model can be trained live (``t``), cancelled (``x``) and reset (``z``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "train", "Train"),
        Binding("ctrl+t", "train", "Train", show=False),  # also from a text field (TRAIN_KEYS)
        Binding("x", "cancel_training", "Cancel"),
        Binding("z", "reset_model", "Reset model"),
    ]
    LABELS_KO: ClassVar[dict[str, str]] = {
        "Train": "학습",
        "Cancel": "취소",
        "Reset model": "모델 초기화",
    }

    RESET_NOTE: ClassVar[tuple[str, str]] = (
        "Back to the shipped model.",
        "기본 제공 모델로 돌아왔습니다.",
    )
    """What ``z`` says when it changed something (English, Korean)."""
    IDLE_HINT: ClassVar[tuple[str, str]] = ("t: train", "t: 학습")
    """The progress line before any run (English, Korean)."""
    DEFAULT_CSS = """
    DemoPanel Input { width: 1fr; padding: 0 1; }
    DemoPanel .row { height: auto; width: 1fr; }
    DemoPanel .row Stepper { width: auto; margin-right: 2; }
    DemoPanel .gap { margin-top: 1; }
    """

    class Progress(Message):
        """One report from the training thread (``done`` = the run ended)."""

        def __init__(self, run: int, payload: Any, done: bool, cancelled: bool = False) -> None:
            super().__init__()
            self.run = run
            self.payload = payload
            self.done = done
            self.cancelled = cancelled

    def __init__(
        self,
        preset: Mapping[str, Any] | None = None,
        lang: str = "en",
        *,
        lab: LabT | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """Every panel's signature (``preset`` is unused: a demo has no settings to preset);
        ``lab`` (else ``open_lab(lang)``) is what the panel draws."""
        super().__init__(lang, id=id, classes=classes)
        self.lab: LabT = lab if lab is not None else self.open_lab(lang)
        self._run = 0
        self._cancel: threading.Event | None = None
        self._worker: Worker[None] | None = None
        self.progress_text = ""
        """The progress line (bar, epoch, status) as last shown."""

    # -- overridden by each demo ----------------------------------------------------------------
    def open_lab(self, lang: str) -> LabT:
        """The lab the panel opens with (shipped weights or results)."""
        raise NotImplementedError

    def train_job(self, cancel: threading.Event, report: Callable[[Any], None]) -> Any:
        """Run in the worker thread: train (lab calls only) and return the result."""
        raise NotImplementedError

    def on_progress(self, payload: Any) -> None:
        """UI thread: one epoch's report of the current run."""

    def on_trained(self, result: Any, cancelled: bool) -> None:
        """UI thread: the current run ended (``result`` None after an error)."""

    def reset_model(self) -> bool:
        """Back to the shipped model; True if something changed."""
        return False

    # -- state --------------------------------------------------------------------------------
    @property
    def training(self) -> bool:
        """Is a run of this panel in progress?"""
        worker = self._worker
        return worker is not None and worker.state in (WorkerState.PENDING, WorkerState.RUNNING)

    def show_progress(self, done: int, total: int, status: str) -> None:
        """Show the ASCII progress bar and a status in ``#progress``."""
        self.progress_text = f"{progress_line(done, total)}  {status}"
        self.show("#progress", self.progress_text)

    def show_hint(self) -> None:
        """The progress line before a run: the ``IDLE_HINT``."""
        self.show_progress(0, 1, self.t(*self.IDLE_HINT))

    def keep_progress_line(self) -> None:
        """Show the ``IDLE_HINT`` unless a progress line is already shown (end of recompute)."""
        if not self.progress_text:
            self.show_hint()

    def show_cancelled(self) -> None:
        """The progress line after ``x``."""
        self.show_progress(0, 1, self.t("cancelled", "취소됨"))

    def show_run_progress(self, k: int, runs: int, report: Any, status: str) -> None:
        """Progress of run ``k`` of ``runs`` (each ``report.epochs`` long) at ``report.epoch``."""
        self.show_progress(k * report.epochs + report.epoch, runs * report.epochs, status)

    def source_label(self, source: str, *, plural: bool = False) -> str:
        """``shipped model`` / ``your model`` / ``training ...`` (``plural``: models)."""
        s = "s" if plural else ""
        return {
            "shipped": self.t(f"shipped model{s}", "기본 제공 모델"),
            "user": self.t(f"your model{s}", "내 모델"),
            "training": self.t("training ...", "학습 중 ..."),
        }[source]

    def chart(self, series: list[Series], rows: int = 5, *, log: bool = False, x: str = "") -> str:
        """A text chart as wide as the panel (markers and a legend; no colour needed)."""
        width = max(10, self.text_width() - 12)
        lines = chart_lines(
            series, rows, width, log=log, x_label=x, both_label=self.t("overlap", "겹침")
        )
        return "\n".join(lines)

    # -- keys ---------------------------------------------------------------------------------
    def action_train(self) -> None:
        """Start a run (one at a time)."""
        if self.training:
            self.notify(
                self.t("Already training: x cancels.", "이미 학습 중입니다. x로 취소합니다.")
            )
            return
        self._run += 1
        run, cancel = self._run, threading.Event()
        self._cancel = cancel
        self._worker = self.run_worker(
            lambda: self._thread_body(run, cancel),
            name=f"{self.NAME} training",
            group=TRAIN_GROUP,
            thread=True,
            exit_on_error=False,
        )

    def action_cancel_training(self) -> None:
        """Stop the run after the current epoch; nothing of it is drawn afterwards."""
        if self._cancel is None or not self.training:
            return
        self._cancel.set()
        self._run += 1  # later messages of the cancelled run are dropped
        self.on_trained(None, True)

    def action_reset_model(self) -> None:
        """Cancel any run and go back to the shipped model."""
        self.action_cancel_training()
        if self.reset_model():
            self.notify(self.t(*self.RESET_NOTE))
        self.request_recompute()

    def on_unmount(self) -> None:
        """Leaving the lesson (or the app) cancels the run."""
        if self._cancel is not None:
            self._cancel.set()
        self._run += 1

    # -- the thread -----------------------------------------------------------------------------
    def _thread_body(self, run: int, cancel: threading.Event) -> None:
        def report(payload: Any) -> None:
            if not cancel.is_set():
                self.post_message(self.Progress(run, payload, done=False))

        try:
            result = self.train_job(cancel, report)
        except Exception as error:  # shown, never a crash
            self.post_message(self.Progress(run, error, done=True))
            return
        self.post_message(self.Progress(run, result, done=True, cancelled=cancel.is_set()))

    def on_demo_panel_progress(self, message: DemoPanel.Progress) -> None:
        """A report of a run: drawn only if it belongs to the current run."""
        message.stop()
        if message.run != self._run or not self.is_attached:
            return
        if not message.done:
            self.on_progress(message.payload)
            return
        if isinstance(message.payload, Exception):
            error = message.payload
            self.notify(f"{type(error).__name__}: {error}", severity="error", markup=False)
            self.on_trained(None, False)
            return
        self.on_trained(message.payload, message.cancelled)


class ShippedResultsPanel(DemoPanel[LabT]):
    """A demo that opens with shipped results (not weights): ``z`` brings them back."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("z", "reset_model", "Shipped results")]
    LABELS_KO: ClassVar[dict[str, str]] = {
        **DemoPanel.LABELS_KO,
        "Shipped results": "기본 제공 결과",
    }
    RESET_NOTE: ClassVar[tuple[str, str]] = (
        "Back to the shipped results.",
        "기본 제공 결과로 돌아왔습니다.",
    )

    def show_finished(self, runs: Sequence[Any] | None, cancelled: bool) -> None:
        """The progress line at the end of ``run_each``'s runs (``cancelled`` after ``x``,
        ``done`` if any ran), and the results drawn again."""
        if cancelled:
            self.show_cancelled()
        elif runs:
            self.show_progress(1, 1, self.t("done", "완료"))
        self.request_recompute()
