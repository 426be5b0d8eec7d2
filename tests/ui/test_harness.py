"""The Pilot helpers read the screen through public Textual API: check that what they read is
what the terminal would show (wide characters, every row, notifications)."""

from __future__ import annotations

from rich.cells import cell_len

from .helpers import Notes, screen_text, settle, svg_rows


def test_svg_rows_places_wide_characters_by_cell() -> None:
    svg = (
        '<text class="t-r1" x="0" y="20" textLength="24.4" clip-path="url(#t-line-0)">'
        "가&#160;</text>"
        '<text class="t-r2" x="36.6" y="20" textLength="12.2" clip-path="url(#t-line-0)">'
        "x</text>"
        '<text class="t-r1" x="12.2" y="44.4" textLength="24.4" clip-path="url(#t-line-2)">'
        "&lt;b&gt;</text>"
    )
    assert svg_rows(svg, 5, 3) == ["가 x ", "     ", " <b> "]


async def test_screen_text_is_the_whole_screen_in_korean(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app("lstm", "ko", save=False)
    notes = Notes()
    async with app.run_test(size=(120, 36), message_hook=notes) as pilot:
        await settle(pilot)
        rows = screen_text(app).split("\n")
        assert len(rows) == 36 and all(cell_len(row) == 120 for row in rows)
        title = app.lessons.get("lstm", "ko").title  # Korean: two cells a syllable
        assert f"{title}  [ko]" in rows[0], rows[0]
        assert any("│" in row for row in rows)  # the border between text and panel
        app.notify("hello [b]")
        await pilot.pause()
    assert notes.messages[-1] == "hello [b]" and notes.markup[-1] is False
