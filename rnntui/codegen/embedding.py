"""Code for the embedding panel: one word as a one-hot vector and as a dense row, the
one_hot @ W check, the parameter count, memory in bytes and cosine similarities."""

from __future__ import annotations

import numpy as np

from rnntui.codegen.emit import Script, int_literal, literal
from rnntui.lab.embedding import COSINE_ROWS, SEED, EmbeddingLab
from rnntui.nn import Embedding
from rnntui.nn.similarity import memory_bytes

FULL_TABLE = 4096
"""Tables up to this many numbers are written out whole; bigger ones only the rows shown."""


def generate(lab: EmbeddingLab, script: Script) -> None:
    """Append the script for ``lab`` to ``script``."""
    view = lab.view(script.lang)
    check, cosines = lab.check, lab.cosines
    assert check is not None
    size, dim, tokens, word_id = view.size, view.dim, view.tokens, view.word
    layer = Embedding(size, dim, seed=SEED)  # the lab's seeded table (same seed, same draw)
    layer.build((None, tokens))
    table = layer.get_weights()[0]
    s = script
    s.header("the embedding panel", "임베딩 패널")
    word = view.words[word_id]
    s.comment(
        f"Embedding({size}, {dim}); the word {word!r} has id {word_id}; "
        f"a sentence of {tokens} tokens.",
        f"Embedding({size}, {dim}); 단어 {word!r}의 id는 {word_id}; 문장 하나는 토큰 {tokens}개.",
    )
    s.add(f"V, E, word_id, T = {size}, {dim}, {word_id}, {tokens}")
    s.add(f"cosine_ids = np.arange({min(size, COSINE_ROWS)})")
    if table.size <= FULL_TABLE:
        s.comment("rnntui's seeded table W (V, E).", "rnntui의 시드 고정 표 W (V, E).")
        s.add(f"table = {literal(table)}")
    else:
        needed = sorted({*range(min(size, COSINE_ROWS)), word_id})
        s.comment(
            f"The table has {table.size} numbers: only the rows the panel uses are written out,\n"
            "the other rows are zero here (they change none of the numbers shown).",
            f"표에 숫자가 {table.size}개라서 패널이 쓰는 행만 적었습니다. 나머지 행은\n"
            "여기서 0입니다 (보여 주는 숫자는 달라지지 않습니다).",
        )
        s.add(
            "table = np.zeros((V, E))",
            f"table[{int_literal(needed)}] = {literal(table[needed])}",
        )
    s.blank()
    if s.keras:
        s.add(
            'embedding = keras.layers.Embedding(V, E, dtype="float64")',
            "embedding.build((None, T))",
            "embedding.set_weights([table])",
            "row = keras.ops.convert_to_numpy(embedding(np.array([[word_id]])))[0, 0]",
            'hot = keras.ops.one_hot(np.array([word_id]), V, dtype="float64")',
            "one_hot = keras.ops.convert_to_numpy(hot)[0]",
            "product = keras.ops.matmul(hot, embedding.embeddings)",
            "product = keras.ops.convert_to_numpy(product)[0]",
            "params = embedding.count_params()",
            "dense = keras.ops.convert_to_numpy(embedding(cosine_ids))",
        )
    else:
        s.add(
            "embedding = torch.nn.Embedding(V, E)",
            "with torch.no_grad():",
            "    embedding.weight.copy_(torch.from_numpy(table))",
            "    row = embedding(torch.tensor([[word_id]]))[0, 0].numpy()",
            "    one_hot = torch.nn.functional.one_hot(torch.tensor([word_id]), V).double()[0]",
            "    product = (one_hot[None] @ embedding.weight)[0].numpy()",
            "    dense = embedding(torch.from_numpy(cosine_ids)).numpy()",
            "    one_hot = one_hot.numpy()",
            "params = sum(p.numel() for p in embedding.parameters())",
        )
    s.add(
        'print("one-hot", one_hot if V <= 16 else f"a single 1 at slot {int(one_hot.argmax())}")',
        'print(f"W[{word_id}]", np.round(row, 4))',
        'print("one_hot @ W", np.round(product, 4))',
        'print("max |one_hot @ W - row| =", np.abs(product - row).max())',
        'print("parameters (V x E):", params)',
        "",
    )
    s.comment(
        "Memory of the vectors: one token and one sentence, float64 and float32.",
        "벡터의 메모리: 토큰 하나와 문장 하나, float64와 float32.",
    )
    s.add(
        "memory = np.array([",
        "    [np.zeros((count, width), dtype).nbytes for width in (V, E)]",
        "    for count in (1, T)",
        "    for dtype in (np.float64, np.float32)",
        "])",
        'print("bytes (one-hot, dense):", memory.tolist())',
        "",
        "",
        "def cosine(a, b):",
        "    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))",
        "",
        "",
        "hot_rows = np.eye(V)[cosine_ids]",
        "cosines = np.array([",
        "    [cosine(one_hot, hot_rows[i]), cosine(row, dense[i])] for i in range(len(cosine_ids))",
        "])",
        'print("cosine (one-hot, dense):", np.round(cosines, 4).tolist())',
        "",
    )
    s.shown("shown_row", check.lookup[0, 0], "rnntui's dense row.", "rnntui의 밀집 벡터 행.")
    s.shown(
        "shown_one_hot", check.one_hot[0, 0], "rnntui's one-hot vector.", "rnntui의 원-핫 벡터."
    )
    s.shown("shown_product", check.product[0, 0], "rnntui's one_hot @ W.", "rnntui의 one_hot @ W.")
    s.shown(
        "shown_cosines",
        [[hot, dense] for _, hot, dense in cosines],
        "rnntui's cosine table (one-hot, dense).",
        "rnntui의 코사인 표 (원-핫, 밀집).",
    )
    memory = [
        [memory_bytes((count, width), dtype) for width in (size, dim)]
        for count in (1, tokens)
        for dtype in (np.float64, np.float32)
    ]
    s.add(
        f"shown_memory = np.array({memory!r})",
        f"shown_params = {layer.count_params()}",
        "",
    )
    s.check("row", "shown_row", "The row matches.", "행이 같습니다.")
    s.check("one_hot", "shown_one_hot", "The one-hot vector matches.", "원-핫 벡터가 같습니다.")
    s.check("product", "shown_product", "one_hot @ W matches.", "one_hot @ W가 같습니다.")
    s.check("cosines", "shown_cosines", "The cosines match.", "코사인 유사도가 같습니다.")
    s.add("assert params == shown_params, (params, shown_params)")
    s.add("assert (memory == shown_memory).all(), memory")
    s.footer()
