"""Cosine similarity, memory sizes, one-hot rows and the one_hot @ W lookup check."""

from __future__ import annotations

import math

import numpy as np
import pytest

from rnntui.nn import Embedding
from rnntui.nn.embedding import one_hot
from rnntui.nn.similarity import cosine_similarity, lookup_check, memory_bytes


def test_cosine_by_hand() -> None:
    assert cosine_similarity([1, 0], [0, 1]) == 0.0
    assert cosine_similarity([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert cosine_similarity([1, 0], [-3, 0]) == -1.0
    assert cosine_similarity([1, 1], [1, 0]) == pytest.approx(1 / math.sqrt(2))
    assert cosine_similarity([0, 0], [1, 2]) == 0.0  # a zero vector has no direction


def test_cosine_rejects_different_lengths() -> None:
    with pytest.raises(ValueError, match="equally long"):
        cosine_similarity([1, 2], [1, 2, 3])


def test_one_hot_cosine_is_zero_between_different_words() -> None:
    rows = one_hot(np.arange(6), 6)
    for i in range(6):
        for j in range(6):
            assert cosine_similarity(rows[i], rows[j]) == (1.0 if i == j else 0.0)


def test_one_hot_matches_the_engine() -> None:
    layer = Embedding(7, 3, seed=1)
    ids = np.array([[0, 6, 2], [3, 3, 1]])
    assert np.array_equal(one_hot(ids, 7), layer.one_hot(ids))
    assert one_hot(4, 7).tolist() == [0, 0, 0, 0, 1, 0, 0]
    with pytest.raises(ValueError, match=r"0\.\.6"):
        one_hot([7], 7)


def test_memory_bytes_equals_nbytes() -> None:
    for shape, dtype in (((10, 10_000), np.float64), ((1, 16), np.float32), (5, np.float64)):
        assert memory_bytes(shape, dtype) == np.zeros(shape, dtype=dtype).nbytes
    assert memory_bytes((1, 10_000)) == 80_000  # one float64 one-hot token, V = 10,000
    assert memory_bytes((1, 16), np.float32) == 64
    with pytest.raises(ValueError):
        memory_bytes((-1, 3))


def test_lookup_check_is_exact() -> None:
    layer = Embedding(1000, 16, seed=3)
    layer.build((None, 4))
    check = lookup_check(layer, [[5, 999, 0, 5]])
    assert check.equal and check.max_abs_diff == 0.0
    assert check.one_hot.shape == (1, 4, 1000) and check.product.shape == (1, 4, 16)
    assert np.array_equal(check.product, layer.embeddings[[5, 999, 0, 5]][None])
    assert np.array_equal(check.lookup, check.product)
