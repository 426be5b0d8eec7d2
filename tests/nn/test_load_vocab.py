"""Vocabularies for a loaded model: TextVectorization lines and Tokenizer word_index JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rnntui.nn import LoadError
from rnntui.nn.loading.vocab import load_vocab


def test_text_vectorization_lines_with_unk(tmp_path: Path) -> None:
    path = tmp_path / "vocab.txt"
    path.write_text("\n[UNK]\nthe\ncat\nsat\n", encoding="utf-8")
    vocab = load_vocab(path)
    assert vocab.oov_id == 1 and vocab.size == 5
    tokens = vocab.encode("The cat, sat on-the MAT!")
    assert [t.id for t in tokens] == [2, 3, 4, 1, 1]  # "on-the" -> "onthe": OOV, as Keras
    assert [t.word for t in tokens] == ["the", "cat", "sat", "onthe", "mat"]
    assert [t.oov for t in tokens] == [False, False, False, True, True]
    assert vocab.word(3) == "cat" and vocab.word(99) == "<id 99>"


def test_tokenizer_word_index_json(tmp_path: Path) -> None:
    path = tmp_path / "word_index.json"
    path.write_text(json.dumps({"<OOV>": 1, "the": 2, "don't": 3, "stop": 4}), encoding="utf-8")
    vocab = load_vocab(path)
    assert vocab.oov_id == 1 and vocab.size == 5 and vocab.word(0) == "<id 0>"
    tokens = vocab.encode("Don't-stop the music.")
    assert [(t.word, t.id, t.oov) for t in tokens] == [
        ("don't", 3, False),
        ("stop", 4, False),
        ("the", 2, False),
        ("music", 1, True),
    ]
    plain = tmp_path / "no_oov.json"
    plain.write_text(json.dumps({"the": 1}), encoding="utf-8")
    assert [(t.id, t.oov) for t in load_vocab(plain).encode("the end")] == [
        (1, False),
        (None, True),
    ]


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ('{"a": "one"}', "must be an integer id"),
        ('{"a": -1}', "must be an integer id"),
        ("[1, 2]", "must be an object"),
        ('{"a": 1', "not valid JSON"),
    ],
)
def test_bad_vocabularies(tmp_path: Path, content: str, needle: str) -> None:
    path = tmp_path / "v.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LoadError, match=needle):
        load_vocab(path)


def test_unreadable_vocabularies(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="is not a file"):
        load_vocab(tmp_path / "none.txt")
    binary = tmp_path / "v.txt"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(LoadError, match="not UTF-8"):
        load_vocab(binary)
