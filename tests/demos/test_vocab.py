"""Tokenizer and vocabulary: reserved ids, OOV reported (never a crash), completion, JSON."""

from __future__ import annotations

import unicodedata

from rnntui.demos.corpus import load_sentences, split_held_out
from rnntui.demos.vocab import BLANK, OOV, PAD, Vocabulary, pad, tokenize


def test_tokenize_splits_punctuation_blank_and_lowercases() -> None:
    assert tokenize("I ate ___ for Lunch.") == ["i", "ate", "___", "for", "lunch", "."]
    assert tokenize("나는 _ 먹었다") == ["나는", "___", "먹었다"]


def test_reserved_ids_and_frequency_order() -> None:
    vocab = Vocabulary.from_sentences(["b a .", "a c ."])
    assert vocab.words[:3] == ("<pad>", "<oov>", "___")
    assert (vocab.index["<pad>"], vocab.index["<oov>"], vocab.index["___"]) == (PAD, OOV, BLANK)
    assert vocab.words[3:] == (".", "a", "b", "c")
    assert vocab.decode([4, 0, 5]) == ["a", "b"]


def test_oov_words_are_reported_not_raised() -> None:
    vocab = Vocabulary.from_sentences(load_sentences("ko"))
    enc = vocab.encode("나는 오늘 우주선을 먹었다")
    assert enc.oov == ("우주선을",)
    assert enc.ids[2] == OOV
    assert all(i > BLANK for k, i in enumerate(enc.ids) if k != 2)
    assert vocab.encode("").ids == ()
    assert vocab.word(10_000) == "<oov>"


def test_completion_matches_a_syllable_still_being_typed() -> None:
    vocab = Vocabulary.from_sentences(load_sentences("ko"))
    assert "먹었다" in vocab.complete("먹")
    assert "먹었다" in vocab.complete("머")  # 머 is 먹 before its final consonant
    assert vocab.complete("zzz") == []
    en = Vocabulary.from_sentences(load_sentences("en"))
    assert en.complete("Lun") == ["lunch"]


def test_json_round_trip_and_pad() -> None:
    vocab = Vocabulary.from_sentences(load_sentences("en"))
    again = Vocabulary.from_json(vocab.to_json())
    assert again.words == vocab.words and again.counts == vocab.counts
    assert pad([[3, 4], [5]]).tolist() == [[3, 4], [5, 0]]


def test_corpora_are_nfc_sizes_and_split() -> None:
    for lang in ("ko", "en"):
        sentences = load_sentences(lang)
        assert 300 <= len(sentences) <= 1000
        assert len(set(sentences)) == len(sentences)
        assert all(unicodedata.normalize("NFC", s) == s for s in sentences)
        assert all(s.endswith(".") for s in sentences)
        assert all(ord(ch) < 0x2000 or 0xAC00 <= ord(ch) <= 0xD7A3 for s in sentences for ch in s)
        vocab = Vocabulary.from_sentences(sentences)
        assert 120 <= len(vocab) <= 400
        train, held = split_held_out(sentences)
        assert len(held) == len(sentences) // 5 and not set(train) & set(held)
