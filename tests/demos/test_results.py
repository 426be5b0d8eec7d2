"""The shipped results of the remembering, units/overfitting and dropout demos
(``rnntui/demos/results/*.json``): small, complete, reproduced exactly by a fresh seeded run,
and read back by the labs the panels open with. The JSON is read here with ``json`` itself,
not only through ``rnntui.demos.results``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rnntui.demos import results
from rnntui.demos.corpus import LANGS
from rnntui.demos.overfit import DROPOUT_VARIANTS, UNITS_VARIANTS, OverfitLab, Variant
from rnntui.demos.remember import RememberConfig, RememberLab

FILES = Path(results.__file__).with_name("results")


def raw(name: str) -> dict:  # type: ignore[type-arg]
    return json.loads((FILES / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["remember", "overfit", "dropout"])
def test_each_file_is_small_and_complete(name: str) -> None:
    path = FILES / f"{name}.json"
    assert path.stat().st_size < 100_000
    doc = raw(name)
    if name == "remember":
        assert doc["config"] == json.loads(json.dumps(RememberConfig().__dict__))
        got = {(r["cell"], r["length"]) for r in doc["results"]}
        assert got == {(c, n) for c in ("simple_rnn", "lstm", "gru") for n in (5, 10, 20, 30, 40)}
        for r in doc["results"]:
            assert len(r["grad_norms_after"]) == len(r["grad_norms_before"]) == r["length"]
            assert len(r["losses"]) == doc["config"]["epochs"] and not r["cancelled"]
        return
    variants = UNITS_VARIANTS if name == "overfit" else DROPOUT_VARIANTS
    assert set(doc["langs"]) == set(LANGS)
    for entry in doc["langs"].values():
        assert [Variant(**c["variant"]) for c in entry["curves"]] == list(variants)
        for c in entry["curves"]:
            assert len(c["loss"]) == len(c["val_loss"]) == entry["lab"]["epochs"]


def test_a_fresh_run_reproduces_the_shipped_remember_row() -> None:
    fresh = RememberLab().run("gru", 5)  # about 0.1 s
    (row,) = [r for r in raw("remember")["results"] if (r["cell"], r["length"]) == ("gru", 5)]
    assert list(fresh.losses) == row["losses"]  # identical, not close
    assert list(fresh.grad_norms_after) == row["grad_norms_after"]
    assert fresh.accuracy == row["accuracy"]


def test_a_fresh_run_reproduces_the_shipped_curves() -> None:
    fresh = OverfitLab("en").run(Variant(units=4))  # about half a second
    (row,) = raw("overfit")["langs"]["en"]["curves"][:1]
    assert row["variant"]["units"] == 4
    assert list(fresh.loss) == row["loss"] and list(fresh.val_loss) == row["val_loss"]


def test_the_claims_of_docs_demos_hold_in_the_shipped_curves() -> None:
    for lang in LANGS:
        small, large = raw("overfit")["langs"][lang]["curves"]
        gap = [c["val_loss"][-1] - c["loss"][-1] for c in (small, large)]
        assert large["loss"][-1] < small["loss"][-1] and gap[1] > gap[0] + 1.0
        none, *_, both = raw("dropout")["langs"][lang]["curves"]
        assert both["val_loss"][-1] - both["loss"][-1] < none["val_loss"][-1] - none["loss"][-1]
        assert both["val_loss"][-1] < none["val_loss"][-1]


def test_the_labs_the_panels_open_with_hold_the_shipped_numbers() -> None:
    lab = results.shipped_remember_lab()
    table = lab.view().accuracy_table()
    for r in raw("remember")["results"]:
        label = {"simple_rnn": "SimpleRNN", "lstm": "LSTM", "gru": "GRU"}[r["cell"]]
        assert table[label][r["length"]] == r["accuracy"]
    for name in ("overfit", "dropout"):
        for lang in LANGS:
            curves = results.shipped_overfit_lab(name, lang).view().curves
            shipped = raw(name)["langs"][lang]["curves"]
            assert [list(c.val_loss) for c in curves] == [c["val_loss"] for c in shipped]


def test_other_settings_or_a_missing_file_give_no_results(tmp_path: Path) -> None:
    assert results.shipped_curves("overfit", OverfitLab("en", epochs=5)) == []
    assert results.shipped_remember_lab(tmp_path).results == []
    assert results.shipped_curves("dropout", OverfitLab("ko"), tmp_path) == []
    with pytest.raises(FileNotFoundError, match=r"python -m rnntui\.demos\.train --only remember"):
        results.load_doc("remember", tmp_path)
    with pytest.raises(ValueError, match="known: remember, overfit, dropout"):
        results.load_doc("units", tmp_path)


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    lab = RememberLab(RememberConfig(samples=32, held_out=16, epochs=2, units=3, embed_dim=3))
    lab.run("simple_rnn", 3)
    results.save("remember", results.remember_doc(lab), tmp_path)
    back = results.shipped_remember_lab(tmp_path)
    assert back.config == lab.config and back.results == lab.results
