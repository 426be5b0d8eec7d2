"""Code for the order panel (RNN vs CNN): the same tokens in two orders through an Embedding,
then a recurrent layer (order matters) and GlobalAveragePooling1D (it does not)."""

from __future__ import annotations

from rnntui.codegen import cells
from rnntui.codegen.emit import Script, int_literal, literal
from rnntui.lab.order import EMBED_DIM, OrderLab, make_embedding


def generate(lab: OrderLab, script: Script) -> None:
    """Append the script for ``lab`` to ``script``."""
    lab.view(script.lang)
    now, base = lab.now, lab.base
    assert now is not None and base is not None
    rnn = lab.engine_layer()
    kernel, rec, bias = rnn.get_weights()
    table = make_embedding(len(lab.vocab)).get_weights()[0]
    kind, units = lab.kind, rnn.units
    s = script
    s.header("the order panel (RNN vs CNN)", "순서 패널 (RNN 대 CNN)")
    s.comment(
        f"Vocabulary (sorted, id = index): {list(lab.vocab)!r}\n"
        f"now: {' '.join(now.tokens)!r}, original: {' '.join(base.tokens)!r}",
        f"어휘 (정렬, id = 위치): {list(lab.vocab)!r}\n"
        f"지금: {' '.join(now.tokens)!r}, 원래: {' '.join(base.tokens)!r}",
    )
    s.add(
        f"units, dim = {units}, {EMBED_DIM}",
        f"ids_now = {int_literal(now.ids)}",
        f"ids_original = {int_literal(base.ids)}",
        f"table = {literal(table)}",
        f"kernel = {literal(kernel)}",
        f"recurrent_kernel = {literal(rec)}",
        f"bias = {literal(bias)}",
        "",
    )
    if s.keras:
        s.add(
            f'embedding = keras.layers.Embedding({table.shape[0]}, dim, dtype="float64")',
            "embedding.build((None, None))",
            "embedding.set_weights([table])",
            cells.keras_layer("rnn", kind, units),
            "rnn.build((None, None, dim))",
            "rnn.set_weights([kernel, recurrent_kernel, bias])",
            'pool = keras.layers.GlobalAveragePooling1D(dtype="float64")',
            "",
            "",
            "def run(ids):",
            "    vectors = embedding(ids)",
            "    h = keras.ops.convert_to_numpy(rnn(vectors))[0]",
            "    return h, keras.ops.convert_to_numpy(pool(vectors))[0]",
        )
    else:
        cells.torch_notes(s, {kind})
        s.add(
            f"embedding = torch.nn.Embedding({table.shape[0]}, dim)",
            "with torch.no_grad():",
            "    embedding.weight.copy_(torch.from_numpy(table))",
            f"rnn = torch.nn.{cells.TORCH_CLASS[kind]}(dim, units, batch_first=True)",
        )
        cells.torch_copy(s, "rnn", kind, ("kernel", "recurrent_kernel", "bias"))
        s.add(
            "",
            "",
            "def run(ids):",
            "    with torch.no_grad():",
            "        vectors = embedding(torch.from_numpy(ids))",
            "        h = rnn(vectors)[0][0].numpy()",
            "        return h, vectors.mean(dim=1)[0].numpy()  # = GlobalAveragePooling1D",
        )
    s.add(
        "",
        "",
        "h_now, pooled_now = run(ids_now)",
        "h_original, pooled_original = run(ids_original)",
        "for k in range(units):",
        '    print(f"h[{k}]", " ".join(f"{v:8.4f}" for v in h_now[:, k]))',
        'print("h_T now:", np.round(h_now[-1], 4), " original:", np.round(h_original[-1], 4))',
        'print("mean now:", np.round(pooled_now, 4), " original:", np.round(pooled_original, 4))',
        "rnn_diff = float(np.abs(h_now[-1] - h_original[-1]).max())",
        "mean_diff = float(np.abs(pooled_now - pooled_original).max())",
        'print("max |now - original|: RNN", round(rnn_diff, 4), " mean", round(mean_diff, 4))',
        "",
    )
    s.shown(
        "shown_h",
        now.trace.outputs[0],
        "rnntui's h after each token (now).",
        "rnntui의 토큰마다 h (지금).",
    )
    s.shown("shown_h_original", base.trace.h[0], "rnntui's h_T (original).", "rnntui의 h_T (원래).")
    s.shown("shown_pooled", now.pooled[0], "rnntui's mean (now).", "rnntui의 평균 (지금).")
    s.shown(
        "shown_pooled_original",
        base.pooled[0],
        "rnntui's mean (original).",
        "rnntui의 평균 (원래).",
    )
    s.blank()
    s.check("h_now", "shown_h", "The RNN states match.", "RNN 상태가 같습니다.")
    s.check(
        "h_original[-1]", "shown_h_original", "h_T (original) matches.", "h_T (원래)가 같습니다."
    )
    s.check("pooled_now", "shown_pooled", "The mean matches.", "평균이 같습니다.")
    s.check(
        "pooled_original",
        "shown_pooled_original",
        "The mean (original) matches.",
        "평균 (원래)이 같습니다.",
    )
    s.footer()
