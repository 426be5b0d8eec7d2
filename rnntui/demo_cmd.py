"""``rnntui demo``: the trained demo models without the full screen (e.g. ``ssh host`` without -t).

- ``rnntui demo next-word --prompt "나는 오늘" [--json]``: the top next words and their
  probabilities from the shipped (or the student's kept) model;
- ``rnntui demo train NAME [--keep]``: train a demo model from scratch with a Rich progress
  bar (ASCII: no East-Asian-ambiguous glyphs); ``--keep`` makes it the student's model,
  which the app then opens. Besides the shipped models (``rnntui.demos.train.recipes``) it
  trains what the result demos measure (``rnntui.demos.results.NAMES``: ``remember``, and
  ``overfit`` / ``dropout`` on the corpus of the student's language); those keep nothing.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from rnntui.demos.corpus import LANGS


def guess_lang(text: str) -> str:
    """``ko`` if the text has Hangul, else ``en``."""
    return (
        "ko"
        if any("\uac00" <= ch <= "\ud7a3" or "\u3131" <= ch <= "\u318e" for ch in text)
        else "en"
    )


def next_word(prompt: str, lang: str | None, as_json: bool, top: int) -> int:
    """Print the ``top`` next words for ``prompt`` (OOV words are reported, never an error)."""
    from rnntui.demos import user_models
    from rnntui.demos.next_word import NextWordLab

    lang = lang or guess_lang(prompt)
    if lang not in LANGS:
        print(f"--lang must be one of {', '.join(LANGS)}", file=sys.stderr)
        return 2
    lab = NextWordLab.shipped(lang)
    weights = user_models.load_weights(f"next_word_{lang}", lab.model)
    if weights is not None:
        lab.model.set_weights(weights)
        lab.source = "user"
    lab.set_prompt(prompt.strip() + " ")
    view = lab.view()
    best = lab.top(view.words, k=top)
    if as_json:
        doc = {
            "lang": lang,
            "model": lab.source,
            "words": list(view.words),
            "oov": list(view.oov),
            "top": [{"word": w.word, "prob": w.prob} for w in best],
        }
        print(json.dumps(doc, ensure_ascii=False, indent=1))
        return 0
    ko = lang == "ko"
    if view.oov:
        label = "어휘에 없는 단어" if ko else "not in the vocabulary"
        print(f"{label}: {', '.join(view.oov)}")
    if not best:
        print("단어를 하나 이상 입력하세요." if ko else "Give at least one word.")
        return 1
    from rich.cells import cell_len

    width = max(cell_len(w.word) for w in best)
    for w in best:
        filled = round(20 * w.prob)
        bar = "[" + "#" * filled + "." * (20 - filled) + "]"
        print(f"{w.word}{' ' * (width - cell_len(w.word))}  {bar}  {w.prob:.4f}")
    return 0


def known_names() -> list[str]:
    """Every name ``rnntui demo train`` accepts."""
    from rnntui.demos.results import NAMES
    from rnntui.demos.train import recipes

    return [r.name for r in recipes()] + list(NAMES)


def train(name: str, epochs: int | None, keep: bool) -> int:
    """Train ``name`` from scratch with a progress bar; ``keep`` saves it as the student's."""
    from rich.console import Console
    from rich.progress import Progress, TextColumn, TimeElapsedColumn

    names = known_names()
    if name not in names:
        from rnntui.content.did_you_mean import did_you_mean

        guess = did_you_mean(name, names)
        hint = f" did you mean {guess!r}?" if guess else ""
        print(f"unknown demo model {name!r};{hint} known: {', '.join(names)}", file=sys.stderr)
        return 2
    console = Console(highlight=False)
    columns = (
        TextColumn("{task.description}", markup=False),
        TextColumn("{task.fields[bar]}", markup=False),
        TextColumn("{task.completed:>3.0f}/{task.total:.0f}"),
        TimeElapsedColumn(),
        TextColumn("{task.fields[status]}", markup=False),
    )
    with Progress(
        *columns, console=console, transient=False, disable=not console.is_terminal
    ) as progress:
        task = progress.add_task(name, total=1, bar=_bar(0, 1), status="")

        def show(done: int, total: int, status: str) -> None:
            progress.update(task, completed=done, total=total, bar=_bar(done, total), status=status)
            if not console.is_terminal:  # piped / ssh without -t: one line per epoch
                console.print(f"{name} {done}/{total} {status}", markup=False)

        if name == "remember":
            result = _train_remember(show)
        elif name in ("overfit", "dropout"):
            result = _train_curves(name, epochs, show)
        else:
            result = _train_recipe(name, epochs, keep, show)
    console.print(result, markup=False, soft_wrap=True)
    return 0


def _bar(done: int, total: int, width: int = 24) -> str:
    filled = round(width * done / total) if total else width
    return "[" + "#" * filled + "." * (width - filled) + "]"


def _train_recipe(name: str, epochs: int | None, keep: bool, show: Any) -> str:
    from rnntui.demos import user_models
    from rnntui.demos.live import EpochSnapshot, train_shipped_recipe

    def on_epoch(snap: EpochSnapshot) -> None:
        r = snap.report
        acc = "" if r.accuracy is None else f" top-5 {r.accuracy:.4f}"
        show(r.epoch, r.epochs, f"loss {r.loss:.4f} val_loss {r.val_loss or 0.0:.4f}{acc}")

    model, run = train_shipped_recipe(name, on_epoch, epochs=epochs)
    last = run.reports[-1] if run.reports else None
    text = f"{name}: {run.epochs_done} epochs in {run.seconds:.1f} s"
    if last is not None:
        text += f", loss {last.loss:.4f}, val_loss {last.val_loss or 0.0:.4f}"
    if keep:
        path = user_models.save(name, model, {"epochs": run.epochs_done})
        text += f"; kept as your model in {path}"
    return text


def _train_remember(show: Any) -> str:
    from rnntui.demos.remember import RememberLab

    lab = RememberLab()
    cells = ("simple_rnn", "lstm", "gru")
    total = len(cells) * lab.config.epochs
    lines = []
    for k, cell in enumerate(cells):

        def on_epoch(r: Any, k: int = k, cell: str = cell) -> None:
            show(k * r.epochs + r.epoch, total, f"{cell} T=20 accuracy {r.accuracy or 0.0:.2f}")

        res = lab.run(cell, 20, on_epoch)
        lines.append(f"{res.label} T=20: held-out accuracy {res.accuracy:.2f}")
    return "\n".join(lines)


def _train_curves(name: str, epochs: int | None, show: Any) -> str:
    """Train each variant of the units (``overfit``) or dropout demo, as its panel's ``t``."""
    from rnntui.demos.overfit import OverfitLab
    from rnntui.demos.results import CURVE_VARIANTS
    from rnntui.quiz.commands import choose_language

    lang = choose_language(None)
    lab = OverfitLab(lang) if epochs is None else OverfitLab(lang, epochs=epochs)
    variants = CURVE_VARIANTS[name]
    total = len(variants) * lab.epochs
    lines = [f"{name} ({lang} corpus, {len(lab.train)} training sentences):"]
    for k, variant in enumerate(variants):

        def on_epoch(r: Any, k: int = k, label: str = variant.label) -> None:
            status = f"{label} loss {r.loss:.4f} val_loss {r.val_loss or 0.0:.4f}"
            show(k * r.epochs + r.epoch, total, status)

        c = lab.run(variant, on_epoch)
        lines.append(
            f"  {variant.label}: loss {c.loss[-1]:.4f}, val_loss {c.val_loss[-1]:.4f}, "
            f"gap {c.gap:.4f}, lowest val_loss at epoch {c.best_val_epoch}"
        )
    return "\n".join(lines)
