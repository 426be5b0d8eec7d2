"""The remembering demo fits 80x24 (issue 13 leftover): the title, the gradient chart's ends,
every row of the accuracy table and the progress line are on screen without scrolling, in
both languages; the numbers are read from the shipped JSON, not through the lab."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import rnntui.demos

from .helpers import screen_text, settle

MARKERS = {"simple_rnn": "S", "lstm": "L", "gru": "G"}
LABELS = {"simple_rnn": "SimpleRNN", "lstm": "LSTM", "gru": "GRU"}
WORDS = {
    "en": ("Remember the first token", "held-out accuracy", "t: train the three cells"),
    "ko": ("첫 토큰 기억하기", "검증 정확도", "t: 세 셀 학습"),
}


def shipped() -> list[dict[str, Any]]:
    """The shipped first-token results, read with json."""
    path = Path(rnntui.demos.__file__).with_name("results") / "remember.json"
    rows: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["results"]
    return rows


@pytest.mark.parametrize("lang", ["en", "ko"])
async def test_the_whole_panel_is_on_screen_at_80x24(make_app, lang: str) -> None:  # type: ignore[no-untyped-def]
    app = make_app("vanishing-gradients", lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        assert type(app.learn.panel).__name__ == "RememberPanel"
        rows = screen_text(app).splitlines()
        title, table_head, idle = WORDS[lang]
        assert any(title in row for row in rows)  # nothing scrolled off the top
        assert any(table_head in row for row in rows)
        assert any(idle in row for row in rows)  # the progress line, the panel's last
        results = shipped()
        lengths = sorted({r["length"] for r in results})
        header = [row.split() for row in rows if row.split()[:1] == [f"T={lengths[0]}"]]
        assert header == [[f"T={n}" for n in lengths]]
        for cell, label in LABELS.items():
            mine = sorted((r for r in results if r["cell"] == cell), key=lambda r: r["length"])
            expected = [label] + [f"{r['accuracy']:.2f}" for r in mine]
            assert [row.split() for row in rows if row.split()[:1] == [label]] == [expected]
        at_20 = {r["cell"]: r["grad_norms_after"] for r in results if r["length"] == 20}
        ends = next(row for row in rows if row.lstrip().startswith("t=1/t=T:"))
        for cell, norms in at_20.items():
            assert f"{MARKERS[cell]} {norms[0]:.2e}/{norms[-1]:.2e}" in ends, ends
