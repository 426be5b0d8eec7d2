"""A vocabulary for a loaded model: words in (token ids), words out (id -> word).

Two formats: a text file with one token per line (line i = id i, the order of Keras
``TextVectorization.get_vocabulary()``, where ``""`` is padding and ``"[UNK]"`` the OOV id) or a
JSON object word -> id (the legacy ``Tokenizer.word_index``, where 0 is padding). Words are
standardised as each Keras tool does by default: lower case, then punctuation removed
(TextVectorization) or turned into spaces, keeping apostrophes (Tokenizer), split on spaces.
"""

from __future__ import annotations

import json
import re
import string
from dataclasses import dataclass
from pathlib import Path

from rnntui.nn.loading.errors import MAX_CONFIG_BYTES, LoadError, mb, shown

MAX_TOKENS = 1_000_000
"""Entries in a vocabulary."""
OOV_TOKENS = ("[UNK]", "<OOV>", "<oov>", "<unk>", "<UNK>", "UNK", "OOV")
"""Tokens taken as the out-of-vocabulary id when present."""
TEXT_VECTORIZATION = re.compile(f"[{re.escape(string.punctuation)}]")
STANDARDIZE = ("lower_and_strip_punctuation", "lower", "strip_punctuation", None)
"""TextVectorization's ``standardize`` settings the vocabulary applies (the first is Keras'
default)."""
TOKENIZER = re.compile(f"[{re.escape(string.punctuation.replace(chr(39), ''))}\t\n]")


@dataclass(frozen=True)
class Token:
    """One word of the input: its id (None when unknown and there is no OOV id)."""

    word: str
    id: int | None
    oov: bool


@dataclass(frozen=True)
class Vocabulary:
    """Words and ids both ways; ``oov_id`` is None when the vocabulary has no OOV token."""

    words: dict[int, str]
    ids: dict[str, int]
    oov_id: int | None
    tokenizer: bool = False
    """True for a ``Tokenizer.word_index`` (its filters), False for TextVectorization."""
    standardize: str | None = "lower_and_strip_punctuation"
    """TextVectorization's ``standardize`` (one of :data:`STANDARDIZE`; not for a Tokenizer)."""
    source: str = ""
    """Where the words came from, when not a ``--vocab`` file (a layer of the model file)."""

    @property
    def size(self) -> int:
        """One more than the largest id (what an Embedding's input_dim must cover)."""
        return max(self.words, default=-1) + 1

    def encode(self, text: str) -> list[Token]:
        """The words of ``text``, standardised, with their ids (OOV marked)."""
        out = []
        if self.tokenizer:
            text = TOKENIZER.sub(" ", text.lower())
        else:
            if self.standardize in ("lower_and_strip_punctuation", "lower"):
                text = text.lower()
            if self.standardize in ("lower_and_strip_punctuation", "strip_punctuation"):
                text = TEXT_VECTORIZATION.sub("", text)
        for word in text.split():
            found = self.ids.get(word)
            if found is not None:
                out.append(Token(word, found, False))
            else:
                out.append(Token(word, self.oov_id, True))
        return out

    def word(self, token_id: int) -> str:
        """The word of an id (``<id 7>`` when the vocabulary has none)."""
        return self.words.get(token_id, f"<id {token_id}>")


def vocabulary_from_lines(
    text: str, standardize: str | None = "lower_and_strip_punctuation", source: str = ""
) -> Vocabulary:
    """A vocabulary of one token per line (line i = id i), as TextVectorization lists it."""
    lines = text.splitlines()
    if len(lines) > MAX_TOKENS:
        raise LoadError("vocab_too_large", limit=MAX_TOKENS)
    words = dict(enumerate(lines))
    ids: dict[str, int] = {}
    for i, word in words.items():
        if word and word not in ids:
            ids[word] = i
    oov = next((ids[t] for t in OOV_TOKENS if t in ids), None)
    return Vocabulary(words, ids, oov, standardize=standardize, source=source)


def _from_json(data: object) -> Vocabulary:
    if not isinstance(data, dict):
        raise LoadError("vocab_not_object")
    if len(data) > MAX_TOKENS:
        raise LoadError("vocab_too_large", limit=MAX_TOKENS)
    ids: dict[str, int] = {}
    words: dict[int, str] = {}
    for word, value in data.items():
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < MAX_TOKENS:
            raise LoadError("vocab_bad_id", word=shown(word), value=shown(value))
        ids[word] = value
        words.setdefault(value, word)
    oov = next((ids[t] for t in OOV_TOKENS if t in ids), None)
    return Vocabulary(words, ids, oov, tokenizer=True)


def load_vocab(path: str | Path) -> Vocabulary:
    """The vocabulary in ``path`` (``.json``: word -> id; else one token per line)."""
    path = Path(path)
    try:
        if not path.is_file():
            raise LoadError("not_a_file", path=path)
        if path.stat().st_size > MAX_CONFIG_BYTES:
            raise LoadError("larger_than", where=path.name, limit=mb(MAX_CONFIG_BYTES))
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise LoadError("cannot_read", path=path, error=err.strerror or err) from None
    except UnicodeDecodeError:
        raise LoadError("member_not_utf8", where=path.name) from None
    if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        try:
            return _from_json(json.loads(text))
        except (ValueError, RecursionError) as err:
            if isinstance(err, LoadError):
                raise
            raise LoadError("not_json", where=path.name, error=shown(str(err))) from None
    return vocabulary_from_lines(text)
