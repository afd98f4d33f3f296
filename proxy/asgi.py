"""``proxy.asgi:app``: the proxy for any ASGI server, configured by ``STC_PROXY_*``
environment variables (see :data:`proxy.ENV`), e.g.
``STC_PROXY_SITE=site STC_PROXY_SECRETS=secrets.toml uvicorn proxy.asgi:app --workers 4``.
"""

from proxy._app import create_app
from proxy._serve import log_to_stderr
from proxy._settings import settings_from_env

log_to_stderr()
app = create_app(settings_from_env())
