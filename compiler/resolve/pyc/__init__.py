"""The runtime's bytecode, compiled at build time by Pyodide's own Python: three files
that run in three places.

* ``_precompile.py`` runs in stc (CPython): :func:`precompile`, cached per runtime and
  Pyodide version, starts Node;
* ``_node.mjs`` runs under Node: it boots the vendored Pyodide core and hands it the
  sources;
* ``_inside.py`` runs inside that Pyodide: it compiles them (it is never imported by stc).
"""
