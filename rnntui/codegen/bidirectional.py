"""Code for the bidirectional panel: a sentence through a small Embedding, then
Bidirectional(layer, merge_mode): both directions (the backward one aligned by position) and
the merged output."""

from __future__ import annotations

from rnntui.codegen import cells
from rnntui.codegen.emit import Script, int_literal, literal, rows
from rnntui.lab.bidirectional import EMBED_DIM, BidirectionalLab, embed

MERGE = {
    "concat": "np.concatenate([fwd, bwd], axis=-1)",
    "sum": "fwd + bwd",
    "mul": "fwd * bwd",
    "ave": "(fwd + bwd) / 2",
}


def generate(lab: BidirectionalLab, script: Script) -> None:
    """Append the script for ``lab`` to ``script``."""
    view = lab.view(script.lang)
    tokens = view.tokens
    table_layer, _ = embed(tokens)
    table = table_layer.get_weights()[0]
    vocab = list(dict.fromkeys(tokens))
    ids = [[vocab.index(tok) for tok in tokens]]
    bi = lab.engine_layer()
    fk, fr, fb = bi.forward_layer.get_weights()
    bk, br, bb = bi.backward_layer.get_weights()
    kind, units, mode = lab.kind, view.units, lab.mode
    s = script
    s.header("the bidirectional panel", "양방향 패널")
    s.comment(view.layer.split("\n")[0], view.layer.split("\n")[0])
    s.comment(
        f"Sentence {' '.join(tokens)!r}; ids in order of first appearance {vocab!r}.",
        f"문장 {' '.join(tokens)!r}; id는 처음 나온 순서 {vocab!r}.",
    )
    s.add(
        f"units, steps, dim = {units}, {len(tokens)}, {EMBED_DIM}",
        f"ids = {int_literal(ids)}",
        f"table = {literal(table)}",
    )
    s.comment("Forward layer weights (Keras layout).", "정방향 층 가중치 (Keras 배치).")
    s.add(
        f"fwd_kernel = {literal(fk)}",
        f"fwd_recurrent_kernel = {literal(fr)}",
        f"fwd_bias = {literal(fb)}",
    )
    s.comment(
        "Backward layer weights: its own (hence 2 x the parameters).",
        "역방향 층 가중치: 따로 있습니다 (그래서 파라미터가 2배).",
    )
    s.add(
        f"bwd_kernel = {literal(bk)}",
        f"bwd_recurrent_kernel = {literal(br)}",
        f"bwd_bias = {literal(bb)}",
        "",
    )
    merge = "None" if mode == "None" else repr(mode)
    if s.keras:
        s.add(
            f'embedding = keras.layers.Embedding({table.shape[0]}, dim, dtype="float64")',
            "embedding.build((None, steps))",
            "embedding.set_weights([table])",
            "x = embedding(ids)",
        )
        s.comment(
            "Give float64 to the wrapper too: Bidirectional casts its output to its own dtype.",
            "래퍼에도 float64를 줍니다: Bidirectional은 출력을 자기 dtype으로 바꿉니다.",
        )
        s.add(
            cells.keras_layer("inner", kind, units),
            f'bi = keras.layers.Bidirectional(inner, merge_mode={merge}, dtype="float64")',
            "bi.build((None, steps, dim))",
            "bi.set_weights([fwd_kernel, fwd_recurrent_kernel, fwd_bias,"
            " bwd_kernel, bwd_recurrent_kernel, bwd_bias])",
            "out = bi(x)",
            "fwd = keras.ops.convert_to_numpy(bi.forward_layer(x))[0]",
        )
        s.comment(
            "The backward layer reads right to left (go_backwards=True); flip its steps so that\n"
            "row t is the state after reading x_t .. x_{T-1}.",
            "역방향 층은 오른쪽부터 읽습니다 (go_backwards=True). 스텝 순서를 뒤집어\n"
            "t행이 x_t .. x_{T-1}을 읽은 뒤의 상태가 되게 합니다.",
        )
        s.add("bwd = keras.ops.convert_to_numpy(bi.backward_layer(x))[0][::-1]")
        if mode == "None":
            s.add("merged = [keras.ops.convert_to_numpy(o)[0] for o in out]")
        else:
            s.add("merged = keras.ops.convert_to_numpy(out)[0]")
    else:
        cells.torch_notes(s, {kind})
        s.add(
            f"embedding = torch.nn.Embedding({table.shape[0]}, dim)",
            f"bi = torch.nn.{cells.TORCH_CLASS[kind]}(dim, units, batch_first=True,"
            " bidirectional=True)",
        )
        cells.torch_copy(s, "bi", kind, ("fwd_kernel", "fwd_recurrent_kernel", "fwd_bias"))
        cells.torch_copy(
            s, "bi", kind, ("bwd_kernel", "bwd_recurrent_kernel", "bwd_bias"), suffix="_reverse"
        )
        s.add(
            "with torch.no_grad():",
            "    embedding.weight.copy_(torch.from_numpy(table))",
            "    out = bi(embedding(torch.from_numpy(ids)))[0][0].numpy()",
        )
        s.comment(
            "torch puts both directions side by side, aligned to input position t (the backward\n"
            "half already flipped back); the Keras merge is done by hand.",
            "torch는 두 방향을 입력 위치 t에 맞춰 나란히 둡니다 (역방향은 이미 되돌려져\n"
            "있습니다). Keras의 합치기(merge)는 직접 합니다.",
        )
        s.add("fwd, bwd = out[:, :units], out[:, units:]")
        if mode == "None":
            s.add("merged = [fwd, bwd]  # merge_mode=None: a list of two")
        else:
            s.add(f"merged = {MERGE[mode]}  # merge_mode={merge}")
    s.blank()
    s.add(
        "for name, values in (('fwd', fwd), ('bwd', bwd)):",
        "    for k in range(units):",
        '        print(f"{name} h[{k}]", " ".join(f"{v:8.4f}" for v in values[:, k]))',
    )
    if mode == "None":
        s.add(
            'print("output[0]", np.round(merged[0], 4).tolist())',
            'print("output[1]", np.round(merged[1], 4).tolist())',
        )
    else:
        s.add(
            'print("output", merged.shape)',
            "for row in merged.T:",
            '    print(" ".join(f"{v:8.4f}" for v in row))',
        )
    s.blank()
    s.shown(
        "shown_fwd",
        rows(view.forward),
        "rnntui's forward states (step, unit).",
        "rnntui의 정방향 상태 (스텝, 유닛).",
    )
    s.shown(
        "shown_bwd",
        rows(view.backward),
        "rnntui's backward states, aligned.",
        "rnntui의 역방향 상태 (위치 맞춤).",
    )
    s.shown("shown_merged", rows(view.merged), "rnntui's merged output.", "rnntui의 합친 출력.")
    if view.second is not None:
        s.shown("shown_second", rows(view.second), "rnntui's output[1].", "rnntui의 output[1].")
    s.blank()
    s.check("fwd", "shown_fwd", "Forward matches.", "정방향이 같습니다.")
    s.check("bwd", "shown_bwd", "Backward matches.", "역방향이 같습니다.")
    if view.second is not None:
        s.check("merged[0]", "shown_merged", "output[0] matches.", "output[0]이 같습니다.")
        s.check("merged[1]", "shown_second", "output[1] matches.", "output[1]이 같습니다.")
    else:
        s.check("merged", "shown_merged", "The merged output matches.", "합친 출력이 같습니다.")
    s.footer()
