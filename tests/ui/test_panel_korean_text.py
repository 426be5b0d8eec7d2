"""The Korean UI of the non-recurrent panels: no English outside code (issue 17).

Every Latin word a Korean panel shows must be code (a Keras class, argument or weight name,
a function, a symbol like ``x_t``); labels such as ``unit``, ``units``, ``input_dim``,
``timesteps``, ``fwd``, ``max`` or ``Hint:`` are Korean, in the docs/terms.md terms.
"""

from __future__ import annotations

import re

import pytest

from .helpers import screen_text, settle, show_panel

CODE = {
    # Keras classes, arguments, weight names and values
    *("SimpleRNN", "LSTM", "GRU", "Embedding", "Bidirectional", "Input", "Dense"),
    *("GlobalAveragePooling1D", "Keras", "None", "True", "False", "ValueError"),
    *("return_sequences", "merge_mode", "concat", "sum", "mul", "ave", "reset_after"),
    *("dropout", "recurrent_dropout", "kernel", "recurrent_kernel", "bias", "output"),
    *("state", "inputs", "activation", "recurrent_activation", "timesteps", "lstm", "lstm_1"),
    *("gru", "gru_1", "simple_rnn", "simple_rnn_1", "ndim", "name", "layer", "with"),
    # functions, dtypes, commands and abbreviations used as such
    *("sigmoid", "tanh", "one_hot", "float64", "float32", "rnntui", "summary", "RNN", "CNN"),
    *("id", "exp"),
}
"""Latin words that are code. Keras' own error message (``ValueError: Input 0 ...``) is
quoted as Keras prints it; the stacking panel here shows the valid stack."""
SYMBOL = re.compile(r"^[A-Za-z](_[A-Za-z0-9]+)?$|^[a-zA-Z]_$|^_[a-z]?$")
"""x, W, h_t, b_f, h_1, c_ and the like."""

TERMS = {
    "units": ("유닛 수 <", "입력 특성 수 <", "스텝 수 <", "10스텝 중"),
    "dropout": ("유닛 수 <", "스텝 수 <"),
    "bidirectional": ("순방향[0]", "역방향[0]", "출력[0]"),
    "embedding": ("최대 |one_hot @ W",),
    "symbols": ("h_1 (3,)",),
}
"""Words docs/terms.md asks for, where the panel shows them."""

PANELS = [
    ("what-is-rnn", ()),
    ("activations", ()),
    ("symbols", ()),
    ("symbols", ("t",)),  # the symbol t: the steps line
    ("embedding", ()),
    ("bidirectional", ()),
    ("units", ()),
    ("stacking", ()),
    ("dropout", ()),
    ("dropout", ("t",)),  # inference
]


def english_words(text: str) -> set[str]:
    """Latin words in ``text`` that are not code."""
    found = set(re.findall(r"[A-Za-z_][A-Za-z_0-9]*", text))
    return {w for w in found if w not in CODE and not SYMBOL.match(w)}


def test_the_check_sees_english_labels() -> None:
    assert english_words("units < 4 > input_dim < 8 > timesteps") == {"units", "input_dim"}
    assert english_words("fwd[0] max |x| Hint: unit") == {"fwd", "max", "Hint", "unit"}
    assert english_words("순방향[0] h_1 = tanh(x_t W)") == set()


@pytest.mark.parametrize(("lesson", "keys"), PANELS)
async def test_korean_panel_shows_no_english_outside_code(make_panel_app, lesson, keys) -> None:  # type: ignore[no-untyped-def]
    app = make_panel_app(lesson, "ko")
    async with app.run_test(size=(110, 70)) as pilot:
        panel = await show_panel(pilot)
        if keys:
            panel.focus()
            await pilot.press(*keys)
        await settle(pilot)
        rows = screen_text(app).splitlines()[1:-1]  # no title bar, no key bar
        shown = "\n".join(row.split("\u2502", 1)[1] for row in rows if "\u2502" in row)
        assert shown.strip(), "the panel is not on the screen"
        assert english_words(shown) == set(), shown
        for term in TERMS.get(lesson, ()) if not keys else ():
            assert term in shown, term
        assert "단계" not in shown and "타임스텝" not in shown
        assert panel.last_error is None
