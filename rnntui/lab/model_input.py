"""Reading the student's typed input for a loaded model: words through the vocabulary (unknown
words to its OOV id, marked), integer ids when there is an Embedding but no vocabulary, or
numbers when the model reads vectors; optional front padding as ``pad_sequences`` does."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnntui.lab.format import fmt
from rnntui.nn import Embedding
from rnntui.nn.loading import LoadedModel, Vocabulary
from rnntui.typed_numbers import NumberError, parse_number

MAX_INPUT_STEPS = 64
"""Longest typed input (words, ids or steps of numbers)."""
MAX_PAD_STEPS = 100
"""Longest model input that padding fills up to."""
PADDING = "(padding)"
"""The label of a vocabulary's empty token (id 0 of TextVectorization)."""


class ModelInputError(ValueError):
    """Typed input the model cannot read; ``str()`` is English, ``ko`` the Korean text."""

    def __init__(self, en: str, ko: str) -> None:
        super().__init__(en)
        self.en, self.ko = en, ko

    def text(self, lang: str) -> str:
        """The message in ``lang``."""
        return self.ko if lang == "ko" else self.en


@dataclass(frozen=True)
class TokenView:
    """One typed word and the id the model reads (``oov``: unknown, read as the OOV id)."""

    word: str
    id: int
    oov: bool
    pad: bool = False
    """Padding put in front (``pad_sequences``), not typed."""


class InputReader:
    """Turns typed text into a model's input (ids or numbers), with the reasons it refuses."""

    def __init__(self, model: LoadedModel, vocab: Vocabulary | None) -> None:
        self.vocab = vocab
        layers = list(model.layers)
        self.embedding: Embedding | None = next(
            (x for x in layers[:1] if isinstance(x, Embedding)), None
        )
        shape = model.input_shape or (None, None)
        self.model_steps: int | None = shape[1] if len(shape) > 1 else None
        self.features = int(shape[2]) if len(shape) > 2 and shape[2] else 1
        self.pad_end = model.text_setup is not None
        """The file's TextVectorization pads at the END (and cuts to its length), not at the
        front as ``pad_sequences``: padding follows the model."""

    @property
    def kind(self) -> str:
        """``words`` (Embedding + vocabulary), ``ids`` (Embedding alone) or ``numbers``."""
        if self.embedding is None:
            return "numbers"
        return "words" if self.vocab is not None else "ids"

    def default_text(self) -> str:
        """A first input: a few of the vocabulary's words, ids 1..4, or a ramp of numbers."""
        if self.kind == "words":
            assert self.vocab is not None
            known = [
                self.vocab.words[i] for i in sorted(self.vocab.words) if i != self.vocab.oov_id
            ]
            picked = [w for w in known if w and w.isprintable() and " " not in w][:4]
            if picked:
                return " ".join(picked)
        if self.embedding is not None:
            top = max(1, min(4, self.embedding.input_dim - 1))
            return " ".join(str(i) for i in range(1, top + 1))
        row = " ".join(fmt(0.5, 1) for _ in range(self.features))
        return "; ".join([row, " ".join("-0.5" for _ in range(self.features)), row])

    def pad_refusal(self) -> ModelInputError | None:
        """Why padding cannot be used for this model (None when it can)."""
        if not self.model_steps:
            return ModelInputError(
                "the model takes any number of steps: nothing to pad to",
                "이 모델은 스텝 수가 정해져 있지 않아 패딩할 길이가 없습니다",
            )
        if self.embedding is not None and self.embedding.mask_zero:
            return ModelInputError(
                "mask_zero=True: Keras skips padding, so the result is the same without it",
                "mask_zero=True: Keras가 패딩을 건너뛰므로 패딩 없이도 결과가 같습니다",
            )
        if self.model_steps > MAX_PAD_STEPS:
            return ModelInputError(
                f"the model takes {self.model_steps} steps; padding goes up to {MAX_PAD_STEPS}",
                f"모델은 {self.model_steps}스텝을 받습니다. 패딩은 {MAX_PAD_STEPS}스텝까지입니다",
            )
        return None

    def read(self, text: str, pad: bool = False) -> tuple[tuple[TokenView, ...], np.ndarray]:
        """The tokens and the model input (1, T) ids or (1, T, D) numbers, padded at the front
        with 0 up to the model's steps when ``pad`` (at the end, and cut to its length, after a
        TextVectorization, as it does); ModelInputError if refused."""
        if self.kind == "numbers":
            x = self._numbers(text)
            missing = self._missing(x.shape[1], pad)
            if missing:
                x = np.concatenate([np.zeros((1, missing, x.shape[2])), x], axis=1)
            return (), x
        assert self.embedding is not None
        tokens = self._words(text) if self.kind == "words" else self._ids(text)
        if not tokens:
            raise ModelInputError("type at least one word", "단어를 하나 이상 입력하세요")
        if len(tokens) > MAX_INPUT_STEPS:
            raise ModelInputError(
                f"at most {MAX_INPUT_STEPS} words", f"단어는 {MAX_INPUT_STEPS}개까지입니다"
            )
        dim = self.embedding.input_dim
        for tok in tokens:
            if not 0 <= tok.id < dim:
                raise ModelInputError(
                    f"{tok.word!r} is id {tok.id}, but the Embedding reads ids 0..{dim - 1}",
                    f"{tok.word!r}의 id는 {tok.id}인데 Embedding은 0..{dim - 1}만 읽습니다",
                )
            if tok.id == 0 and self.embedding.mask_zero:
                raise ModelInputError(
                    "id 0 is padding here (mask_zero=True): leave it out",
                    "이 모델에서 id 0은 패딩입니다 (mask_zero=True). 빼고 입력하세요",
                )
        if pad and self.pad_end and self.model_steps:
            tokens = tokens[: self.model_steps]  # TextVectorization cuts to its length
        pads = tuple(TokenView("", 0, False, True) for _ in range(self._missing(len(tokens), pad)))
        tokens = tokens + pads if self.pad_end else pads + tokens
        return tokens, np.asarray([[tok.id for tok in tokens]], dtype=np.int64)

    def _missing(self, steps: int, pad: bool) -> int:
        """Padding steps to put in front of ``steps`` typed ones."""
        if not pad or not self.model_steps:
            return 0
        return max(0, self.model_steps - steps)

    def _words(self, text: str) -> tuple[TokenView, ...]:
        assert self.vocab is not None
        out = []
        for tok in self.vocab.encode(text):
            if tok.id is None:
                raise ModelInputError(
                    f"{tok.word!r} is not in the vocabulary, which has no OOV token",
                    f"{tok.word!r}은(는) 사전에 없고, 이 사전에는 OOV 토큰이 없습니다",
                )
            out.append(TokenView(tok.word, tok.id, tok.oov))
        return tuple(out)

    def _ids(self, text: str) -> tuple[TokenView, ...]:
        out = []
        for part in text.replace(",", " ").split():
            part = part.removeprefix("#")  # the layer panel shows ids as #7
            if not part.isdigit():
                raise ModelInputError(
                    f"{part!r} is not an id: without a vocabulary (--vocab) type ids like 4 12 7",
                    f"{part!r}은(는) id가 아닙니다. 사전(--vocab) 없이는 "
                    "4 12 7처럼 id를 입력하세요",
                )
            out.append(TokenView(part, int(part), False))
        return tuple(out)

    def _numbers(self, text: str) -> np.ndarray:
        d = self.features
        rows = [r.split() for r in text.split(";") if r.strip()]
        if d == 1 and len(rows) == 1:
            rows = [[v] for v in rows[0]]
        if not rows:
            raise ModelInputError("type some numbers", "숫자를 입력하세요")
        if len(rows) > MAX_INPUT_STEPS:
            raise ModelInputError(
                f"at most {MAX_INPUT_STEPS} steps", f"스텝은 {MAX_INPUT_STEPS}개까지입니다"
            )
        if any(len(r) != d for r in rows):
            raise ModelInputError(
                f"each step needs {d} numbers; separate steps with ;",
                f"스텝마다 숫자 {d}개가 필요합니다. 스텝은 ;로 구분하세요",
            )
        try:
            values = [[parse_number(v) for v in r] for r in rows]
        except NumberError:
            raise ModelInputError(
                "type numbers, e.g. 1 0.5 -1 (steps separated by ;)",
                "숫자를 입력하세요. 예: 1 0.5 -1 (스텝은 ;로 구분)",
            ) from None
        return np.asarray([values], dtype=np.float64)
