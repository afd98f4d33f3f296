"""Stages 4 to 6, plan → render → write: the site's files, decided, made, put in place.

:func:`~compiler.emit._plan.plan` decides every file of the site from the analysis and
what was resolved (pure data): the entries of a multipage app (``_page_entries``), the
module preload hints (``_preload``), the answers ``--bake`` made (``_bake``, the one
stage that reaches outside, to the app's databases).
:func:`~compiler.emit._render.render` turns the plan into bytes (templates, and
reproducible zips from ``_zip``); :func:`~compiler.emit._write.write` swaps them into
the output folder atomically. ``stc run`` renders again only what changed
(``_render_cache``) and rewrites only those files (:func:`~compiler.emit._write.write_changed`).
``_build_report`` says what went in, by size.

It builds on :mod:`compiler.analyse` and :mod:`compiler.resolve`; neither imports it.
"""
