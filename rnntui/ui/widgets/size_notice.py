"""A one-line "enlarge the window" notice, shown only while the terminal is below 80x24.

The app stays usable at 60x20 (the narrow layout); the notice just says why some lines are
cut or scroll. Reverse video, so it stands out with NO_COLOR and 16 colours too.
"""

from __future__ import annotations

from rich.text import Text
from textual.screen import Screen
from textual.widget import Widget

MIN_WIDTH, MIN_HEIGHT = 80, 24


def notice_text(width: int, height: int, lang: str) -> str:
    """The notice for a ``width`` x ``height`` terminal, or "" when it is big enough."""
    if width >= MIN_WIDTH and height >= MIN_HEIGHT:
        return ""
    size, goal = f"{width}x{height}", f"{MIN_WIDTH}x{MIN_HEIGHT}"
    if lang == "ko":
        return f"창이 작습니다 ({size}): {goal} 이상으로 키우세요"
    return f"Small window ({size}): enlarge it to {goal} or more"


class SizeNotice(Widget):
    """Hidden at 80x24 and above; checked after every layout pass of its screen (resizes)."""

    DEFAULT_CSS = """
    SizeNotice { height: 1; width: 1fr; text-style: bold reverse; padding: 0 1; }
    SizeNotice.-hidden { display: none; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="-hidden")
        self.text = ""

    def on_mount(self) -> None:
        self.screen.screen_layout_refresh_signal.subscribe(self, self._check)
        self._check(self.screen)

    def on_unmount(self) -> None:
        self.screen.screen_layout_refresh_signal.unsubscribe(self)

    def _check(self, screen: Screen) -> None:
        width, height = self.app.size
        text = notice_text(width, height, getattr(self.app, "lang", "en"))
        if text == self.text:
            return
        self.text = text
        self.set_class(not text, "-hidden")
        self.refresh()

    def render(self) -> Text:
        return Text(self.text)
