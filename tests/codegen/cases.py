"""The labs whose code the tests run: every panel in its starting state, and a few tweaks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rnntui.codegen import LABS, lab_for_panel


def _tweak(panel: str, change: Callable[[Any], None]) -> Callable[[], Any]:
    def make() -> Any:
        lab = lab_for_panel(panel)
        change(lab)
        return lab

    return make


def _lstm_forced(lab: Any) -> None:
    lab.set("units", 3)
    lab.force("f", "value", 1.0)
    lab.force("g", "pre", 0.5)


def _lstm_state(lab: Any) -> None:
    lab.select(time=1, unit=1)
    lab.set("h_prev", 0.5)
    lab.set("c_prev", -1.0)


def _lstm_words(lab: Any) -> None:
    lab.set_text("the cat sat on the mat")
    lab.select(time=2)


def _gru_weight(lab: Any) -> None:
    lab.set_weight(1, 0, 2, 0.75)  # one recurrent_kernel entry edited (w in the panel)
    lab.set_weight(2, 1, 0, -0.5)  # and one bias entry


def _gru_before(lab: Any) -> None:
    lab.set("reset_after", False)
    lab.force("r", "value", 0.0)


def _gru_words_state(lab: Any) -> None:
    lab.set_text("나는 밥을 먹었다")
    lab.set("h_prev", 0.3)
    lab.force("hh", "pre", -2.0)


def _simple_rnn(lab: Any) -> None:
    lab.set_text("1 2 3 0.5")
    lab.set("units", 4)
    lab.select(time=2, unit=3)
    lab.set("h_prev", -0.25)


def _dropout_gru(lab: Any) -> None:
    lab.toggle_kind()
    lab.set("units", 2)
    lab.set("timesteps", 3)


def _dropout_shared(lab: Any) -> None:
    lab.set("recurrent_dropout", 0.0)
    lab.set("dropout", 0.5)


def _dropout_off(lab: Any) -> None:
    lab.set("dropout", 0.0)
    lab.set("recurrent_dropout", 0.0)


def _bi(kind: str, mode: str, units: int) -> Callable[[Any], None]:
    def change(lab: Any) -> None:
        lab.set("kind", kind)
        lab.set("merge_mode", mode)
        lab.set("units", units)

    return change


def _order(lab: Any) -> None:
    lab.shuffle()
    lab.toggle_cell()
    lab.set("units", 2)


def _stack_error(lab: Any) -> None:
    lab.set_layer(0, return_sequences=False)


def _stack_three(lab: Any) -> None:
    lab.set("count", 3)
    lab.set_layer(1, kind="GRU", units=8, return_sequences=True)
    lab.set_layer(2, kind="SimpleRNN", units=4, return_sequences=False)


def _units(kind: str, units: int) -> Callable[[Any], None]:
    def change(lab: Any) -> None:
        lab.set("kind", kind)
        lab.set("units", units)
        lab.set("timesteps", 12)

    return change


def _embedding_big(lab: Any) -> None:
    lab.set("size", 2000)
    lab.set("dim", 8)
    lab.set("word", 1500)


def _symbol(name: str, t: int) -> Callable[[Any], None]:
    def change(lab: Any) -> None:
        lab.set("symbol", name)
        lab.set("t", t)

    return change


def _example(panel: str) -> Callable[[], Any]:
    """The lesson's worked example loaded (exact weights and initial state)."""

    def make() -> Any:
        from rnntui.content.loader import load_lessons

        lessons = load_lessons()
        lesson = next(x for x in lessons.for_lang("en") if x.panel == panel)
        lab = lab_for_panel(panel, lesson.preset)
        assert lab.has_example, f"the {panel} lesson lost its worked example"
        lab.load_example()
        return lab

    return make


def _lesson(lesson_id: str) -> Callable[[], Any]:
    """A packaged lesson's panel in its starting state (its preset), as ``rnntui code`` does."""

    def make() -> Any:
        from rnntui.content.loader import load_lessons

        lesson = load_lessons().get(lesson_id, "en")
        assert lesson is not None
        return lab_for_panel(lesson.panel, lesson.preset)

    return make


def _lesson_ids() -> list[str]:
    from rnntui.content.loader import load_lessons

    return [x.id for x in load_lessons().for_lang("en") if x.panel in LABS]


CASES: dict[str, Callable[[], Any]] = {
    **{f"{panel}-start": _tweak(panel, lambda lab: None) for panel in LABS},
    **{f"lesson-{lesson_id}": _lesson(lesson_id) for lesson_id in _lesson_ids()},
    "simple_rnn-lesson-example": _example("simple_rnn"),
    "lstm-lesson-example": _example("lstm"),
    "activation-x": _tweak("activation", lambda lab: lab.set("x", -2.5)),
    "simple_rnn-typed-state": _tweak("simple_rnn", _simple_rnn),
    "lstm-forced": _tweak("lstm", _lstm_forced),
    "lstm-state": _tweak("lstm", _lstm_state),
    "lstm-words": _tweak("lstm", _lstm_words),
    "gru-reset-before-forced": _tweak("gru", _gru_before),
    "gru-weight-edited": _tweak("gru", _gru_weight),
    "gru-words-state-forced": _tweak("gru", _gru_words_state),
    "dropout-gru": _tweak("dropout", _dropout_gru),
    "dropout-shared": _tweak("dropout", _dropout_shared),
    "dropout-inference": _tweak("dropout", lambda lab: lab.toggle_mode()),
    "dropout-off": _tweak("dropout", _dropout_off),
    "bidirectional-gru-sum": _tweak("bidirectional", _bi("GRU", "sum", 3)),
    "bidirectional-rnn-none": _tweak("bidirectional", _bi("SimpleRNN", "None", 1)),
    "bidirectional-lstm-ave": _tweak("bidirectional", _bi("LSTM", "ave", 4)),
    "bidirectional-lstm-mul": _tweak("bidirectional", _bi("LSTM", "mul", 2)),
    "order-shuffled-lstm": _tweak("order", _order),
    "order-reversed": _tweak("order", lambda lab: lab.reverse()),
    "stacking-error": _tweak("stacking", _stack_error),
    "stacking-three": _tweak("stacking", _stack_three),
    "units-gru": _tweak("units", _units("GRU", 3)),
    "units-big": _tweak("units", _units("SimpleRNN", 200)),
    "embedding-big": _tweak("embedding", _embedding_big),
    "symbols-forget": _tweak("symbols", _symbol("F", 2)),
    "symbols-tanh": _tweak("symbols", _symbol("tanh", 3)),
}
"""Case name -> a function making the lab."""
