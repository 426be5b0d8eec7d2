"""Demo labs for "watch it learn" (issue 13): trained models the panels draw.

Pure Python + NumPy + the engine (``rnntui.nn``): no Textual, no Rich. Each lab is a small class
with plain methods and a ``view()`` returning frozen dataclasses.

- ``vocab``: tokenizer and vocabulary (0 = padding, 1 = out of vocabulary, 2 = the blank)
- ``corpus``: the shipped Korean and English sentences
- ``next_word``: Embedding -> RNN -> Dense(softmax), top-5 next words, generation
- ``fill_blank``: forward-only against Bidirectional at a blank
- ``remember``: the first token after T steps, and the gradient norm per step
- ``runner``: live training with a per-epoch callback and cancel
- ``overfit``: train/validation curves for units and dropout variants
- ``results``: the shipped results of the remembering, units and dropout demos
- ``train``: ``python -m rnntui.demos.train`` rebuilds the shipped weights and results
"""
