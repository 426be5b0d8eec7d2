"""The ``rnntui`` command line (Typer, plain help in English or Korean: ``cli_help``).

Every subcommand imports its implementation lazily, so ``rnntui --help``, ``rnntui summary`` and
``rnntui quiz --plain`` never import Textual.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from rnntui.cli_help import LocalCommand, LocalGroup, new_app
from rnntui.cli_options import APP_OPTIONS, LANG, LESSONS, QUIZ_OPTIONS, CliOption

app = new_app("Learn RNNs (SimpleRNN, LSTM, GRU) beside live NumPy models that match Keras 3.")


def typer_option(option: CliOption) -> Any:
    """The Typer option declared by one row of :mod:`rnntui.cli_options` (the fast path in
    ``rnntui.entry`` is built from the same row)."""
    extra: dict[str, Any] = {}
    if option.metavar is not None:
        extra["metavar"] = option.metavar
    if option.minimum is not None:
        extra["min"] = option.minimum
    if option.maximum is not None:
        extra["max"] = option.maximum
    if option.kind == "folders":
        extra["file_okay"] = False
    return typer.Option(*option.flags, help=option.help, **extra)


APP = {option.flag: option for option in APP_OPTIONS}
QUIZ = {option.flag: option for option in QUIZ_OPTIONS}
LangOption = Annotated[str | None, typer_option(LANG)]
LessonsOption = Annotated[list[Path] | None, typer_option(LESSONS)]


def _version_callback(value: bool) -> None:
    if value:
        import rnntui

        typer.echo(f"rnntui {rnntui.__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    lesson: Annotated[str | None, typer_option(APP["--lesson"])] = None,
    lang: LangOption = None,
    lessons: LessonsOption = None,
    mouse: Annotated[bool, typer_option(APP["--mouse"])] = False,
    force_utf8: Annotated[bool, typer_option(APP["--force-utf8"])] = False,
    debug: Annotated[bool, typer_option(APP["--debug"])] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version_callback, is_eager=True, help="Show version."),
    ] = False,
) -> None:
    """Open the app: a lesson beside its live model panel."""
    if ctx.invoked_subcommand is not None:
        return
    from rnntui.launch import launch_app

    dirs = lessons or []
    raise typer.Exit(
        launch_app(
            lesson=lesson,
            lang=lang,
            lessons_dirs=dirs,
            mouse=mouse,
            force_utf8=force_utf8,
            **({"debug": True} if debug else {}),
        )
    )


@app.command(cls=LocalCommand)
def summary(
    spec: Annotated[
        str | None,
        typer.Argument(
            help='A SPEC such as "Input(20) Embedding(1000,16) GRU(32) Dense(1)", pasted Keras '
            "code, or - for stdin.",
            show_default=False,
            metavar="SPEC",
        ),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option(
            "-f",
            "--file",
            metavar="FILE",
            help="Read the model from this Python file (or - for stdin); it is parsed, never run.",
            dir_okay=False,
            allow_dash=True,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    weights_spec: Annotated[
        str | None,
        typer.Option(
            "--spec",
            metavar="SPEC",
            help="SPEC may also be a model file (.keras, .h5); for weights alone "
            "(.weights.h5, .npz) give their model here.",
        ),
    ] = None,
) -> None:
    """Print a Keras-style model summary (Total/Trainable params) without TensorFlow."""
    from rnntui.summary_cmd import run_summary

    raise typer.Exit(run_summary(spec, file=file, as_json=as_json, weights_spec=weights_spec))


@app.command(cls=LocalCommand)
def inspect(
    path: Annotated[
        Path,
        typer.Argument(help="A model file: .keras, .h5, or .weights.h5 / .npz with --spec."),
    ],
    vocab: Annotated[
        Path | None,
        typer.Option(
            "--vocab",
            metavar="F",
            help="Words for the ids: one token per line (TextVectorization) or word_index JSON.",
        ),
    ] = None,
    weights_spec: Annotated[
        str | None,
        typer.Option("--spec", metavar="SPEC", help="The model of a weights-only file."),
    ] = None,
    lang: LangOption = None,
    force_utf8: Annotated[
        bool,
        typer.Option("--force-utf8", help="Run even if the locale is not UTF-8 (re-exec)."),
    ] = False,
) -> None:
    """Open your own Keras model: its summary, each recurrent layer step by step, its output."""
    from rnntui.inspect_cmd import run_inspect

    raise typer.Exit(
        run_inspect(path, vocab=vocab, spec=weights_spec, lang=lang, force_utf8=force_utf8)
    )


@app.command(cls=LocalCommand)
def lessons(
    lang: LangOption = None,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="Print JSON with both languages' titles (ignores --lang)."),
    ] = False,
    lessons: LessonsOption = None,
) -> None:
    """List the lessons: id, order, title, panel, topics."""
    from rnntui.content.commands import list_lessons

    raise typer.Exit(list_lessons(lang=lang, as_json=as_json, lessons_dirs=lessons or []))


@app.command(cls=LocalCommand)
def check(
    paths: Annotated[list[Path], typer.Argument(help="Lesson files or folders to validate.")],
) -> None:
    """Validate lesson files: exit 0 if all are valid, 1 with one line per problem."""
    from rnntui.content.commands import check_paths

    raise typer.Exit(check_paths(paths))


@app.command(cls=LocalCommand)
def code(
    lesson: Annotated[
        str,
        typer.Argument(help="The lesson: its id or its number (e.g. lstm or 4).", metavar="LESSON"),
    ],
    framework: Annotated[
        str,
        typer.Option("--framework", metavar="keras|torch", help="Write Keras 3 or PyTorch code."),
    ] = "keras",
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", metavar="FILE", help="Write the code to FILE instead of printing it."
        ),
    ] = None,
    lang: LangOption = None,
    lessons: LessonsOption = None,
) -> None:
    """Print Python code that rebuilds a lesson's panel in Keras or PyTorch and checks it."""
    from rnntui.codegen.command import run_code

    raise typer.Exit(
        run_code(lesson, framework=framework, out=out, lang=lang, lessons_dirs=lessons or [])
    )


def _app_quiz(**options: Any) -> int:
    """The app's quiz screen (``rnntui.launch``); imported only when it is used."""
    from rnntui.launch import launch_quiz

    return launch_quiz(**options)


@app.command(cls=LocalCommand)
def quiz(
    topic: Annotated[str | None, typer_option(QUIZ["--topic"])] = None,
    count: Annotated[int, typer_option(QUIZ["--count"])] = QUIZ["--count"].default,
    seed: Annotated[int | None, typer_option(QUIZ["--seed"])] = None,
    lang: LangOption = None,
    plain: Annotated[bool, typer_option(QUIZ["--plain"])] = False,
    lessons: LessonsOption = None,
) -> None:
    """Test yourself: lesson questions and questions computed from the engine."""
    from rnntui.quiz.commands import run_quiz

    raise typer.Exit(
        run_quiz(
            topic=topic,
            count=count,
            seed=seed,
            lang=lang,
            plain=plain,
            lessons_dirs=lessons or [],
            app_entry=_app_quiz,
        )
    )


@app.command(cls=LocalCommand)
def progress(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    export: Annotated[
        Path | None, typer.Option("--export", metavar="FILE", help="Write progress to FILE.")
    ] = None,
    import_: Annotated[
        Path | None, typer.Option("--import", metavar="FILE", help="Merge progress from FILE.")
    ] = None,
    reset: Annotated[bool, typer.Option("--reset", help="Erase progress (asks first).")] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask before --reset.")] = False,
    lang: LangOption = None,
) -> None:
    """Show quiz progress: every lesson, accuracy, due reviews, next due time."""
    from rnntui.quiz.commands import run_progress

    raise typer.Exit(
        run_progress(
            as_json=as_json, export=export, import_=import_, reset=reset, yes=yes, lang=lang
        )
    )


demo_app = typer.Typer(
    help="Trained demo models without the full screen (works over ssh without -t).",
    cls=LocalGroup,
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(demo_app, name="demo")


@demo_app.command("next-word", cls=LocalCommand)
def demo_next_word(
    prompt: Annotated[
        str, typer.Option("--prompt", metavar="TEXT", help='The words so far, e.g. "i ate".')
    ],
    lang: LangOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    top: Annotated[
        int, typer.Option("--top", min=1, max=50, metavar="N", help="How many words to show.")
    ] = 5,
) -> None:
    """Print the most likely next words and their probabilities."""
    from rnntui.demo_cmd import next_word

    raise typer.Exit(next_word(prompt, lang, as_json, top))


@demo_app.command("train", cls=LocalCommand)
def demo_train(
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            help="A demo model: next_word_LANG, fill_blank_LANG_fwd, fill_blank_LANG_bi "
            "(LANG: ko or en), remember, overfit or dropout.",
        ),
    ],
    epochs: Annotated[
        int | None,
        typer.Option(
            "--epochs", min=1, max=200, metavar="N", help="Epochs (default: the recipe's)."
        ),
    ] = None,
    keep: Annotated[
        bool, typer.Option("--keep", help="Keep the trained model as yours (the app opens it).")
    ] = False,
) -> None:
    """Train a demo model from scratch with a progress bar."""
    from rnntui.demo_cmd import train

    raise typer.Exit(train(name, epochs, keep))


def main() -> None:
    """Console-script entry point."""
    app()
