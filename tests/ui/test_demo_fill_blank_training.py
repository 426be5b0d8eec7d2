"""Fill-the-blank demo: ctrl+t trains the forward and the bidirectional model in turn (one
epoch each here), the progress bar counts both runs, and both are kept as the student's."""

from __future__ import annotations

from typing import Any

from rnntui.demos import live, user_models

from .helpers import settle


async def test_both_models_train_in_turn_and_are_kept(make_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from rnntui.ui.panels import demo_fill_blank

    names: list[str] = []

    def one_epoch(name, on_epoch=None, cancel=None, epochs=None):  # type: ignore[no-untyped-def]
        names.append(name)
        return live.train_shipped_recipe(name, on_epoch, cancel, epochs=1)

    monkeypatch.setattr(demo_fill_blank, "train_shipped_recipe", one_epoch)
    app = make_app("bidirectional", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        panel = app.learn.panel
        assert isinstance(panel, demo_fill_blank.FillBlankPanel)
        bars: list[tuple[int, int, str]] = []
        show_progress = panel.show_progress

        def spy(done: int, total: int, status: str) -> None:
            bars.append((done, total, status))
            show_progress(done, total, status)

        monkeypatch.setattr(panel, "show_progress", spy)
        await pilot.press("ctrl+t")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert not panel.training and panel.last_error is None, panel.last_error
        assert names == ["fill_blank_en_fwd", "fill_blank_en_bi"]
        epochs = [(d, t) for d, t, s in bars if "epoch" in s]
        assert epochs == [(1, 2), (2, 2)], bars  # run k of 2, one epoch each
        assert [s.split(" epoch")[0] for _d, _t, s in bars if "epoch" in s] == [
            "forward",
            "bidirectional",
        ]
        assert "done, kept as your models" in panel.progress_text
        assert panel.lab.source == "user"
        assert set(panel.losses) == {"fwd", "bi"}
        kept: dict[str, Any] = {}
        for kind, key in (("fwd", "forward"), ("bi", "bidirectional")):
            name = f"fill_blank_en_{kind}"
            assert user_models.exists(name)
            kept[kind] = user_models.load_weights(name, panel.lab.models[key])
            now = panel.lab.models[key].get_weights()
            assert all((a == b).all() for a, b in zip(kept[kind], now, strict=True))
