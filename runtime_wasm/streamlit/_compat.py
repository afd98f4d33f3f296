"""Names Streamlit has removed, kept so apps written for older Streamlit run.

Each works like the name that replaced it and then shows the warning Streamlit
showed while the old name was deprecated (``deprecation_util.deprecate_func_name``:
an ``st.warning`` in the app after the call, "Please replace `st.beta_columns` with
`st.columns`…", with the removal date Streamlit announced). Aliases of commands stc
does not have yet (``experimental_data_editor``, ``experimental_user``…) resolve
lazily, so they say "not available in stc yet" when used, not at import.

The old names call the commands that replaced them directly, not through the API
package (which imports this module): ``st.rerun`` is ``_commands.rerun``, and so on.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .._caching import CacheDataAPI, CacheResourceAPI
from ._auth import UserInfoProxy
from ._base import DGBase
from ._browser import QueryParamsProxy
from ._commands import connection, rerun
from ._fragment import fragment
from ._roots import main_dg
from .elements._dialog import dialog

if TYPE_CHECKING:
    from ._dg import DeltaGenerator

__all__ = [
    "CompatMixin",
    "cache",
    "experimental_connection",
    "experimental_dialog",
    "experimental_fragment",
    "experimental_get_query_params",
    "experimental_memo",
    "experimental_rerun",
    "experimental_set_query_params",
    "experimental_singleton",
    "experimental_user",
    "make_deprecated_name_warning",
    "show_deprecation_warning",
]


def make_deprecated_name_warning(
    old_name: str,
    new_name: str,
    removal_date: str,
    extra_message: str | None = None,
    include_st_prefix: bool = True,
) -> str:
    """Streamlit's wording for a renamed command."""
    if include_st_prefix:
        old_name, new_name = f"st.{old_name}", f"st.{new_name}"
    return (
        f"Please replace `{old_name}` with `{new_name}`.\n\n"
        f"`{old_name}` will be removed after {removal_date}."
        + (f"\n\n{extra_message}" if extra_message else "")
    )


def show_deprecation_warning(
    message: str, show_in_browser: bool = True, show_once: bool = False
) -> None:
    """Show ``message`` in the app as ``st.warning``, as Streamlit does by default."""
    if not show_in_browser:
        return
    main_dg().warning(message)


# What the old names stand for: the objects ``st.cache_data``, ``st.query_params``… are
# (stateless: a second instance is the same command).
_cache_data = CacheDataAPI()
_cache_resource = CacheResourceAPI()
_query_params = QueryParamsProxy()
_user = UserInfoProxy()


def _renamed(
    old: str, new: str, target: Callable[..., Any], removal: str, extra: str | None = None
) -> Callable[..., Any]:
    """A module-level function ``st.<old>`` that calls ``st.<new>`` (*target*) and then warns."""

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        result = target(*args, **kwargs)
        show_deprecation_warning(make_deprecated_name_warning(old, new, removal, extra))
        return result

    wrapped.__name__ = wrapped.__qualname__ = old
    wrapped.__doc__ = f"Deprecated alias of ``st.{new}``."
    return wrapped


experimental_rerun = _renamed("experimental_rerun", "rerun", rerun, "2024-04-01")
experimental_memo = _renamed("experimental_memo", "cache_data", _cache_data, "2023-04-01")
experimental_singleton = _renamed(
    "experimental_singleton", "cache_resource", _cache_resource, "2023-04-01"
)
experimental_fragment = _renamed("experimental_fragment", "fragment", fragment, "2025-01-01")
experimental_dialog = _renamed("experimental_dialog", "dialog", dialog, "2025-01-01")
experimental_connection = _renamed(
    "experimental_connection", "connection", connection, "2024-04-01"
)

_QUERY_DOCS = (
    "See our [docs](https://docs.streamlit.io/develop/api-reference/caching-and-state/"
    "st.query_params) for more information."
)


def experimental_get_query_params() -> dict[str, list[str]]:
    """The URL's query parameters, every value a list (the pre-1.30 interface)."""
    params = _query_params
    result = {key: params.get_all(key) for key in params}
    show_deprecation_warning(
        make_deprecated_name_warning(
            "experimental_get_query_params", "query_params", "2024-04-11", _QUERY_DOCS
        )
    )
    return result


def experimental_set_query_params(**query_params: Any) -> None:
    """Replace the URL's query parameters (the pre-1.30 interface)."""
    _query_params.from_dict(
        {
            k: [str(x) for x in v] if isinstance(v, list | tuple) else str(v)
            for k, v in query_params.items()
        }
    )
    show_deprecation_warning(
        make_deprecated_name_warning(
            "experimental_set_query_params", "query_params", "2024-04-11", _QUERY_DOCS
        )
    )


_CACHE_MESSAGE = (
    "`st.cache` is deprecated and will be removed soon. Please use one of Streamlit's "
    "new caching commands, `st.cache_data` or `st.cache_resource`. More information "
    "[in our docs](https://docs.streamlit.io/develop/concepts/architecture/caching)."
)


def cache(
    func: Callable[..., Any] | None = None,
    persist: bool = False,
    allow_output_mutation: bool = False,
    show_spinner: bool = True,
    suppress_st_warning: bool = False,
    hash_funcs: dict[Any, Callable[[Any], Any]] | None = None,
    max_entries: int | None = None,
    ttl: float | None = None,
) -> Any:
    """``st.cache`` (removed in 1.36): ``st.cache_data``, or ``st.cache_resource`` with
    ``allow_output_mutation=True`` (the one object returned to every caller)."""
    if allow_output_mutation:
        decorator = _cache_resource(
            show_spinner=show_spinner, hash_funcs=hash_funcs, max_entries=max_entries, ttl=ttl
        )
    else:
        decorator = _cache_data(
            persist="disk" if persist else None,
            show_spinner=show_spinner,
            hash_funcs=hash_funcs,
            max_entries=max_entries,
            ttl=ttl,
        )

    def wrap(f: Callable[..., Any]) -> Callable[..., Any]:
        cached = decorator(f)

        @functools.wraps(f)
        def call(*args: Any, **kwargs: Any) -> Any:
            show_deprecation_warning(_CACHE_MESSAGE)
            return cached(*args, **kwargs)

        call.clear = cached.clear  # type: ignore[attr-defined]
        return call

    return wrap if func is None else wrap(func)


class _DeprecatedObject:
    """``st.experimental_user``: ``st.user`` under its old name, warning on use."""

    def __init__(self, old: str, new: str, target: Any, removal: str) -> None:
        self._names = (old, new, removal)
        self._new = target

    def _target(self) -> Any:
        old, new, removal = self._names
        show_deprecation_warning(make_deprecated_name_warning(old, new, removal))
        return self._new

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._target(), name)

    def __getitem__(self, key: str) -> Any:
        return self._target()[key]

    def __contains__(self, key: object) -> bool:
        return key in self._target()

    def __repr__(self) -> str:
        return f"<deprecated alias st.{self._names[0]} of st.{self._names[1]}>"


experimental_user = _DeprecatedObject("experimental_user", "user", _user, "2025-04-11")


class CompatMixin(DGBase):
    """Old names of ``DeltaGenerator`` methods (``st.sidebar.beta_expander``…)."""

    def _deprecated(self, old: str, new: str, removal: str, *args: Any, **kwargs: Any) -> Any:
        method = getattr(self, new)
        result = method(*args, **kwargs)
        show_deprecation_warning(make_deprecated_name_warning(old, new, removal))
        return result

    def beta_columns(self, *args: Any, **kwargs: Any) -> list[DeltaGenerator]:
        """Deprecated alias of ``columns``."""
        return self._deprecated("beta_columns", "columns", "2021-11-02", *args, **kwargs)  # type: ignore[no-any-return]

    def beta_expander(self, *args: Any, **kwargs: Any) -> DeltaGenerator:
        """Deprecated alias of ``expander``."""
        return self._deprecated("beta_expander", "expander", "2021-11-02", *args, **kwargs)  # type: ignore[no-any-return]

    def beta_container(self, *args: Any, **kwargs: Any) -> DeltaGenerator:
        """Deprecated alias of ``container``."""
        return self._deprecated("beta_container", "container", "2021-11-02", *args, **kwargs)  # type: ignore[no-any-return]

    def experimental_data_editor(self, *args: Any, **kwargs: Any) -> Any:
        """Deprecated alias of ``data_editor``."""
        return self._deprecated(
            "experimental_data_editor", "data_editor", "2023-09-01", *args, **kwargs
        )
