"""The loader's messages in English and Korean: one catalogue, one template per idea.

A ``LoadError`` is raised with a key of :data:`MESSAGES` and the values it names
(``LoadError("not_a_file", path=path)``); ``str(err)`` is English and ``err.text("ko")`` is
Korean, both filled from the same values, so the logic that picks a message is written once.
``{supported}`` (what the loader reads) is filled in every template's language. A value that
is itself a message (``Msg``, or a ``LoadError``) is shown in the same language. Korean terms
follow docs/terms.md (층, 유닛, 스텝).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rnntui.nn.kinds import INPUT_LAYER, NAMES

MESSAGES: dict[str, tuple[str, str]] = {
    # the file
    "not_a_file": ("{path} is not a file", "{path}: 파일이 아닙니다"),
    "file_too_large": (
        "{name} is {size:,} bytes, more than the {limit} rnntui reads",
        "{name}의 크기는 {size:,}바이트로, rnntui가 읽는 {limit}를 넘습니다",
    ),
    "cannot_read": ("Cannot read {path}: {error}", "{path}을(를) 읽을 수 없습니다: {error}"),
    "weights_only": (
        "{name} holds only weights: give the model with --spec",
        "{name}에는 가중치만 있습니다. 모델은 --spec으로 주세요",
    ),
    "own_model": (
        "{name} holds its own model: --spec is for .weights.h5 / .npz",
        "{name}에는 모델이 들어 있습니다. --spec은 .weights.h5 / .npz 파일에 씁니다",
    ),
    "unknown_format": (
        "{name} is neither a .keras zip nor an HDF5 .h5 file; rnntui reads .keras, .h5, and "
        ".weights.h5 or .npz with --spec",
        "{name}은(는) .keras zip도 HDF5 .h5 파일도 아닙니다. rnntui는 .keras, .h5, 그리고 "
        "--spec과 함께 .weights.h5 또는 .npz를 읽습니다",
    ),
    "corrupt": (
        "{name} is corrupt or not a model file rnntui reads: {error}",
        "{name}은(는) 손상되었거나 rnntui가 읽는 모델 파일이 아닙니다: {error}",
    ),
    "too_deep": (
        "{name} is too large or too deeply nested to read",
        "{name}은(는) 너무 크거나 너무 깊게 중첩되어 읽을 수 없습니다",
    ),
    # zip archives
    "not_zip": (
        "{name} is not a zip archive (or it is truncated)",
        "{name}은(는) zip 파일이 아닙니다 (또는 잘린 파일입니다)",
    ),
    "too_many_members": (
        "{name} has more than {limit:,} members",
        "{name}에 든 항목이 {limit:,}개를 넘습니다",
    ),
    "member_outside": (
        "{name} has a member outside the archive ({member!r}), refused",
        "{name}에 압축 파일 밖을 가리키는 항목({member!r})이 있어 거부합니다",
    ),
    "member_too_large": (
        "{name}: member {member!r} is {size:,} bytes uncompressed, more than the {limit} "
        "rnntui reads",
        "{name}: 항목 {member!r}은(는) 압축을 풀면 {size:,}바이트로, rnntui가 읽는 {limit}를 "
        "넘습니다",
    ),
    "member_missing": (
        "{where} has no {member!r}: it is not a Keras 3 .keras file",
        "{where}에 {member!r}이(가) 없습니다. Keras 3 .keras 파일이 아닙니다",
    ),
    "member_corrupt": (
        "{where}: {member!r} is corrupt or truncated ({error})",
        "{where}: {member!r}이(가) 손상되었거나 잘렸습니다 ({error})",
    ),
    "no_weights_member": (
        "{name} has no {member}{found}",
        "{name}에 {member}이(가) 없습니다{found}",
    ),
    "other_weights": (
        " (it has {other!r}, a format rnntui does not read)",
        " ({other!r}이(가) 있지만 rnntui가 읽지 않는 형식입니다)",
    ),
    "member_not_utf8": ("{where} is not UTF-8 text", "{where}은(는) UTF-8 텍스트가 아닙니다"),
    "larger_than": (
        "{where} is larger than the {limit} rnntui reads",
        "{where}은(는) rnntui가 읽는 {limit}보다 큽니다",
    ),
    # HDF5
    "needs_h5py": (
        "Reading HDF5 needs h5py: pip install h5py",
        "HDF5를 읽으려면 h5py가 필요합니다: pip install h5py",
    ),
    "not_hdf5": (
        "{where} is not a readable HDF5 file (truncated or corrupt?): {error}",
        "{where}은(는) 읽을 수 있는 HDF5 파일이 아닙니다 (잘렸거나 손상되었나요?): {error}",
    ),
    "h5_link": (
        "{where}: {item} is a link to elsewhere, refused",
        "{where}: {item}은(는) 다른 곳을 가리키는 링크라서 거부합니다",
    ),
    "h5_missing": (
        "{where} is missing the dataset {item} ({label})",
        "{where}에 데이터셋 {item}({label})이(가) 없습니다",
    ),
    "h5_not_dataset": (
        "{where}: {item} is not a dataset ({label})",
        "{where}: {item}은(는) 데이터셋이 아닙니다 ({label})",
    ),
    "h5_external": (
        "{where}: {item} keeps its data in another file, refused",
        "{where}: {item}의 데이터가 다른 파일에 있어 거부합니다",
    ),
    "h5_too_large": (
        "{where}: dataset {item} declares shape {shape}, more than the {limit:,} values "
        "({size}) rnntui reads",
        "{where}: 데이터셋 {item}의 모양은 {shape}로, rnntui가 읽는 값 {limit:,}개({size})를 "
        "넘습니다",
    ),
    "h5_shape": (
        "{where}: {label} has shape {shape} in the file, but the model needs {needed}",
        "{where}: 파일의 {label} 모양은 {shape}인데, 모델에는 {needed}가 필요합니다",
    ),
    "h5_not_float": (
        "{where}: {label} is {dtype}, not floating point",
        "{where}: {label}은(는) 부동소수점이 아닌 {dtype}입니다",
    ),
    "h5_unreadable": (
        "{where}: cannot read {item}: {error}",
        "{where}: {item}을(를) 읽을 수 없습니다: {error}",
    ),
    # weights
    "extra_weights": (
        "{where}: layer {layer!r} has more weights in the file than the model needs (a "
        "different layer type or options?)",
        "{where}: 파일에 층 {layer!r}의 가중치가 모델에 필요한 것보다 많습니다 (층 종류나 "
        "옵션이 다른가요?)",
    ),
    "no_layer_names": (
        "{where} has no list of layers ('layer_names')",
        "{where}에 층 목록('layer_names')이 없습니다",
    ),
    "lists_too_many": (
        "{where} lists more than {limit:,} layers",
        "{where}에 적힌 층이 {limit:,}개를 넘습니다",
    ),
    "no_weights_for": (
        "{where} has no weights for layer {layer!r}",
        "{where}에 층 {layer!r}의 가중치가 없습니다",
    ),
    "weighted_count": (
        "{where} holds weights for {stored} layers, but the model has {needed} layers with weights",
        "{where}에는 층 {stored}개의 가중치가 있지만, 모델에서 가중치가 있는 층은 {needed}개입니다",
    ),
    "weight_count": (
        "{where}: layer {layer!r} has {stored} weights in the file, the model needs {needed}",
        "{where}: 파일에는 층 {layer!r}의 가중치가 {stored}개 있고, 모델에는 {needed}개가 "
        "필요합니다",
    ),
    "npz_count": (
        "{name} holds {stored} arrays, but the model has {needed} weight arrays (get_weights() "
        "order)",
        "{name}에는 배열이 {stored}개 있지만, 모델의 가중치 배열은 {needed}개입니다 "
        "(get_weights() 순서)",
    ),
    "npz_array": (
        "{name}: array {item} is {dtype} {shape}, the model needs float {needed}",
        "{name}: 배열 {item}은(는) {dtype} {shape}인데, 모델에는 float {needed}가 필요합니다",
    ),
    "npz_unreadable": (
        "{name} is not a readable .npz of arrays: {error}",
        "{name}은(는) 읽을 수 있는 배열 .npz가 아닙니다: {error}",
    ),
    # the config
    "not_json": (
        "{where} is not valid JSON: {error}",
        "{where}은(는) 올바른 JSON이 아닙니다: {error}",
    ),
    "json_too_deep": (
        "{where} is nested too deeply to read",
        "{where}은(는) 너무 깊게 중첩되어 읽을 수 없습니다",
    ),
    "bad_input_shape": (
        "{where}: input shape {shape} is not (batch, T) or (batch, T, D) with sizes up to "
        "{limit:,}",
        "{where}: 입력 모양 {shape}이(가) 크기 {limit:,} 이하의 (batch, T) 또는 (batch, T, D)가 "
        "아닙니다",
    ),
    "no_layer_list": ("The model config has no list of layers", "모델 설정에 층 목록이 없습니다"),
    "too_many_layers": (
        "The model has {count:,} layers, more than the {limit:,} read",
        "모델의 층이 {count:,}개로, 읽을 수 있는 {limit:,}개를 넘습니다",
    ),
    "no_input_shape": (
        "The model has no input shape (it was never built or called)",
        "모델에 입력 모양이 없습니다 (build하거나 호출한 적이 없는 모델)",
    ),
    "many_inputs": (
        "This functional model has {inputs} inputs and {outputs} outputs ({listed}); rnntui "
        "reads one input passing through one layer after another: {supported}",
        "이 함수형 모델은 입력 {inputs}개, 출력 {outputs}개입니다 ({listed}). rnntui는 입력 "
        "하나가 층을 하나씩 차례로 지나는 모델을 읽습니다: {supported}",
    ),
    "called_often": (
        "Layer {layer!r} ({cls}) is called {nodes} time(s) on {reads} input(s): rnntui reads "
        "functional models that are a plain chain ({supported})",
        "층 {layer!r}({cls})이(가) 입력 {reads}개로 {nodes}번 호출됩니다. rnntui는 층이 한 줄로 "
        "이어진 함수형 모델을 읽습니다 ({supported})",
    ),
    "feeds_two": (
        "Layer {layer!r} feeds two layers ({first!r} and {second!r}): rnntui reads functional "
        "models that are a plain chain ({supported})",
        "층 {layer!r}의 출력이 두 층({first!r}, {second!r})으로 갑니다. rnntui는 층이 한 줄로 "
        "이어진 함수형 모델을 읽습니다 ({supported})",
    ),
    "input_not_input_layer": (
        "The model's input {layer!r} is not an InputLayer",
        "모델의 입력 {layer!r}이(가) InputLayer가 아닙니다",
    ),
    "not_a_chain": (
        "The layers do not form one chain from input to output ({supported})",
        "층들이 입력에서 출력까지 한 줄로 이어지지 않습니다 ({supported})",
    ),
    "config_not_object": (
        "The model config is not a JSON object",
        "모델 설정이 JSON 객체가 아닙니다",
    ),
    "not_a_model": (
        "The file holds a {cls}, not a Sequential or functional model: rnntui reads {supported}",
        "파일에 든 것은 {cls}이며 Sequential 모델이나 함수형 모델이 아닙니다. rnntui가 읽는 것: "
        "{supported}",
    ),
    # layers
    "no_class_name": (
        "The model config has a layer without a class_name",
        "모델 설정에 class_name이 없는 층이 있습니다",
    ),
    "no_config": (
        "Layer of class {cls} has no config object",
        "{cls} 층에 config 객체가 없습니다",
    ),
    "unsupported": (
        "Layer {layer!r} ({cls}) is not supported{reason}. rnntui reads {supported}.",
        "층 {layer!r}({cls})은(는) 읽지 않습니다{reason}. rnntui가 읽는 것: {supported}.",
    ),
    "reason": (" ({why})", " ({why})"),
    "why_lambda": (
        "a Lambda layer holds Python code, which rnntui never runs",
        "Lambda 층에는 Python 코드가 들어 있고, rnntui는 그 코드를 실행하지 않습니다",
    ),
    "why_tf_op": (
        "it records a TensorFlow operation, which rnntui never runs",
        "TensorFlow 연산을 기록한 층이며, rnntui는 그 연산을 실행하지 않습니다",
    ),
    "why_masking": (
        "Masking is not computed by the engine (use Embedding(mask_zero=True))",
        "Masking은 엔진이 계산하지 않습니다 (Embedding(mask_zero=True)를 쓰세요)",
    ),
    "why_text_vectorization": (
        "it is read only as the model's first layer, for its vocabulary",
        "모델의 첫 층일 때만 그 사전을 읽습니다",
    ),
    "why_nested": (
        "a model nested inside a model is not read",
        "모델 안에 든 모델은 읽지 않습니다",
    ),
    "why_module": (
        "it comes from module {module!r}, not from Keras",
        "Keras가 아닌 모듈 {module!r}에서 온 층입니다",
    ),
    "why_registered": (
        "it is a custom class registered as {registered!r}",
        "{registered!r}(으)로 등록된 사용자 정의 클래스입니다",
    ),
    "in_layer": ("In {outer!r}: {error}", "{outer!r} 안: {error}"),
    "layer_problem": ("Layer {layer!r} ({cls}): {what}", "층 {layer!r}({cls}): {what}"),
    "bad_int": (
        "{key} must be an integer from 1 to {limit:,}, got {value}",
        "{key}은(는) 1부터 {limit:,}까지의 정수여야 합니다. 받은 값: {value}",
    ),
    "bad_bool": (
        "{key} must be true or false, got {value}",
        "{key}은(는) true 또는 false여야 합니다. 받은 값: {value}",
    ),
    "bad_rate": (
        "{key} must be a number in [0, 1), got {value}",
        "{key}은(는) [0, 1) 범위의 수여야 합니다. 받은 값: {value}",
    ),
    "bad_activation": (
        "{key} {label!r} is not computed (known: {known})",
        "{key} {label!r}은(는) 계산하지 않습니다 (아는 것: {known})",
    ),
    "not_supported_option": (
        "{what} is not supported ({key}={value})",
        "{what}은(는) 읽지 않습니다 ({key}={value})",
    ),
    "opt_quantized": ("a quantized layer", "양자화된 층"),
    "opt_lora": ("a LoRA layer", "LoRA 층"),
    "opt_stateful": ("a stateful layer", "stateful 층"),
    "opt_time_major": ("time_major input", "time_major 입력"),
    "opt_sparse": ("a sparse embedding", "희소 임베딩"),
    "bad_data_format": (
        "data_format {value} is not supported",
        "data_format {value}은(는) 읽지 않습니다",
    ),
    "bad_merge_mode": (
        "merge_mode {value} is not one of sum, mul, ave, concat, None",
        "merge_mode {value}은(는) sum, mul, ave, concat, None 중 하나가 아닙니다",
    ),
    "no_wrapped_layer": ("the wrapped layer is missing", "감싼 층이 없습니다"),
    "wraps_other": (
        "it wraps {cls}, not SimpleRNN, LSTM or GRU",
        "SimpleRNN, LSTM, GRU가 아닌 {cls}을(를) 감쌉니다",
    ),
    "odd_backward": (
        "a backward_layer that differs from the forward layer is not supported",
        "순방향 층과 다른 backward_layer는 읽지 않습니다",
    ),
    "layer_error": ("Layer {layer!r} ({cls}): {error}", "층 {layer!r}({cls}): {error}"),
    # TextVectorization
    "tv_standardize": (
        "standardize={value} is not read (a custom function?)",
        "standardize={value}은(는) 읽지 않습니다 (사용자 정의 함수인가요?)",
    ),
    "tv_option": (
        "{key}={value} is not read ({key}={allowed!r} is)",
        "{key}={value}은(는) 읽지 않습니다 ({key}={allowed!r}만 읽습니다)",
    ),
    "tv_ngrams": ("ngrams are not read", "ngrams는 읽지 않습니다"),
    "tv_length": (
        "output_sequence_length must be a positive integer, got {value}",
        "output_sequence_length는 양의 정수여야 합니다. 받은 값: {value}",
    ),
    "tv_vocabulary": (
        "the vocabulary in the config is not a list of strings",
        "설정의 사전이 문자열 목록이 아닙니다",
    ),
    # building
    "cannot_stack": (
        "Layer {layer!r} cannot take the output of the layer below: {error}",
        "층 {layer!r}은(는) 아래 층의 출력을 받을 수 없습니다: {error}",
    ),
    "too_many_params": (
        "This model has {count:,} parameters, more than the {limit:,} rnntui loads",
        "이 모델의 파라미터는 {count:,}개로, rnntui가 불러오는 {limit:,}개를 넘습니다",
    ),
    "stack_error": ("{error}", "{error}"),
    "weights_misfit": (
        "The weights do not fit the model: {error}",
        "가중치가 모델에 맞지 않습니다: {error}",
    ),
    "bad_spec": ("--spec: {error}", "--spec: {error}"),
    # vocabularies
    "vocab_too_large": (
        "The vocabulary has more than {limit:,} tokens",
        "사전의 토큰이 {limit:,}개를 넘습니다",
    ),
    "vocab_not_object": (
        "A JSON vocabulary must be an object of word -> id",
        "JSON 사전은 단어 -> id 객체여야 합니다",
    ),
    "vocab_bad_id": (
        "The id of {word} must be an integer id, got {value}",
        "{word}의 id는 정수여야 합니다. 받은 값: {value}",
    ),
}
"""Key -> (English, Korean) template."""

SUPPORTED_LAYERS = (INPUT_LAYER, *NAMES)
"""The layer classes the loader reads (the catalogue ``rnntui.nn.kinds``)."""


def supported(lang: str) -> str:
    """What the loader reads, in ``lang``."""
    if lang == "ko":
        return (
            f"{', '.join(SUPPORTED_LAYERS)} (Sequential 모델, 또는 층이 한 줄로 이어진 함수형 모델)"
        )
    return (
        f"{', '.join(SUPPORTED_LAYERS[:-1])} and {SUPPORTED_LAYERS[-1]}, "
        "in a Sequential model or a functional model that is a plain chain"
    )


@dataclass(frozen=True)
class Msg:
    """A message of the catalogue with its values (a part of a longer message, or a whole one)."""

    key: str
    values: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        """The message in ``lang`` ("ko" or "en")."""
        en, ko = MESSAGES[self.key]
        values = {
            name: value.text(lang) if hasattr(value, "text") and callable(value.text) else value
            for name, value in self.values.items()
        }
        return (ko if lang == "ko" else en).format(supported=supported(lang), **values)
