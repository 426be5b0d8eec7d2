"""A Keras ``TextVectorization`` layer at the front of a model: a vocabulary, not a layer.

Keras 3 saves the vocabulary of an adapted TextVectorization in the ``.keras`` zip as
``assets/layers/text_vectorization/vocabulary.txt`` (one token per line in
``get_vocabulary()`` order: ``""`` for padding, ``"[UNK]"``, then the words); a vocabulary
given to the constructor stays in the layer's config (``"vocabulary"``, without the two
special tokens) and no asset is written. The engine model starts after the layer and reads
its token ids ``(batch, output_sequence_length)``. Read as data only, like the rest.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import Any

from rnntui.nn.loading.archive import read_member
from rnntui.nn.loading.errors import MAX_CONFIG_BYTES, LoadError, mb, shown
from rnntui.nn.loading.layers import MAX_UNITS, class_of, clean_name, config_of
from rnntui.nn.loading.messages import Msg
from rnntui.nn.loading.vocab import STANDARDIZE, Vocabulary, vocabulary_from_lines

CLASS = "TextVectorization"
ASSET = "assets/layers/text_vectorization/vocabulary.txt"
"""Where Keras 3 puts the vocabulary of the (first) TextVectorization layer of a model."""
MASK, OOV = "", "[UNK]"
"""TextVectorization's padding token (id 0) and OOV token (id 1)."""


@dataclass(frozen=True)
class TextSetup:
    """What the model's TextVectorization layer does to a sentence before the ids.

    ``words``: the vocabulary written in the config (None when it is in the assets);
    ``sequence_length``: ``output_sequence_length`` (None: as many ids as words).
    """

    name: str
    standardize: str | None
    sequence_length: int | None
    words: tuple[str, ...] | None


def is_text_vectorization(entry: Any) -> bool:
    """The config entry is a Keras TextVectorization layer."""
    return class_of(entry) == CLASS and entry.get("module") in (None, "keras.layers")


def text_setup(entry: dict[str, Any]) -> TextSetup:
    """The settings of a TextVectorization entry (LoadError for what the engine cannot do)."""
    config = config_of(entry)
    name = clean_name(config.get("name"), "text_vectorization")

    def refuse(message: str, /, **values: Any) -> LoadError:
        what = Msg(message, values)
        return LoadError("layer_problem", what=what, layer=name, class_name=CLASS)

    standardize = config.get("standardize", "lower_and_strip_punctuation")
    if standardize not in STANDARDIZE:
        raise refuse("tv_standardize", value=shown(standardize))
    for key, allowed in (("split", ("whitespace",)), ("output_mode", ("int",))):
        if config.get(key, allowed[0]) not in allowed:
            raise refuse("tv_option", key=key, value=shown(config.get(key)), allowed=allowed[0])
    if config.get("ngrams") is not None:
        raise refuse("tv_ngrams")
    length = config.get("output_sequence_length")
    if length is not None and (
        isinstance(length, bool) or not isinstance(length, int) or not 0 < length <= MAX_UNITS
    ):
        raise refuse("tv_length", value=shown(length))
    words = config.get("vocabulary")
    if words is not None:
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise refuse("tv_vocabulary")
        words = tuple(words)
    return TextSetup(name, standardize, length, words)


def config_vocabulary(setup: TextSetup) -> Vocabulary | None:
    """The vocabulary written in the config, with the padding and OOV tokens in front as
    Keras adds them (None when the config has none)."""
    if setup.words is None:
        return None
    words = list(setup.words)
    if words[:2] == [MASK, OOV]:
        words = words[2:]
    elif words[:1] == [OOV]:
        words = words[1:]
    words = [MASK, OOV, *words]
    return vocabulary_from_lines("\n".join(words), setup.standardize, setup.name)


def archive_vocabulary(archive: zipfile.ZipFile, where: str, setup: TextSetup) -> Vocabulary | None:
    """The vocabulary of the model's TextVectorization: the asset in the archive, else the
    config's, else None."""
    if ASSET not in archive.namelist():
        return config_vocabulary(setup)
    if archive.getinfo(ASSET).file_size > MAX_CONFIG_BYTES:
        raise LoadError("larger_than", where=f"{where}/{ASSET}", limit=mb(MAX_CONFIG_BYTES))
    data = read_member(archive, ASSET, where)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise LoadError("member_not_utf8", where=f"{where}/{ASSET}") from None
    return vocabulary_from_lines(text, setup.standardize, setup.name)
