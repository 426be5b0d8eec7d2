"""The command line's help in English and Korean, and argument habits it accepts.

``HELP`` is the one string table: cli.py declares every help text in English and
``LocalGroup`` shows the Korean one when the language is Korean (``--lang ko`` anywhere on the
line, else the saved choice or the locale). Plain (non-Rich) help: ASCII only, no ``<bool>``.
``--json=true`` / ``--plain=false`` style flags are accepted and turned into plain flags.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

_PAIRS: tuple[tuple[str, str], ...] = (
    (
        "Learn RNNs (SimpleRNN, LSTM, GRU) beside live NumPy models that match Keras 3.",
        "Keras 3와 똑같이 계산하는 NumPy 모델을 옆에 두고 RNN(SimpleRNN, LSTM, GRU)을 배웁니다.",
    ),
    (
        "Open the app: a lesson beside its live model panel.",
        "앱을 엽니다: 레슨과 그 옆에서 움직이는 모델 패널.",
    ),
    (
        "Language: ko or en (default: saved choice, locale).",
        "언어: ko 또는 en (기본값: 저장된 선택, 로캘).",
    ),
    (
        "Extra lesson folder (repeatable); also RNNTUI_LESSONS=DIR1:DIR2.",
        "추가 레슨 폴더 (여러 번 쓸 수 있음). RNNTUI_LESSONS=DIR1:DIR2로도 지정합니다.",
    ),
    (
        "Open this lesson: its id or its number (e.g. lstm or 4).",
        "이 레슨을 엽니다: 레슨 id 또는 번호 (예: lstm 또는 4).",
    ),
    (
        "Turn mouse tracking on.",
        "마우스 입력을 켭니다.",
    ),
    (
        "Run even if the locale is not UTF-8 (re-exec).",
        "로캘이 UTF-8이 아니어도 실행합니다 (다시 실행).",
    ),
    (
        "Keep Textual's debugging variables such as TEXTUAL_LOG.",
        "TEXTUAL_LOG 같은 Textual 디버깅 변수를 그대로 둡니다.",
    ),
    (
        "Show version.",
        "버전을 보여 줍니다.",
    ),
    (
        "Show this message and exit.",
        "이 도움말을 보여 주고 끝냅니다.",
    ),
    (
        "Print a Keras-style model summary (Total/Trainable params) without TensorFlow.",
        "TensorFlow 없이 Keras 방식의 모델 요약(Total/Trainable params)을 출력합니다.",
    ),
    (
        'A SPEC such as "Input(20) Embedding(1000,16) GRU(32) Dense(1)", pasted Keras code, '
        "or - for stdin.",
        '"Input(20) Embedding(1000,16) GRU(32) Dense(1)" 같은 SPEC, 붙여 넣은 Keras 코드, '
        "또는 표준 입력을 뜻하는 -.",
    ),
    (
        "Read the model from this Python file (or - for stdin); it is parsed, never run.",
        "이 Python 파일(또는 표준 입력 -)에서 모델을 읽습니다. 구문만 읽고 실행하지 않습니다.",
    ),
    (
        "Print JSON instead of a table.",
        "표 대신 JSON을 출력합니다.",
    ),
    (
        "Open your own Keras model: its summary, each recurrent layer step by step, its output.",
        "내 Keras 모델을 엽니다: 요약, 순환층마다 스텝별 계산, 출력.",
    ),
    (
        "A model file: .keras, .h5, or .weights.h5 / .npz with --spec.",
        "모델 파일: .keras, .h5, 또는 --spec과 함께 .weights.h5 / .npz.",
    ),
    (
        "Words for the ids: one token per line (TextVectorization) or word_index JSON.",
        "id에 대응하는 단어: 한 줄에 토큰 하나(TextVectorization) 또는 word_index JSON.",
    ),
    (
        "The model of a weights-only file.",
        "가중치만 있는 파일의 모델 구조.",
    ),
    (
        "SPEC may also be a model file (.keras, .h5); for weights alone "
        "(.weights.h5, .npz) give their model here.",
        "SPEC 자리에 모델 파일(.keras, .h5)을 줄 수도 있습니다. 가중치만 든 파일"
        "(.weights.h5, .npz)이면 그 모델을 여기에 적습니다.",
    ),
    (
        "List the lessons: id, order, title, panel, topics.",
        "레슨 목록: id, 순서, 제목, 패널, 주제.",
    ),
    (
        "Print JSON with both languages' titles (ignores --lang).",
        "두 언어의 제목을 모두 담은 JSON을 출력합니다 (--lang은 무시).",
    ),
    (
        "Validate lesson files: exit 0 if all are valid, 1 with one line per problem.",
        "레슨 파일을 검사합니다: 모두 올바르면 0, 아니면 문제마다 한 줄과 함께 1로 끝냅니다.",
    ),
    (
        "Lesson files or folders to validate.",
        "검사할 레슨 파일이나 폴더.",
    ),
    (
        "Print Python code that rebuilds a lesson's panel in Keras or PyTorch and checks it.",
        "레슨 패널을 Keras나 PyTorch로 다시 만들고 스스로 확인하는 Python 코드를 출력합니다.",
    ),
    (
        "The lesson: its id or its number (e.g. lstm or 4).",
        "레슨: 레슨 id 또는 번호 (예: lstm 또는 4).",
    ),
    (
        "Write Keras 3 or PyTorch code.",
        "Keras 3 또는 PyTorch 코드를 씁니다.",
    ),
    (
        "Write the code to FILE instead of printing it.",
        "코드를 출력하지 않고 FILE에 씁니다.",
    ),
    (
        "Test yourself: lesson questions and questions computed from the engine.",
        "스스로 확인합니다: 레슨 문제와 엔진이 계산한 문제.",
    ),
    (
        "Only this lesson: its id or number (e.g. lstm or 4), or a course topic.",
        "이 레슨만: 레슨 id 또는 번호 (예: lstm 또는 4), 또는 과정 주제.",
    ),
    (
        "Questions to ask.",
        "낼 문제 수.",
    ),
    (
        "Seed for generated questions.",
        "생성 문제의 시드.",
    ),
    (
        "Plain prompts on stdin/stdout (no full screen).",
        "전체 화면 없이 표준 입출력으로 묻고 답합니다.",
    ),
    (
        "Show quiz progress: every lesson, accuracy, due reviews, next due time.",
        "퀴즈 진행 상황: 모든 레슨, 정답률, 복습할 문항, 다음 복습 시각.",
    ),
    (
        "Print JSON.",
        "JSON을 출력합니다.",
    ),
    (
        "Write progress to FILE.",
        "진행 상황을 FILE에 씁니다.",
    ),
    (
        "Merge progress from FILE.",
        "FILE의 진행 상황을 합칩니다.",
    ),
    (
        "Erase progress (asks first).",
        "진행 상황을 지웁니다 (먼저 묻습니다).",
    ),
    (
        "Do not ask before --reset.",
        "--reset 전에 묻지 않습니다.",
    ),
    # rnntui demo (issue 13)
    (
        "Trained demo models without the full screen (works over ssh without -t).",
        "전체 화면 없이 쓰는 학습된 데모 모델 (ssh에서 -t 없이도 됩니다).",
    ),
    ('The words so far, e.g. "i ate".', '지금까지의 단어, 예: "나는 오늘".'),
    ("How many words to show.", "보여 줄 단어 수."),
    (
        "Print the most likely next words and their probabilities.",
        "다음에 올 확률이 가장 큰 단어와 그 확률을 출력합니다.",
    ),
    (
        "A demo model: next_word_LANG, fill_blank_LANG_fwd, fill_blank_LANG_bi (LANG: ko or en), "
        "remember, overfit or dropout.",
        "데모 모델: next_word_LANG, fill_blank_LANG_fwd, fill_blank_LANG_bi (LANG: ko 또는 en), "
        "remember, overfit 또는 dropout.",
    ),
    ("Epochs (default: the recipe's).", "에포크 수 (기본값: 정해진 값)."),
    (
        "Keep the trained model as yours (the app opens it).",
        "학습한 모델을 내 모델로 저장합니다 (앱이 이 모델을 엽니다).",
    ),
    (
        "Train a demo model from scratch with a progress bar.",
        "데모 모델을 처음부터 학습하며 진행 막대를 보여 줍니다.",
    ),
)
HELP: dict[str, str] = dict(_PAIRS)
HEADINGS_KO = {
    "Usage:": "사용법:",
    "Options:": "옵션:",
    "Commands:": "명령:",
    "Arguments:": "인수:",
    "[default: ": "[기본값: ",
    "[required]": "[필수]",
    "x>=1": "1 이상",
    "1<=x<=200": "1부터 200까지",
    "Show this message and exit.": "이 도움말을 보여 주고 끝냅니다.",
}
BOOL_FLAGS = ("--json", "--plain", "--mouse", "--force-utf8", "--yes", "--reset", "--debug")
TRUE = {"true", "1", "yes", "y", "on"}
FALSE = {"false", "0", "no", "n", "off"}


def normalize_flags(args: Sequence[str]) -> list[str]:
    """``--json=true`` -> ``--json``; ``--json=false`` -> nothing; anything else unchanged."""
    out = []
    for arg in args:
        name, eq, value = arg.partition("=")
        if eq and name in BOOL_FLAGS and value.casefold() in TRUE | FALSE:
            if value.casefold() in TRUE:
                out.append(name)
            continue
        out.append(arg)
    return out


def help_language(args: Sequence[str]) -> str:
    """``ko`` or ``en`` for the help: ``--lang`` on the line, else the saved choice/locale."""
    for k, arg in enumerate(args):
        if arg == "--lang" and k + 1 < len(args):
            return "ko" if args[k + 1].casefold() == "ko" else "en"
        if arg.startswith("--lang="):
            return "ko" if arg.split("=", 1)[1].casefold() == "ko" else "en"
    try:
        from rnntui.quiz.commands import choose_language

        return choose_language(None)
    except Exception:  # help must show even with a broken settings file
        return "en"


class _State:
    lang = "en"


def localize(text: str | None) -> str | None:
    """``text`` in the help language (unchanged in English or when the table has no entry)."""
    if text is None or _State.lang != "ko":
        return text
    return HELP.get(text, text)


def _korean_headings(text: str) -> str:
    if _State.lang != "ko":
        return text
    for en, ko in HEADINGS_KO.items():
        text = text.replace(en, ko)
    return text


class LocalCommand(TyperCommand):
    """A subcommand whose help follows the help language."""

    def get_help(self, ctx: Any) -> str:
        for param in self.params:
            if getattr(param, "help", None):
                param.help = localize(param.help)  # type: ignore[attr-defined]
        self.help = localize(self.help)
        return _korean_headings(super().get_help(ctx))


class LocalGroup(TyperGroup):
    """The root: accepts ``--flag=true``, and shows help in the help language."""

    def main(self, args: Sequence[str] | None = None, *more: Any, **extra: Any) -> Any:
        import sys

        given = list(sys.argv[1:] if args is None else args)
        _State.lang = help_language(given) if ("--help" in given or "-h" in given) else "en"
        return super().main(normalize_flags(given), *more, **extra)

    def get_help(self, ctx: Any) -> str:
        for param in self.params:
            if getattr(param, "help", None):
                param.help = localize(param.help)  # type: ignore[attr-defined]
        self.help = localize(self.help)
        for command in self.commands.values():
            command.short_help = localize(command.short_help or command.help)
        return _korean_headings(super().get_help(ctx))


def new_app(help_text: str) -> typer.Typer:
    """The Typer app with plain help and the localizing classes."""
    return typer.Typer(
        name="rnntui",
        help=help_text,
        cls=LocalGroup,
        add_completion=False,
        no_args_is_help=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
