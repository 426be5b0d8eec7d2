"""Model lab: a loaded Keras model on the student's own sentence, layer by layer.

``ModelLab(model, vocab)`` tokenises typed text (words through the vocabulary, unknown words
to its OOV id and marked; integer ids when there is an Embedding but no vocabulary; numbers
when the model reads vectors), runs the engine model, and keeps every recurrent layer's input
sequence: the embedded vectors, or the outputs of the layer below. ``lab_for(choice)`` gives
the lessons' own recurrent lab (``model_layers``) on that input with the file's weights, so a
panel shows the layer step by step; a Bidirectional layer gives both directions. ``view(lang)``
has the summary, the tokens, the layer choices and the final layer's output (top classes, or
next-word probabilities with the vocabulary). Every number comes from ``rnntui.nn``.

Reading the typed text is ``model_input.InputReader``; the view's dataclasses and the summary
table are in ``model_view``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from rnntui.lab.format import fmt, words
from rnntui.lab.model_input import (
    PADDING,
    InputReader,
    ModelInputError,
    TokenView,
)
from rnntui.lab.model_layers import MODEL_MAX_UNITS, ModelLayerLab, layer_lab
from rnntui.lab.model_view import TOP_K, LayerChoice, ModelView, OutputLine, summary_table
from rnntui.lab.sequence import InputSequence
from rnntui.nn import Bidirectional, Dense, Dropout, Embedding, RNNLayer
from rnntui.nn.backprop import stack_forward
from rnntui.nn.loading import LoadedModel, Vocabulary


def _recurrent(layer: Any) -> bool:
    return isinstance(layer, (RNNLayer, Bidirectional))


class ModelLab:
    """A loaded model, the student's input and the labs of its recurrent layers."""

    def __init__(self, model: LoadedModel, vocab: Vocabulary | None = None) -> None:
        self.model = model
        self.vocab = vocab
        self.layers = list(model.layers)
        self.reader = InputReader(model, vocab)
        """Typed text -> the model's input."""
        self.embedding = self.reader.embedding
        self.model_steps = self.reader.model_steps
        self.features = self.reader.features
        self.text = ""
        self.pad = False
        """Pad the input at the front with 0 to the model's steps, as ``pad_sequences``."""
        self.tokens: tuple[TokenView, ...] = ()
        self.x: np.ndarray | None = None
        self.inputs: list[np.ndarray] = []
        """The input of every layer (batch axis kept), for the current text."""
        self.output: np.ndarray | None = None
        self.listeners: list[Callable[[], None]] = []
        """Called after the input changed (also when it was typed in a layer's panel)."""
        self._labs: dict[str, ModelLayerLab] = {}
        self.set_text(self.default_text())

    # -- input --------------------------------------------------------------------------------
    @property
    def input_kind(self) -> str:
        """``words`` (Embedding + vocabulary), ``ids`` (Embedding alone) or ``numbers``."""
        return self.reader.kind

    def default_text(self) -> str:
        """A first input: a few of the vocabulary's words, ids 1..4, or a ramp of numbers."""
        return self.reader.default_text()

    def pad_refusal(self) -> ModelInputError | None:
        """Why padding cannot be used for this model (None when it can)."""
        return self.reader.pad_refusal()

    def set_padding(self, on: bool) -> None:
        """Pad (or stop padding) the input at the front with zeros up to the model's steps, as
        Keras' ``pad_sequences`` does by default; ModelInputError when it does not apply."""
        if on:
            refusal = self.pad_refusal()
            if refusal is not None:
                raise refusal
        old, self.pad = self.pad, bool(on)
        try:
            self.set_text(self.text)
        except ModelInputError:
            self.pad = old
            raise

    def tokenise(self, text: str) -> tuple[tuple[TokenView, ...], np.ndarray]:
        """The tokens and the model input (1, T) ids or (1, T, D) numbers; ModelInputError."""
        return self.reader.read(text, self.pad)

    def set_text(self, text: str) -> None:
        """Run the model on typed input (ModelInputError, nothing changed, if refused)."""
        tokens, x = self.tokenise(text)
        run = stack_forward(self.layers, x, False, keep_tapes=False)  # one pass, every input
        self.text, self.tokens, self.x = text, tokens, x
        self.inputs = list(run.inputs)
        self.output = np.asarray(run.output[0], dtype=np.float64)
        for key, lab in self._labs.items():
            lab.use_model_sequence(self._sequence(self._choice(key)))
        for listener in list(self.listeners):
            listener()

    # -- recurrent layers ---------------------------------------------------------------------
    def choices(self) -> tuple[LayerChoice, ...]:
        """Every recurrent layer; a Bidirectional gives its forward and backward halves."""
        out: list[LayerChoice] = []
        for k, layer in enumerate(self.layers):
            if isinstance(layer, Bidirectional):
                for way, half in (
                    ("forward", layer.forward_layer),
                    ("backward", layer.backward_layer),
                ):
                    out.append(
                        LayerChoice(
                            f"{k}{way[0]}", k, layer.name, type(half).__name__, way, half.units
                        )
                    )
            elif isinstance(layer, RNNLayer):
                out.append(
                    LayerChoice(str(k), k, layer.name, type(layer).__name__, "", layer.units)
                )
        return tuple(out)

    def _choice(self, key: str) -> LayerChoice:
        for choice in self.choices():
            if choice.key == key:
                return choice
        raise KeyError(key)

    def engine_half(self, choice: LayerChoice) -> RNNLayer:
        """The engine layer a choice shows (a Bidirectional's forward or backward copy)."""
        layer = self.layers[choice.index]
        if isinstance(layer, Bidirectional):
            return layer.forward_layer if choice.direction == "forward" else layer.backward_layer
        assert isinstance(layer, RNNLayer)
        return layer

    def direct(self, choice: LayerChoice) -> bool:
        """The layer reads the model's input (through Embedding / Dropout only)."""
        return all(isinstance(x, (Embedding, Dropout)) for x in self.layers[: choice.index])

    def _sequence(self, choice: LayerChoice) -> InputSequence:
        """The layer's input in its processing order (reversed for go_backwards)."""
        x = np.asarray(self.inputs[choice.index][0], dtype=np.float64)
        tokens: tuple[str, ...] = ()
        vocab: tuple[str, ...] = ()
        if self.direct(choice) and self.tokens:
            tokens, vocab = self._token_names()
        if self.engine_half(choice).go_backwards:
            x = x[::-1].copy()
            tokens = tokens[::-1]
        return InputSequence(x, tokens, vocab, self.embedding)

    def _token_names(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Token names, and a vocabulary tuple in which each name sits at its model id."""

        def name(token_id: int) -> str:  # one name per id, so each id has one place
            if self.vocab is None:
                return f"#{token_id}"
            return self.vocab.words.get(token_id) or (PADDING if token_id == 0 else f"#{token_id}")

        names = [name(tok.id) for tok in self.tokens]
        table = [f"\x00{i}" for i in range(max(t.id for t in self.tokens) + 1)]
        for tok, shown in zip(self.tokens, names, strict=True):
            table[tok.id] = shown
        return tuple(names), tuple(table)

    def lab_for(self, choice: LayerChoice) -> ModelLayerLab:
        """The lesson lab of this layer on the current input (kept: forcing survives a new
        sentence). ModelInputError if the layer is wider than the labs show."""
        lab = self._labs.get(choice.key)
        if lab is None:
            if choice.units > MODEL_MAX_UNITS:
                raise ModelInputError(
                    f"{choice.name} has {choice.units} units; step by step shows up to "
                    f"{MODEL_MAX_UNITS}",
                    f"{choice.name}의 유닛은 {choice.units}개입니다. 스텝별 보기는 "
                    f"{MODEL_MAX_UNITS}개까지입니다",
                )
            on_text = self._typed if self.direct(choice) else None
            lab = layer_lab(self.engine_half(choice), self._sequence(choice), on_text)
            lab.model_lab, lab.choice = self, choice  # where it comes from (show me the code)
            self._labs[choice.key] = lab
        return lab

    def _typed(self, text: str) -> None:
        """Text typed in a layer panel's own field: the model's new input."""
        text = text.replace(PADDING, " ")  # the panel shows padding; p adds it, not typing
        try:
            self.set_text(" ".join(text.split()))
        except ModelInputError as err:
            raise ValueError(str(err)) from None

    # -- output -------------------------------------------------------------------------------
    def output_lines(self) -> tuple[str, tuple[OutputLine, ...]]:
        """What the output is (for a heading) and its top values."""
        assert self.output is not None
        out, last = self.output, self.layers[-1] if self.layers else None
        at_last = out.ndim == 2
        if at_last:
            out = out[-1]
        out = out.reshape(-1)
        act = getattr(last, "activation", None) if isinstance(last, Dense) else None
        vocab = self.vocab
        if vocab is not None and out.size >= 2 and out.size >= vocab.size - 1:
            kind = "next"
        elif out.size == 1:
            kind = "one"
        else:
            kind = "classes"
        if kind == "one":
            return f"{kind}:{act or ''}:{int(at_last)}", (OutputLine("", float(out[0])),)
        order = np.argsort(-out, kind="stable")[: min(TOP_K, out.size)]
        rows = []
        for i in order:
            name = vocab.word(int(i)) if kind == "next" and vocab is not None else str(int(i))
            name = name or PADDING  # TextVectorization's id 0 is the empty string
            rows.append(OutputLine(name, float(out[i])))
        return f"{kind}:{act or ''}:{int(at_last)}", tuple(rows)

    def _output_head(self, code: str, lang: str) -> str:
        kind, act, at_last = code.split(":")
        where = words(lang, " (at the last step)", " (마지막 스텝)") if at_last == "1" else ""
        probs = act in ("softmax", "sigmoid")
        if kind == "next":
            what = words(lang, "next-word probabilities", "다음 단어 확률")
            if not probs:
                what = words(lang, "next-word scores (no softmax)", "다음 단어 점수 (softmax 없음)")
        elif kind == "one":
            what = (
                words(lang, "P(class 1), sigmoid", "P(클래스 1), sigmoid")
                if act == "sigmoid"
                else words(lang, "output value", "출력 값")
            )
        else:
            what = (
                words(lang, f"top classes, {act}", f"상위 클래스, {act}")
                if probs
                else words(lang, "top outputs (no softmax)", "상위 출력 (softmax 없음)")
            )
        return words(lang, "Output: ", "출력: ") + what + where

    # -- view ---------------------------------------------------------------------------------
    def notes(self, lang: str) -> tuple[str, ...]:
        """What the student should know about these numbers."""
        model, out = self.model, []
        if self.vocab is not None and self.vocab.source:
            name, size = self.vocab.source, self.vocab.size  # as vocabulary_size()
            out.append(
                words(
                    lang,
                    f"Words: the vocabulary of the file's TextVectorization layer {name!r} "
                    f"({size} tokens); the model's layers below start after it.",
                    f"단어: 파일에 든 TextVectorization 층 {name!r}의 사전 (토큰 {size}개). "
                    "아래 모델의 층은 그 다음부터입니다.",
                )
            )
        if model.computed_in_float64:
            out.append(
                words(
                    lang,
                    f"Weights are {model.source_dtype} in the file; rnntui computes in float64 "
                    "(Keras' float32 results differ by about 1e-6).",
                    f"파일의 가중치는 {model.source_dtype}이고 rnntui는 float64로 계산합니다 "
                    "(Keras의 float32 결과와 약 1e-6 차이).",
                )
            )
        steps = self.x.shape[1] if self.x is not None else 0
        if self.pad and self.model_steps and steps == self.model_steps and self.reader.pad_end:
            out.append(
                words(
                    lang,
                    f"Padded at the end with 0 (and cut) to the model's {steps} steps, as its "
                    "TextVectorization does (output_sequence_length).",
                    f"모델의 TextVectorization처럼 뒤쪽을 0으로 채워(길면 잘라) {steps}스텝에 "
                    "맞췄습니다 (output_sequence_length).",
                )
            )
        elif self.pad and self.model_steps and steps == self.model_steps:
            out.append(
                words(
                    lang,
                    f"Padded at the front with 0 to the model's {steps} steps, as "
                    "pad_sequences() does.",
                    f"pad_sequences()처럼 앞쪽을 0으로 채워 모델의 {steps}스텝에 맞췄습니다.",
                )
            )
        elif self.model_steps and steps != self.model_steps:
            out.append(
                words(
                    lang,
                    f"The model was saved for {self.model_steps} steps; your {steps} are run "
                    "as they are, without padding.",
                    f"모델은 {self.model_steps}스텝용으로 저장되었고, 입력한 {steps}스텝을 패딩 "
                    "없이 그대로 계산합니다.",
                )
            )
        for choice in self.choices():
            half = self.engine_half(choice)
            odd = [
                f"{name}={value}"
                for name, value, usual in (
                    ("activation", half.activation, "tanh"),
                    (
                        "recurrent_activation",
                        getattr(half, "recurrent_activation", "sigmoid"),
                        "sigmoid",
                    ),
                )
                if value != usual
            ]
            if odd and choice.direction != "backward":
                out.append(
                    words(
                        lang,
                        f"{choice.name}: {', '.join(odd)}; the formula lines name the usual "
                        "tanh/sigmoid, the numbers use the file's.",
                        f"{choice.name}: {', '.join(odd)}. 식은 보통의 tanh/sigmoid로 "
                        "쓰지만 숫자는 파일의 활성화 함수로 계산합니다.",
                    )
                )
        return tuple(out)

    def tokens_text(self, lang: str) -> str:
        """``the(2) cat(5) zzz(1, OOV)`` or the steps of numbers."""
        steps = self.x.shape[1] if self.x is not None else 0
        if not self.tokens:
            return words(lang, f"{steps} steps", f"{steps}스텝")
        oov = words(lang, "OOV", "사전에 없음")
        pads = sum(tok.pad for tok in self.tokens)
        padding = [words(lang, f"padding 0 x{pads}", f"패딩 0 x{pads}")] if pads else []
        typed = [
            f"{tok.word}({tok.id}, {oov})" if tok.oov else f"{tok.word}({tok.id})"
            for tok in self.tokens
            if not tok.pad
        ]
        parts = typed + padding if self.reader.pad_end else padding + typed  # where it is
        return words(lang, "ids: ", "id: ") + " ".join(parts)

    def input_hint(self, lang: str) -> str:
        """What to type."""
        if self.input_kind == "words":
            return words(lang, "Type a sentence", "문장을 입력하세요")
        if self.input_kind == "ids":
            return words(lang, "Type token ids (no --vocab)", "토큰 id를 입력하세요 (--vocab 없음)")
        return words(
            lang,
            f"Type numbers, {self.features} per step, steps separated by ;",
            f"숫자 입력: 스텝마다 {self.features}개, 스텝은 ;로 구분",
        )

    @staticmethod
    def _label(label: str, lang: str) -> str:
        return words(lang, PADDING, "(패딩)") if label == PADDING else label

    def view(self, lang: str = "en") -> ModelView:
        """Everything the screen shows besides the layer panel."""
        code, rows = self.output_lines()
        head = self._output_head(code, lang)
        model = self.model
        title = f'Model: "{model.model_name}"  ({model.source_format}, {model.source_dtype})'
        return ModelView(
            title=title,
            summary=summary_table(model.summary(), model.non_trainable_params),
            input_kind=self.input_kind,
            input_hint=self.input_hint(lang),
            text=self.text,
            tokens=self.tokens,
            tokens_text=self.tokens_text(lang),
            choices=self.choices(),
            output_head=head,
            output=rows,
            output_text="\n".join(
                f"{fmt(r.value).rjust(10)}  {self._label(r.label, lang)}" for r in rows
            ),
            notes=self.notes(lang),
        )
