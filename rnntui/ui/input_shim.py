"""Make Textual's terminal input safe: bad bytes, Alt keys, and a terminal that has gone away.

Textual's Linux driver reads the terminal in a thread and feeds ``decode(os.read(fd, 4096))``
to its key parser. We replace the decoder it builds (``getincrementaldecoder("utf-8")()``) by
:class:`InputDecoder`, which

- replaces bytes that are not UTF-8 with U+FFFD instead of raising (one stray EUC-KR byte
  killed the app: Textualize/textual#6456, open for textual 8.2.8);
- rewrites an Alt key (``ESC`` + a character, as terminals send it) into the unambiguous
  ``CSI codepoint ; 3 u`` form, which the parser reads as ``alt+<key>``. Otherwise ``ESC q``
  followed at once by another escape sequence (Alt+q, then an arrow key) is reissued as
  Escape-like ``^`` plus a plain ``q``, which quits; Alt+t / Alt+f could answer a quiz question
  the same way. Bracketed pastes are left alone;
- drops a CSI sequence whose numbers no terminal sends (a parameter above U+10FFFF, or a
  window size above ``MAX_CELLS``): Textual's kitty-key parser calls ``chr()`` on it and the
  OverflowError kills the input thread and the app (``ESC [ 99999999999 A``, found by
  tests/ui/test_raw_monkey.py). A sequence cut at the end of a read is held back until the
  next read, so it is checked whole;
- treats an empty read as the end of the terminal (the parser would otherwise spin on
  ``read() == b""`` at full CPU when the terminal is gone and SIGHUP is ignored): it calls the
  ``on_eof`` hook once and then slows the input loop down to a nap per read.

Remove the decoding part once upstream ships a fix; the rest is protocol, not a bug work-around.
"""

from __future__ import annotations

import codecs
import re
import threading
from collections.abc import Callable

PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"
NOT_ALT = frozenset("[]OPNX^_\\\x1b")
"""Characters after ESC that start a terminal sequence (CSI, OSC, SS3, DCS, ...), not Alt."""

_ALT_KEY = re.compile("\x1b([^\x00-\x20\x7f" + re.escape("".join(sorted(NOT_ALT))) + "])")
_CSI = re.compile(r"\x1b\[([0-9:;<=>?]*)([\x20-\x2f]*)([\x40-\x7e])")
_CSI_OPEN = re.compile(r"\x1b\[[0-9:;<=>?\x20-\x2f]*\Z")
_CSI_REST = re.compile(r"[0-9:;<=>?\x20-\x2f]*([\x40-\x7e])?")
_NUMBER = re.compile(r"\d+")
MAX_CODEPOINT = 0x10FFFF
MAX_CELLS = 10_000
"""The largest window size (cells) an in-band resize report may give."""
MAX_HELD = 64
"""Characters of an unfinished CSI kept for the next read; a longer one is dropped whole."""
_EOF_NAP = 0.1
"""Seconds the input thread waits per read once the terminal is gone (no busy loop)."""


def alt_form(char: str) -> str:
    """``CSI <codepoint> ; 3 u``: the kitty-keyboard spelling of Alt + ``char``."""
    return f"\x1b[{ord(char)};3u"


def _sane_csi(match: re.Match[str]) -> str:
    numbers = _NUMBER.findall(match[1])
    if any(len(n) > 7 or int(n) > MAX_CODEPOINT for n in numbers):
        return ""
    if (
        match[3] == "t"
        and match[1].startswith("48;")
        and any(int(n) > MAX_CELLS for n in numbers[1:])
    ):
        return ""
    return match[0]


def drop_impossible_csi(text: str) -> str:
    """``text`` without CSI sequences whose numbers no terminal sends (see module doc)."""
    return _CSI.sub(_sane_csi, text) if "\x1b[" in text else text


def rewrite_alt_keys(text: str) -> str:
    """Every ``ESC`` + printable character in ``text`` as an unambiguous Alt key."""
    return _ALT_KEY.sub(lambda m: alt_form(m[1]), text)


class InputDecoder:
    """UTF-8 with replacement, Alt keys made unambiguous, EOF reported (see module doc)."""

    def __init__(self, on_eof: Callable[[], None] | None = None) -> None:
        self._utf8 = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._on_eof = on_eof
        self._gone = threading.Event()
        self._nap = threading.Event()  # never set: a wait on it is an interruptible nap
        self._in_paste = False
        self._held = ""
        self._skipping = False  # inside an over-long CSI sequence: drop it up to its end

    @property
    def terminal_gone(self) -> bool:
        """True once an empty read has been seen."""
        return self._gone.is_set()

    def decode(self, data: bytes, final: bool = False) -> str:
        """Decode one read from the terminal."""
        if not data and not final:
            self._terminal_gone()
            return ""
        text = self._held + self._utf8.decode(data, final)
        self._held = ""
        rest = _CSI_REST.match(text) if self._skipping else None
        if rest is not None:  # the tail of an over-long CSI sequence
            text = text[rest.end() :]
            self._skipping = rest[1] is None and not final
        return self._keys(text, final) if "\x1b" in text else text

    def _terminal_gone(self) -> None:
        if self._gone.is_set():
            self._nap.wait(_EOF_NAP)  # already reported: wait instead of spinning
            return
        self._gone.set()
        if self._on_eof is not None:
            self._on_eof()

    def _keys(self, text: str, final: bool) -> str:
        out: list[str] = []
        position = 0
        while True:
            marker = PASTE_END if self._in_paste else PASTE_START
            found = text.find(marker, position)
            if found < 0:
                rest = text[position:]
                if not final:
                    rest, self._held = self._hold(rest)
                out.append(self._clean(rest))
                return "".join(out)
            out.append(self._clean(text[position:found]) + marker)
            self._in_paste = not self._in_paste
            position = found + len(marker)

    def _clean(self, part: str) -> str:
        """Inside a paste no ESC survives (pasted escapes would be read as keys); outside,
        impossible CSI sequences go and Alt keys get their unambiguous form."""
        if self._in_paste:
            return part.replace("\x1b", "")
        return rewrite_alt_keys(drop_impossible_csi(part))

    def _hold(self, rest: str) -> tuple[str, str]:
        """Split off the end of a read that may continue in the next one: the start of the
        paste-end marker, or an unfinished CSI sequence."""
        if self._in_paste:
            for size in range(min(len(PASTE_END) - 1, len(rest)), 0, -1):
                if PASTE_END.startswith(rest[-size:]):
                    return rest[:-size], rest[-size:]
            return rest, ""
        cut = _CSI_OPEN.search(rest)
        if cut is None:
            return rest, ""
        held = rest[cut.start() :]
        if len(held) > MAX_HELD:  # no terminal sends this: drop it, up to its final byte
            self._skipping = True
            return rest[: cut.start()], ""
        return rest[: cut.start()], held


_on_eof: Callable[[], None] | None = None


def _decoder_factory(encoding: str) -> Callable[..., InputDecoder]:
    if codecs.lookup(encoding).name != "utf-8":  # pragma: no cover - the driver asks for utf-8
        raise LookupError(f"rnntui's input decoder only reads UTF-8, not {encoding}")

    def make(*_args: object, **_kwargs: object) -> InputDecoder:
        return InputDecoder(_on_eof)

    return make


def on_terminal_eof(callback: Callable[[], None] | None) -> None:
    """Call ``callback`` (from the input thread, once) when the terminal has gone away."""
    global _on_eof
    _on_eof = callback


def install_lenient_input_decoder() -> bool:
    """Patch the Linux driver's decoder; returns False if Textual's layout has changed."""
    try:
        from textual.drivers import linux_driver
    except ImportError:  # pragma: no cover - non-Linux platforms
        return False
    if not hasattr(linux_driver, "getincrementaldecoder"):
        return False
    linux_driver.getincrementaldecoder = _decoder_factory  # type: ignore[attr-defined,assignment]
    return True
