"""Labs: each panel's model as plain code (NumPy, the engine and the standard library only).

A lab holds a panel's settings and state, changes them through validated calls and returns a
``view()`` of plain dataclasses with everything the panel shows. The panel widget only draws
the view and turns keys into lab calls.

Modules: ``spec`` (Setting, Spec, SettingError), ``specs`` (PANEL_SPECS: every panel's
settings, read by ``rnntui check`` too), ``format`` (numbers in views), ``sequence`` (input
sequences, runs split at a state edit), ``weights`` (keep units' weights across a resize),
``recurrent`` (the shared recurrent lab), ``simple_rnn``, ``lstm``, ``gru``, ``activation``,
``dropout``, ``order``, ``symbols``, ``bidirectional``,
``embedding``, ``stacking``, ``units``; ``model`` (a loaded Keras model on a typed sentence)
with ``model_input`` (typed text -> ids or numbers) and ``model_view`` (its plain view), and
``model_layers`` (the recurrent labs on a model's layer and weights).
"""
