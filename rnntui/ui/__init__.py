"""The Textual user interface (the only package that imports Textual).

Import :mod:`rnntui.ui.app` for the App; submodules are imported lazily by the launcher.
"""
