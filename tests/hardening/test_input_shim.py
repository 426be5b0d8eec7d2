"""The input decoder between the terminal and Textual's key parser (issue 18, items 9 and 10)."""

from __future__ import annotations

import os

import pytest
from textual import events
from textual._xterm_parser import XTermParser

from rnntui.terminal_guard import TEXTUAL_DEBUG_VARIABLES, scrub_textual_debug_env
from rnntui.ui.input_shim import InputDecoder, rewrite_alt_keys


def keys(*chunks: bytes) -> list[tuple[str, str | None]]:
    """What Textual's parser makes of these reads, through our decoder."""
    decoder, parser = InputDecoder(), XTermParser()
    out: list[events.Message] = []
    for chunk in chunks:
        text = decoder.decode(chunk)
        if text:  # the driver never feeds an empty string (that would mean end of input)
            out += parser.feed(text)
    out += parser.feed("")
    return [(e.key, e.character) for e in out if isinstance(e, events.Key)]


@pytest.mark.parametrize("letter", ["q", "t", "f", "1", "가"])
def test_alt_key_then_an_escape_sequence_is_alt_then_the_sequence(letter: str) -> None:
    sent = f"\x1b{letter}\x1b[C".encode()
    found = keys(sent)
    assert found[0][0] == f"alt+{letter}" and found[0][1] is None, found
    assert found[1][0] == "right" and len(found) == 2, found


def test_without_the_shim_the_letter_leaks() -> None:
    """The bug itself (so the test above can fail): Textual alone reads `^` and a plain q."""
    parser = XTermParser()
    found = [
        e.key for e in [*parser.feed("\x1bq\x1b[C"), *parser.feed("")] if isinstance(e, events.Key)
    ]
    assert "q" in found


@pytest.mark.parametrize(
    "sequence",
    [
        "\x1b[A",
        "\x1bOP",
        "\x1b[1;5C",
        "\x1b[<0;10;5M",
        "\x1b]11;rgb:0/0/0\x1b\\",
        "\x1b[?2026;2$y",
        "\x1bP>|xterm\x1b\\",
        "\x1b\x1b[A",
    ],
)
def test_terminal_sequences_are_left_alone(sequence: str) -> None:
    assert rewrite_alt_keys(sequence) == sequence


def test_bracketed_paste_keeps_its_text_but_no_escapes() -> None:
    decoder = InputDecoder()
    pasted = "\x1b[200~a\x1bq\x1b[31mb\x1b[201~"
    reads = [pasted[:6], pasted[6:-3], pasted[-3:]]  # the end marker split over two reads
    assert "".join(decoder.decode(r.encode()) for r in reads) == "\x1b[200~aq[31mb\x1b[201~"
    assert decoder.decode(b"\x1bq") == "\x1b[113;3u", "after the paste Alt keys work again"
    assert keys(pasted.encode(), b"x") == [("x", "x")], "nothing from the paste became a key"


@pytest.mark.parametrize(
    "sequence",
    [
        b"\x1b[9999999999999999999999A",
        b"\x1b[1114112u",
        b"\x1b[" + b"9" * 5000 + b"A",
        b"\x1b[48;99999;99999;0;0t",
        b"\x1b[1;1:99999999999u",
    ],
)
def test_impossible_csi_never_reaches_the_parser(sequence: bytes) -> None:
    for cut in (len(sequence), 5, len(sequence) - 1):  # whole, and split over two reads
        assert keys(sequence[:cut], sequence[cut:], b"x") == [("x", "x")]


def test_without_the_shim_a_huge_parameter_kills_the_parser() -> None:
    with pytest.raises((OverflowError, ValueError)):
        list(XTermParser().feed("\x1b[9999999999999999999999A"))


def test_invalid_utf8_is_replaced() -> None:
    assert InputDecoder().decode(b"\xb0\xa1ok") == "\ufffd\ufffdok"


def test_end_of_file_is_reported_once_and_does_not_spin() -> None:
    calls: list[int] = []
    decoder = InputDecoder(lambda: calls.append(1))
    assert decoder.decode(b"") == "" and decoder.terminal_gone
    start = os.times()
    for _ in range(5):
        assert decoder.decode(b"") == ""
    assert calls == [1]
    assert os.times().user - start.user < 0.05, "later empty reads nap instead of spinning"


def test_debug_variables_are_dropped_unless_asked() -> None:
    env = {name: "1" for name in TEXTUAL_DEBUG_VARIABLES} | {"TEXTUAL_COLOR_SYSTEM": "256"}
    assert scrub_textual_debug_env(dict(env), keep=True) == []
    removed = scrub_textual_debug_env(env)
    assert set(removed) == set(TEXTUAL_DEBUG_VARIABLES) and env == {"TEXTUAL_COLOR_SYSTEM": "256"}
