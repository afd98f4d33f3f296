"""A fake ``stc proxy`` on the transport's seam, for the authenticator's tests: the
browser's synchronous XHR plugs in at the same place."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from runtime_wasm.auth._session import set_token
from runtime_wasm.connections import DataConfig, configure, set_poster
from runtime_wasm.connections._transport import _urllib_post

PROXY_URL = "http://proxy.test"


@contextmanager
def answering(poster: Callable[[str, str], tuple[int, str]]) -> Iterator[None]:
    """*poster* answers the site's requests to the proxy meanwhile; afterwards nobody
    is logged in and extra-streamlit-components (whose CookieManager stc's
    authenticator uses, imported during runs against stc's API) is forgotten."""
    configure(DataConfig(proxy_url=PROXY_URL))
    set_poster(poster)
    try:
        yield
    finally:
        configure(DataConfig())
        set_poster(_urllib_post)
        set_token(None)
        for name in [m for m in sys.modules if m.startswith("extra_streamlit_components")]:
            del sys.modules[name]
