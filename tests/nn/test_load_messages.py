"""The loader's messages in both languages (issue 15): one catalogue, every message raised
through it, both templates naming the same values, and real errors read in Korean and English."""

from __future__ import annotations

import ast
import string
import zipfile
from pathlib import Path

import pytest

from rnntui.nn import LoadError, load_model
from rnntui.nn.loading import load_vocab
from rnntui.nn.loading.messages import MESSAGES, supported

LOADING = Path(__file__).parents[2] / "rnntui" / "nn" / "loading"
RAISERS = {"LoadError", "Unsupported", "Msg", "fail", "refuse"}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_languages_name_the_same_values() -> None:
    for key, (en, ko) in MESSAGES.items():
        assert _fields(en) == _fields(ko), key
        assert (
            any("\uac00" <= ch <= "\ud7a3" for ch in ko)
            or _fields(ko) == {"error"}
            or (
                ko == en  # only values and code, as " ({why})"
            )
        ), key


def test_every_message_of_the_loader_comes_from_the_catalogue() -> None:
    for path in sorted(LOADING.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in RAISERS or not node.args:
                continue
            if name == "refuse" and len(node.args) == 3:  # Reader.refuse(key, allowed, what)
                first = node.args[2]
            else:
                first = node.args[0]
            where = f"{path.name}:{node.lineno}"
            if isinstance(first, ast.Name) and first.id in ("message", "what"):
                continue  # the helpers that pass a key on (LoadError, Reader.fail, refuse)
            assert isinstance(first, ast.Constant), f"{where}: a message must be a catalogue key"
            assert first.value in MESSAGES, f"{where}: {first.value!r} is not in MESSAGES"


def test_a_file_error_in_korean_and_english(tmp_path: Path) -> None:
    bad = tmp_path / "bad.keras"
    bad.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(LoadError) as info:
        load_model(bad)
    assert str(info.value) == info.value.text("en")
    assert info.value.text("en") == "bad.keras is not a zip archive (or it is truncated)"
    assert info.value.text("ko") == "bad.keras은(는) zip 파일이 아닙니다 (또는 잘린 파일입니다)"


def test_an_unsupported_layer_names_it_and_what_is_read_in_each_language(tmp_path: Path) -> None:
    path = tmp_path / "lambda.keras"
    config = (
        '{"class_name": "Sequential", "config": {"name": "s", "layers": ['
        '{"class_name": "InputLayer", "config": {"batch_shape": [null, 4, 2]}},'
        '{"class_name": "Lambda", "config": {"name": "my_code"}}]}}'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("config.json", config)
    with pytest.raises(LoadError) as info:
        load_model(path)
    en, ko = info.value.text("en"), info.value.text("ko")
    assert en.startswith("Layer 'my_code' (Lambda) is not supported (a Lambda layer holds Python")
    assert supported("en") in en
    assert ko.startswith("층 'my_code'(Lambda)은(는) 읽지 않습니다 (Lambda 층에는 Python 코드가")
    assert supported("ko") in ko and "Sequential 모델" in ko
    assert "not supported" not in ko


def test_a_bad_layer_setting_reads_in_korean(tmp_path: Path) -> None:
    path = tmp_path / "units.keras"
    config = (
        '{"class_name": "Sequential", "config": {"name": "s", "layers": ['
        '{"class_name": "InputLayer", "config": {"batch_shape": [null, 4, 2]}},'
        '{"class_name": "LSTM", "config": {"name": "lstm", "units": -3}}]}}'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("config.json", config)
    with pytest.raises(LoadError) as info:
        load_model(path)
    assert info.value.text("en") == (
        "Layer 'lstm' (LSTM): units must be an integer from 1 to 1,000,000, got -3"
    )
    assert info.value.text("ko") == (
        "층 'lstm'(LSTM): units은(는) 1부터 1,000,000까지의 정수여야 합니다. 받은 값: -3"
    )


def test_a_vocabulary_error_in_korean(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    path.write_text('["not", "an", "object"]', encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load_vocab(path)
    assert info.value.text("ko") == "JSON 사전은 단어 -> id 객체여야 합니다"
    assert str(info.value) == "A JSON vocabulary must be an object of word -> id"
