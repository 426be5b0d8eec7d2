"""The code screen: k on a panel (and its jamo) or the palette opens it; f switches the
framework, s saves a new file (never over an old one), c copies via OSC 52, Escape closes."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from rnntui.codegen import code_for
from rnntui.ui.app import RnnTuiApp
from rnntui.ui.screens.code import CodeScreen, fresh_path
from tests.ui.helpers import settle, show_panel


def test_fresh_path_never_picks_an_existing_file(tmp_path: Path) -> None:
    assert fresh_path(tmp_path, "rnntui_lstm_keras.py").name == "rnntui_lstm_keras.py"
    (tmp_path / "rnntui_lstm_keras.py").write_text("mine")
    (tmp_path / "rnntui_lstm_keras-1.py").write_text("mine too")
    assert fresh_path(tmp_path, "rnntui_lstm_keras.py").name == "rnntui_lstm_keras-2.py"


async def test_k_opens_the_code_switch_save_copy_close(
    make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    app: RnnTuiApp = make_app("lstm", "en", save=False)
    copied: list[str] = []
    notes: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    monkeypatch.setattr(app, "notify", lambda message, **_: notes.append(message))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rnntui_lstm_torch.py").write_text("# the student's own file\n")
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        lab = panel.lab  # type: ignore[attr-defined]
        lab.force("f", "value", 1.0)  # what the panel shows now, not the preset
        await pilot.press("k")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CodeScreen)
        assert screen.framework == "keras"
        assert screen.code() == code_for(lab, "keras", "en")
        assert "FORCES = {'f': ('value', 1.0)}" in screen.code()
        await pilot.press("f")
        await settle(pilot)
        assert screen.framework == "torch"
        assert "import torch" in screen.code()
        await pilot.press("s")
        await settle(pilot)
        saved = tmp_path / "rnntui_lstm_torch-1.py"
        assert saved.read_text(encoding="utf-8") == code_for(lab, "torch", "en")
        assert (tmp_path / "rnntui_lstm_torch.py").read_text() == "# the student's own file\n"
        ast.parse(saved.read_text(encoding="utf-8"))
        assert notes[-1] == f"Saved to {saved}"
        await pilot.press("c")
        await settle(pilot)
        assert copied == [code_for(lab, "torch", "en")]
        assert "copied to the clipboard (OSC 52" in notes[-1]
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, CodeScreen)


async def test_jamo_and_the_palette_open_it_in_korean(make_app) -> None:  # type: ignore[no-untyped-def]
    from rnntui.ui.keys import node_label, own_bindings

    app: RnnTuiApp = make_app("gru", "ko", save=False)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await show_panel(pilot)
        code_keys = [b for b in own_bindings(panel) if b.action == "show_code"]
        assert code_keys and node_label(code_keys[0].description, panel, "ko") == "코드"
        await pilot.press("ㅏ")  # k in Hangul input mode
        await settle(pilot)
        assert isinstance(app.screen, CodeScreen)
        assert "# rnntui: GRU 패널" in app.screen.code()
        await pilot.press("escape")
        await settle(pilot)
        names = [c.title for c in app.get_system_commands(app.screen)]
        assert "코드 보기 (Keras / PyTorch)" in names
        app.action_show_code()
        await settle(pilot)
        assert isinstance(app.screen, CodeScreen)
