"""The command palette opened again while the closed one is still being removed (issue 18,
item 8: found by the 10,000-key raw monkey, seed 10001: DuplicateIds '--command-palette',
exit 1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette

from rnntui.content.loader import load_lessons


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RNNTUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("RNNTUI_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")


async def test_ctrl_p_while_the_closed_palette_is_being_removed() -> None:
    from rnntui.ui.app import RnnTuiApp

    app = RnnTuiApp(load_lessons(), lang="en", lesson_id="lstm", save=False)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert CommandPalette.is_open(app)
            # close it and ask for it again before Textual has removed the closed one
            app.screen.dismiss()
            app.action_command_palette()
            app.action_command_palette()
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert sum(isinstance(s, CommandPalette) for s in app.screen_stack) <= 1
            if CommandPalette.is_open(app):
                await pilot.press("escape")
                await pilot.pause()
        assert app.is_running and app.return_code is None
