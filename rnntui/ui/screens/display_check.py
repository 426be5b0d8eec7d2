"""The display check: a boxed ruler in Korean and English, and how to fix what looks wrong.

Opened with ``d`` from the F1 help (or the command palette). If the terminal measures
characters the way Rich does, every right edge of the box sits in one column. Two things
break that in Korean labs: "ambiguous width = wide" (PuTTY, iTerm2, GNOME Terminal, mintty)
and a terminal or locale that is not UTF-8. The text below the box names both fixes.

NOTE: this is the ONE screen that shows East-Asian-ambiguous characters (box drawing, the
circled digit, arrow, reference mark, circles, square, ellipsis, middle dot, Greek letters)
on purpose: they are test glyphs. Everywhere else the UI avoids them (docs/panels.md).
"""

from __future__ import annotations

import os
import sys
from typing import ClassVar

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from rnntui.lab.format import words
from rnntui.settings import ascii_boxes, save_settings
from rnntui.ui.strings import tr

INNER = 46
"""Cells inside the box: fits a 60-column terminal with room to spare."""

# Test glyphs (ambiguous width on purpose, see the module docstring).
AMBIGUOUS = "\u2460 \u2192 \u203b \u25cb \u25cf \u25a0 \u2026 \u00b7 \u03c3 \u03b8"
BOX = {"tl": "\u250c", "tr": "\u2510", "bl": "\u2514", "br": "\u2518", "h": "\u2500", "v": "\u2502"}

RULER_ROWS: tuple[str, ...] = (
    "".join(str(k % 10) for k in range(1, INNER + 1)),
    "English: one letter = one cell",
    "한국어: 한 글자 = 두 칸",
    "가나다라마바사아자차카타파하거너더러머버서어저",
    "mixed 섞어 쓰기 abc 가나다 123",
    f"ambiguous 모호: {AMBIGUOUS}",
)

HELP_EN = """\
Look at the right edge of the box: it must be one straight line, under the top-right corner.

- **Straight edge, Hangul readable**: your terminal is set up well.
- **Edge ragged, or the box lines look doubled**: the terminal draws "ambiguous-width" \
characters two cells wide. Turn that off:
  - PuTTY: Window > Translation > untick "Treat CJK ambiguous characters as wide"
  - iTerm2: Profiles > Text > untick "Ambiguous characters are double-width"
  - GNOME Terminal: Preferences > (profile) > Compatibility > Ambiguous-width: Narrow
  - mintty (Git Bash, Cygwin): Options > Text > untick the ambiguous-wide option
- **Only the "ambiguous" row sticks out**: harmless for rnntui (its own text avoids these \
symbols), but the setting above is still worth turning off.
- **Question marks, empty boxes or codes like `\\u2500` instead of lines and Hangul**: the \
terminal or the server locale is not UTF-8. Set the terminal's character set to UTF-8 \
(PuTTY: Window > Translation > Remote character set: UTF-8), run `export LANG=C.UTF-8` on \
the server, and start rnntui again.
- **Colours**: rnntui never needs them (every value is printed). F9 switches to high \
contrast; for more colours set the terminal type to `xterm-256color` (PuTTY: Connection > Data).

Esc, q, F1 or Enter closes this screen."""

HELP_KO = """\
상자의 오른쪽 테두리를 보세요. 오른쪽 위 모서리 아래로 곧은 한 줄이어야 합니다.

- **테두리가 곧고 한글이 잘 보이면**: 터미널 설정이 올바릅니다.
- **테두리가 들쭉날쭉하거나 상자 선이 두 배로 넓으면**: 터미널이 "모호한 폭(ambiguous \
width)" 문자를 두 칸으로 그립니다. 이 설정을 끄세요.
  - PuTTY: Window > Translation > "Treat CJK ambiguous characters as wide" 해제
  - iTerm2: Profiles > Text > "Ambiguous characters are double-width" 해제
  - GNOME Terminal: Preferences > (프로필) > Compatibility > Ambiguous-width: Narrow
  - mintty (Git Bash, Cygwin): Options > Text 에서 ambiguous wide 해제
- **"모호" 줄만 튀어나오면**: rnntui 본문은 이런 기호를 쓰지 않으므로 괜찮지만, 위 설정을 \
끄는 것이 좋습니다.
- **선과 한글 대신 물음표, 빈 네모, `\\u2500` 같은 코드가 보이면**: 터미널이나 서버 \
로캘이 UTF-8이 아닙니다. 터미널 문자 집합을 UTF-8로 바꾸고 (PuTTY: Window > \
Translation > Remote character set: UTF-8), 서버에서 `export LANG=C.UTF-8` 을 실행한 뒤 \
다시 시작하세요.
- **색**: rnntui는 색이 없어도 모든 값을 숫자로 보여 줍니다. F9는 고대비 테마입니다. \
색을 더 쓰려면 터미널 종류를 `xterm-256color` 로 두세요 (PuTTY: Connection > Data).

Esc, q, F1 또는 Enter로 닫습니다."""


def boxes_line(lang: str, use_ascii: bool) -> str:
    """What ``b`` does and the current choice for the cell diagrams."""
    if use_ascii:
        return words(
            lang,
            "Diagrams: ASCII (+ - |), as you chose. b: box lines again",
            "도식: ASCII (+ - |)로 그립니다. b: 다시 상자 선으로",
        )
    return words(
        lang,
        "Diagrams: box lines. Box lines broken? b: draw diagrams in ASCII (+ - |)",
        "도식: 상자 선. 상자 선이 깨져 보이면 b: ASCII (+ - |)로 그리기",
    )


def _styled(text: str) -> Text:
    """``**bold**`` segments in bold; backticks dropped."""
    out = Text()
    for k, piece in enumerate(text.replace("`", "").split("**")):
        out.append(piece, style="bold" if k % 2 else "")
    return out


def help_renderable(text: str) -> Group:
    """Paragraphs and ``- `` / ``  - `` items with hanging indents, drawn synchronously (no
    Markdown widget: its blocks mount later, so the first frames would lack the text)."""
    parts: list[RenderableType] = []
    for line in text.split("\n"):
        level = 2 if line.startswith("  - ") else 1 if line.startswith("- ") else 0
        if not level:
            parts.append(_styled(line))
            continue
        grid = Table.grid(expand=True)
        grid.add_column(width=2 * level, no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")
        grid.add_row("- " if level == 1 else "  * ", _styled(line[2 * level :]))
        parts.append(grid)
    return Group(*parts)


def ruler_box(rows: tuple[str, ...] = RULER_ROWS, inner: int = INNER) -> list[str]:
    """The box lines; each row is padded to ``inner`` cells as Rich measures them."""
    lines = [BOX["tl"] + BOX["h"] * inner + BOX["tr"]]
    for row in rows:
        lines.append(BOX["v"] + row + " " * max(0, inner - cell_len(row)) + BOX["v"])
    lines.append(BOX["bl"] + BOX["h"] * inner + BOX["br"])
    return lines


def environment_line(width: int, height: int, colours: str | None) -> str:
    """What the app sees: size, TERM, locale, colour system, output encoding."""
    locale = next(
        (os.environ[k] for k in ("LC_ALL", "LC_CTYPE", "LANG") if os.environ.get(k)), "(unset)"
    )
    stream = sys.__stderr__ or sys.stderr
    encoding = getattr(stream, "encoding", None) or "?"
    no_color = "  NO_COLOR" if os.environ.get("NO_COLOR") else ""
    return (
        f"{width}x{height}  TERM={os.environ.get('TERM', '(unset)')}  {locale}  "
        f"colours={colours or 'none'}  {encoding}{no_color}"
    )


class DisplayCheckScreen(Screen[None]):
    """The boxed ruler and the fixes; Esc, q, F1 or Enter closes it."""

    AUTO_FOCUS = "#check-body"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f1,enter", "close", "Close"),
        Binding("b", "toggle_boxes", "Box lines"),
    ]
    DEFAULT_CSS = """
    DisplayCheckScreen { layout: vertical; }
    DisplayCheckScreen #check-title { height: 1; text-style: bold; padding: 0 1;
                                      background: $panel; }
    DisplayCheckScreen #check-body { height: 1fr; padding: 0 1; }
    DisplayCheckScreen #check-box { width: auto; height: auto; }
    DisplayCheckScreen #check-env { height: auto; margin-bottom: 1; }
    DisplayCheckScreen #check-boxes { height: auto; margin-bottom: 1; }
    DisplayCheckScreen #check-help { height: auto; }
    DisplayCheckScreen #check-keys { height: 1; background: $panel; }
    """

    def compose(self) -> ComposeResult:
        lang = getattr(self.app, "lang", "en")
        yield Static(
            words(lang, "rnntui  Display check / 화면 점검", "rnntui  화면 점검 / Display check"),
            id="check-title",
            markup=False,
        )
        with VerticalScroll(id="check-body"):
            yield Static(Text("\n".join(ruler_box())), id="check-box")
            yield Static(id="check-env", markup=False)
            yield Static(boxes_line(lang, ascii_boxes()), id="check-boxes", markup=False)
            yield Static(help_renderable(words(lang, HELP_EN, HELP_KO)), id="check-help")
        yield Static(
            words(
                lang,
                " Esc/q/F1/Enter  Close    b  Box lines    Up/Down/PgUp/PgDn  Scroll",
                " Esc/q/F1/Enter  닫기    b  상자 선    Up/Down/PgUp/PgDn  스크롤",
            ),
            id="check-keys",
            markup=False,
        )

    def on_mount(self) -> None:
        self._show_environment()

    def on_resize(self, event: events.Resize) -> None:
        self._show_environment()

    def _show_environment(self) -> None:
        width, height = self.app.size
        colours = self.app.console.color_system
        self.query_one("#check-env", Static).update(environment_line(width, height, colours))

    def action_toggle_boxes(self) -> None:
        """``b``: the user says box lines are broken (or fine again); saved as ``box_chars``."""
        lang = getattr(self.app, "lang", "en")
        use_ascii = not ascii_boxes()
        if getattr(self.app, "save", True):
            try:
                save_settings(box_chars="ascii" if use_ascii else "box")
            except Exception as error:  # settings never stop the app
                self.notify(tr("settings.unsaved", lang, error=error), severity="warning")
        self.query_one("#check-boxes", Static).update(boxes_line(lang, use_ascii))

    def action_close(self) -> None:
        """Back to where the student came from."""
        self.dismiss(None)
