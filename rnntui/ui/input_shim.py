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
_EOF_NAP = 0.1
"""Seconds the input thread waits per read once the terminal is gone (no busy loop)."""


def alt_form(char: str) -> str:
    """``CSI <codepoint> ; 3 u``: the kitty-keyboard spelling of Alt + ``char``."""
    return f"\x1b[{ord(char)};3u"


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

    @property
    def terminal_gone(self) -> bool:
        """True once an empty read has been seen."""
        return self._gone.is_set()

    def decode(self, data: bytes, final: bool = False) -> str:
        """Decode one read from the terminal."""
        if not data and not final:
            self._terminal_gone()
            return ""
        return self._keys(self._utf8.decode(data, final))

    def _terminal_gone(self) -> None:
        if self._gone.is_set():
            self._nap.wait(_EOF_NAP)  # already reported: wait instead of spinning
            return
        self._gone.set()
        if self._on_eof is not None:
            self._on_eof()

    def _keys(self, text: str) -> str:
        if "\x1b" not in text:
            return text
        out: list[str] = []
        position = 0
        while position < len(text):
            marker = PASTE_END if self._in_paste else PASTE_START
            found = text.find(marker, position)
            end = len(text) if found < 0 else found + len(marker)
            part = text[position:end]
            out.append(part if self._in_paste else rewrite_alt_keys(part))
            if found >= 0:
                self._in_paste = not self._in_paste
            position = end
        return "".join(out)


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
