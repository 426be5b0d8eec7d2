"""The app that ``rnntui inspect FILE`` runs: rnntui opened straight into the model screen.

It lives beside the app rather than in the model screen's module, so that the screen does not
import the app that opens it (no import cycle).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rnntui.ui import app as app_module
from rnntui.ui.app import RnnTuiApp
from rnntui.ui.screens.model import ModelScreen


def inspect_app(
    lessons: Any,
    screen: ModelScreen,
    *,
    lang: str,
    theme: str | None = None,
) -> RnnTuiApp:
    """The app (lessons loading behind) opened straight into ``screen`` (``rnntui inspect``);
    Escape on the model screen goes to the lessons."""

    class InspectApp(RnnTuiApp):
        CSS_PATH = str(Path(app_module.__file__).with_name(str(RnnTuiApp.CSS_PATH)))

        def on_mount(self) -> None:
            super().on_mount()
            self.push_screen(screen)

    return InspectApp(lessons, lang=lang, theme=theme)
