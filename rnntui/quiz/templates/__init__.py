"""Generated-question templates, one module per family, collected by ``registry``.

``base`` (Template) <- ``params``, ``shapes``, ``values``, ``outputs`` <- ``registry``.
A new template goes into a family module's ``TEMPLATES`` (or a new module listed in
``registry.FAMILIES``); nothing here imports upward into the session or the UI.
"""
