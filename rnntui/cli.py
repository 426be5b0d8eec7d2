"""The ``rnntui`` command line (Typer).

Every subcommand imports its implementation lazily, so ``rnntui --help``, ``rnntui summary`` and
``rnntui quiz --plain`` never import Textual.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    name="rnntui",
    help="Learn RNNs (SimpleRNN, LSTM, GRU) beside live NumPy models that match Keras 3.",
    add_completion=False,
    no_args_is_help=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

LangOption = Annotated[
    str | None, typer.Option("--lang", help="Language: ko or en (default: saved choice, locale).")
]
LessonsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--lessons",
        help="Extra lesson folder (repeatable); also RNNTUI_LESSONS=DIR1:DIR2.",
        file_okay=False,
    ),
]


def _version_callback(value: bool) -> None:
    if value:
        import rnntui

        typer.echo(f"rnntui {rnntui.__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    lesson: Annotated[str | None, typer.Option("--lesson", help="Open this lesson id.")] = None,
    lang: LangOption = None,
    lessons: LessonsOption = None,
    mouse: Annotated[bool, typer.Option("--mouse", help="Turn mouse tracking on.")] = False,
    force_utf8: Annotated[
        bool,
        typer.Option("--force-utf8", help="Run even if the locale is not UTF-8 (re-exec)."),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version_callback, is_eager=True, help="Show version."),
    ] = False,
) -> None:
    """Open the app: a lesson beside its live model panel."""
    if ctx.invoked_subcommand is not None:
        return
    from rnntui.launch import launch_app

    raise typer.Exit(
        launch_app(
            lesson=lesson, lang=lang, lessons_dirs=lessons or [], mouse=mouse, force_utf8=force_utf8
        )
    )


@app.command()
def summary(
    spec: Annotated[
        str, typer.Argument(help='e.g. "Input(20) Embedding(1000,16) GRU(32) Dense(1)"')
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Print a Keras-style model summary for a model SPEC, without TensorFlow."""
    from rnntui.summary_cmd import run_summary

    raise typer.Exit(run_summary(spec, as_json=as_json))


@app.command()
def lessons(
    lang: LangOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    lessons: LessonsOption = None,
) -> None:
    """List the lessons: id, order, title, panel, topics."""
    from rnntui.content.commands import list_lessons

    raise typer.Exit(list_lessons(lang=lang, as_json=as_json, lessons_dirs=lessons or []))


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Lesson files or folders to validate.")],
) -> None:
    """Validate lesson files: exit 0 if all are valid, 1 with one line per problem."""
    from rnntui.content.commands import check_paths

    raise typer.Exit(check_paths(paths))


@app.command()
def quiz(
    topic: Annotated[str | None, typer.Option("--topic", help="Only this lesson id.")] = None,
    count: Annotated[int, typer.Option("--count", min=1, help="Questions to ask.")] = 10,
    seed: Annotated[
        int | None, typer.Option("--seed", help="Seed for generated questions.")
    ] = None,
    lang: LangOption = None,
    plain: Annotated[
        bool, typer.Option("--plain", help="Plain prompts on stdin/stdout (no full screen).")
    ] = False,
    lessons: LessonsOption = None,
) -> None:
    """Test yourself: lesson questions and questions computed from the engine."""
    from rnntui.quiz.commands import run_quiz

    raise typer.Exit(
        run_quiz(
            topic=topic, count=count, seed=seed, lang=lang, plain=plain, lessons_dirs=lessons or []
        )
    )


@app.command()
def progress(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    export: Annotated[Path | None, typer.Option("--export", help="Write progress to FILE.")] = None,
    import_: Annotated[
        Path | None, typer.Option("--import", help="Merge progress from FILE.")
    ] = None,
    reset: Annotated[bool, typer.Option("--reset", help="Erase progress (asks first).")] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask before --reset.")] = False,
    lang: LangOption = None,
) -> None:
    """Show quiz progress: accuracy per lesson, due reviews, next due time."""
    from rnntui.quiz.commands import run_progress

    raise typer.Exit(
        run_progress(
            as_json=as_json, export=export, import_=import_, reset=reset, yes=yes, lang=lang
        )
    )


def main() -> None:
    """Console-script entry point."""
    app()
