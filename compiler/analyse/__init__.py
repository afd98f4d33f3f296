"""Stages 1 and 2, parse and analyse: what the app is, read from its folder alone.

:func:`~compiler.analyse._parse.parse` finds the app's files (the folder is a
boundary: ``_appfiles``, ``.stcignore`` in ``_ignore``, secret files in
``_secret_files``) and judges every module (``_syntax``).
:func:`~compiler.analyse._analyse.analyse` runs the libcst visitors of :mod:`.passes`
over them, then the browser rewrite (``_rewrite``), and returns the :mod:`._facts`
later stages consume. What else the folder says is read here too: ``pyproject.toml``
and ``secrets.toml`` (``_project``), ``.streamlit/config.toml`` (``_config``), the
logins and their redacted credentials file (``_logins``, ``_redact``).

Nothing here imports :mod:`compiler.resolve` or :mod:`compiler.emit`: they come after.
"""
