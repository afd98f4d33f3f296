"""A site's forward rules (``stc/forward.json``) and the values of the secrets they name.

The compiler writes only names and hosts; the values live in the user's secrets file,
at its top level as ``st.secrets`` reads them (``API_KEY = "..."``, or a dotted name
``"openai.api_key"`` for the key ``api_key`` of the table ``[openai]``). A rule whose
secret the file lacks stops the proxy at start, so a missing key is found by whoever
deploys it, not by a visitor whose request would carry a placeholder to the API.
"""

from __future__ import annotations

from pathlib import Path

from proxy._errors import ProxyConfigError
from proxy._secrets import dotted, read_toml
from runtime_wasm.http import ForwardRules

__all__ = ["read_rules", "read_secret_values"]


def read_rules(path: Path) -> ForwardRules:
    """The rules in *path*; raises :class:`ProxyConfigError`."""
    try:
        return ForwardRules.load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ProxyConfigError(f"cannot read forward rules {path}: {error.strerror}") from None
    except (ValueError, TypeError, AttributeError) as error:
        raise ProxyConfigError(f"{path} is not stc forward rules: {error}") from None


def read_secret_values(secrets: Path, rules: ForwardRules) -> dict[str, str]:
    """secret name → value, for every secret *rules* name, from the secrets file.

    Errors name the key and the file, never a value.
    """
    if not rules.secrets:
        return {}
    table = read_toml(secrets)
    values: dict[str, str] = {}
    for name in sorted(rules.secrets):
        value = dotted(table, name)
        if value is None:
            raise ProxyConfigError(
                f"{secrets} has no key {name!r}, which the site's web requests use "
                "(the site was built with it in [tool.stc.secrets]; add it to the secrets file)"
            )
        if not isinstance(value, str) or not value:
            raise ProxyConfigError(
                f"{secrets}: {name!r} must be a non-empty string (quote it) to be sent to an API"
            )
        values[name] = value
    return values
