"""Shipped results of the demos without weights: remembering, units/overfitting and dropout.

These demos train many small models, so what ships is what they measured, not the weights:

- ``results/remember.json``: the first-token task (``RememberLab``, default config) for
  SimpleRNN, LSTM and GRU at each T of ``REMEMBER_LENGTHS``: held-out accuracy, the loss per
  epoch and |dL/dh_t| before and after training;
- ``results/overfit.json`` / ``results/dropout.json``: the loss and val_loss curves of each
  variant (``UNITS_VARIANTS`` / ``DROPOUT_VARIANTS``) per language (``OverfitLab`` defaults).

``build(name)`` trains and returns the document (seeded; one BLAS thread through
``runner.train_live``), ``save`` writes it atomically, and ``shipped_remember_lab()`` and
``shipped_overfit_lab(name, lang)`` give a panel a lab that already holds the results.
Floats are stored at full precision (``repr``), so a retrain can be compared for identity.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from rnntui.demos.corpus import LANGS, check_lang
from rnntui.demos.overfit import DROPOUT_VARIANTS, UNITS_VARIANTS, Curves, OverfitLab, Variant
from rnntui.demos.remember import CellResult, RememberConfig, RememberLab
from rnntui.demos.weights_io import write_package_file

RESULTS_DIR = Path(__file__).with_name("results")
REMEMBER_LENGTHS = (5, 10, 20, 30, 40)
"""The sequence lengths T of the shipped first-token results."""
REMEMBER_CELLS = ("simple_rnn", "lstm", "gru")
CURVE_VARIANTS: dict[str, Sequence[Variant]] = {
    "overfit": UNITS_VARIANTS,
    "dropout": DROPOUT_VARIANTS,
}
NAMES = ("remember", *CURVE_VARIANTS)
"""The result files (``NAME.json``)."""


def check_name(name: str) -> str:
    """``name`` if it names a result file, else a ValueError listing the known ones."""
    if name not in NAMES:
        raise ValueError(f"no demo result named {name!r}; known: {', '.join(NAMES)}")
    return name


# -- training ---------------------------------------------------------------------------------
def build(name: str, log: Callable[[str], None] = print) -> dict[str, Any]:
    """Train everything result ``name`` holds and return it as a JSON-ready document."""
    if check_name(name) == "remember":
        lab = RememberLab()
        for length in REMEMBER_LENGTHS:
            for cell in REMEMBER_CELLS:
                r = lab.run(cell, length)
                log(f"  remember T={length} {r.label}: accuracy {r.accuracy:.3f}")
        return remember_doc(lab)
    labs = {}
    for lang in LANGS:
        labs[lang] = OverfitLab(lang)
        for variant in CURVE_VARIANTS[name]:
            c = labs[lang].run(variant)
            log(f"  {name} {lang} {variant.label}: val_loss {c.val_loss[-1]:.4f} gap {c.gap:.4f}")
    return curves_doc(labs)


def remember_doc(lab: RememberLab) -> dict[str, Any]:
    """The lab's config and every (not cancelled) result."""
    rows = [asdict(r) for r in lab.view().results if not r.cancelled]
    return _plain({"config": asdict(lab.config), "results": rows})


def curves_doc(labs: dict[str, OverfitLab]) -> dict[str, Any]:
    """Per language: the lab's settings and each variant's curves."""
    out: dict[str, Any] = {}
    for lang, lab in labs.items():
        out[lang] = {
            "lab": lab_settings(lab),
            "curves": [asdict(c) for c in lab.view().curves if not c.cancelled],
        }
    return _plain({"langs": out})


def _plain(doc: dict[str, Any]) -> dict[str, Any]:
    """``doc`` as JSON reads it back (tuples become lists), so documents compare equal."""
    plain: dict[str, Any] = json.loads(json.dumps(doc))
    return plain


def lab_settings(lab: OverfitLab) -> dict[str, Any]:
    """What makes an ``OverfitLab``'s curves comparable (data size, epochs, seed, rates)."""
    return {
        "train_sentences": len(lab.train),
        "epochs": lab.epochs,
        "seed": lab.seed,
        "learning_rate": lab.learning_rate,
        "batch_size": lab.batch_size,
    }


# -- files ------------------------------------------------------------------------------------
def save(name: str, doc: dict[str, Any], directory: Path = RESULTS_DIR) -> Path:
    """Write ``NAME.json`` into ``directory`` (atomically)."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{check_name(name)}.json"
    write_package_file(path, json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8") + b"\n")
    return path


def load_doc(name: str, directory: Path = RESULTS_DIR) -> dict[str, Any]:
    """The document of result ``name`` (a FileNotFoundError names the retrain command)."""
    path = directory / f"{check_name(name)}.json"
    if not path.exists():
        raise FileNotFoundError(
            f"demo results {name!r} are missing in {directory}; "
            f"rebuild them with: python -m rnntui.demos.train --only {name}"
        )
    doc: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return doc


def remember_results(doc: dict[str, Any]) -> tuple[RememberConfig, list[CellResult]]:
    """The config and results of a remember document."""
    config = RememberConfig(**doc["config"])
    names = {f.name for f in fields(CellResult)}
    results = []
    for row in doc["results"]:
        kept = {k: v for k, v in row.items() if k in names}
        for key in ("losses", "grad_norms_before", "grad_norms_after"):
            kept[key] = tuple(float(v) for v in kept[key])
        results.append(CellResult(**kept))
    return config, results


def shipped_remember_lab(directory: Path = RESULTS_DIR) -> RememberLab:
    """A ``RememberLab`` holding the shipped results (an empty one if the file is missing)."""
    try:
        config, results = remember_results(load_doc("remember", directory))
    except FileNotFoundError:
        return RememberLab()
    lab = RememberLab(config)
    lab.results = results
    return lab


def shipped_curves(name: str, lab: OverfitLab, directory: Path = RESULTS_DIR) -> list[Curves]:
    """The shipped curves of result ``name`` for ``lab``'s language; none when the file is
    missing or was made with other lab settings than ``lab``'s."""
    if check_name(name) == "remember":
        raise ValueError("remember holds no curves")
    try:
        entry = load_doc(name, directory)["langs"].get(check_lang(lab.lang))
    except FileNotFoundError:
        return []
    if entry is None or entry["lab"] != lab_settings(lab):
        return []
    out = []
    for row in entry["curves"]:
        out.append(
            Curves(
                Variant(**row["variant"]),
                tuple(float(v) for v in row["loss"]),
                tuple(float(v) for v in row["val_loss"]),
            )
        )
    return out


def shipped_overfit_lab(name: str, lang: str, directory: Path = RESULTS_DIR) -> OverfitLab:
    """An ``OverfitLab`` for ``lang`` holding the shipped curves of result ``name``."""
    lab = OverfitLab(lang)
    lab.curves = shipped_curves(name, lab, directory)
    return lab
