"""Stage 3, resolve: everything the site is made of besides the app's own files.

:func:`~compiler.resolve._resolve.resolve` gathers it: the Pyodide core
(``_pyodide``), the runtime and its bytecode (:mod:`.pyc`), the optional vendored
libraries the app's ``st.*`` calls need (``_assets``), custom components' frontends
(``_components``), and the packages (``_deps``), with the site's lock file
(``_sitelock``). A package comes from what the app imports (``_import_kinds``,
``_stdlib``) and what it declares (``_requirements``: ``requirements.txt`` read as pip
reads it in ``_requirements_txt``, PEP 723 in ``_pep723``, each line judged by
``_pep508`` against the rules of ``_requirement_rules``); pure-Python wheels come from
PyPI (``_wheels``).

It builds on :mod:`compiler.analyse`'s facts and never imports :mod:`compiler.emit`.
"""
