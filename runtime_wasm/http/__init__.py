"""Web requests from the app (``requests``, ``urllib``, ``httpx``, ``urllib3``, pandas'
URL readers) through the browser's fetch, and API keys that stay on ``stc proxy``.

:mod:`runtime_wasm.http._wire` is the contract the site, the compiler and the proxy
share. Its names are imported on first use, like :mod:`runtime_wasm.connections`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from runtime_wasm.http._adapters import install_adapters
    from runtime_wasm.http._route import (
        HttpSettings,
        RequestProblem,
        SecretPlaceholder,
        configure,
        current,
        set_probe,
    )
    from runtime_wasm.http._wire import (
        ERROR_HEADER,
        FORWARD_ROUTE,
        PLACEHOLDER,
        RULES_PATH,
        TARGET_HEADER,
        ForwardRules,
        find_placeholders,
        host_allowed,
        host_of,
        placeholder,
    )

__all__ = [
    "ERROR_HEADER",
    "FORWARD_ROUTE",
    "PLACEHOLDER",
    "RULES_PATH",
    "TARGET_HEADER",
    "ForwardRules",
    "HttpSettings",
    "RequestProblem",
    "SecretPlaceholder",
    "configure",
    "current",
    "find_placeholders",
    "host_allowed",
    "host_of",
    "install_adapters",
    "placeholder",
    "set_probe",
]

_ROUTE = ("HttpSettings", "RequestProblem", "SecretPlaceholder", "configure", "current")
_WHERE = {"install_adapters": "_adapters", "set_probe": "_route"} | dict.fromkeys(_ROUTE, "_route")


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f"{__name__}.{_WHERE.get(name, '_wire')}")
    return getattr(module, name)
