"""What a developer runs around a build, beside it: not stages of it.

``stc serve`` (``_serve``: a static server with the MIME types browsers insist on,
:func:`compiler.serve` and :func:`compiler.serving`), ``stc run`` (``_run``: the loop of
``streamlit run``; ``_rebuild``: builds that render and write only what changed;
``_watch``: the app folder, polled; ``_events``: the event stream that tells the open
pages), ``stc test`` (``_testrun``: every page in headless Chromium, shared with
:mod:`compiler.pytest_plugin`; ``_hosts``: which other hosts a page may reach,
``--allow-host``), the Chromium they drive (``_chromium``), and ``stc init-pages``
(``_pages_workflow``: a GitHub Actions workflow that builds the app and deploys it to
GitHub Pages).

These sit on top: they may call :func:`compiler.build`; no stage imports them.
"""
