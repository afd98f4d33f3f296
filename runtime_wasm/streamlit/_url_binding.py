"""Widgets bound to the page's URL: ``bind="query-params"`` (Streamlit 1.67).

A widget with a ``key`` and ``bind="query-params"`` owns the query parameter named by
its key. Streamlit splits the work between its server and its page; stc does all of
it here, in the worker, because the worker sees every value the page sends:

- **Seeding.** The first time the widget is drawn (or after Back/Forward), a value in
  the URL wins over the default and over ``st.session_state``. The URL's text goes
  through the widget's :class:`UrlCodec`; a value that does not parse, is out of
  range, or equals the default is taken out of the URL (Streamlit's
  ``_seed_widget_from_url``), and one the widget had to correct (clamped, truncated,
  reordered) is written back in its corrected form.
- **Following.** On every later run the parameter says the widget's value, and is
  absent when the value is the default (the page's ``shouldClearUrlParam``). A change
  the visitor made rewrites the current history entry; one the app made through
  ``st.session_state`` adds an entry, as Streamlit's server-side correction does.
- **Ownership.** ``st.query_params`` refuses to set or delete a bound parameter
  (``_query``).
- **Going away.** A bound widget no longer drawn takes its parameter out of the URL
  but keeps its value under its key (``SessionState.mark_bound``), and when it is
  drawn again it comes back at that value and writes its parameter again, as in
  Streamlit (``_remove_stale_widgets``' preservation of bound widgets).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .._errors import StreamlitMissingRequiredParameterError, StreamlitValueError

if TYPE_CHECKING:
    from .._context import RunContext
    from .._state import WidgetMeta

__all__ = ["BIND_NEEDS_KEY", "UrlCodec", "UrlValue", "check_bind", "follow_url"]

UrlValue = str | list[str]

BIND_NEEDS_KEY = (
    "When using bind='query-params', the widget must have a unique 'key' parameter "
    "specified. This 'key' will be used as the name of the query parameter."
)

# What a codec raises for a URL value the widget cannot take.
_INVALID = (ValueError, TypeError, IndexError, KeyError, OverflowError)


@dataclass(frozen=True, slots=True)
class UrlCodec:
    """How one widget's value reads from and writes to its query parameter.

    ``parse`` gets the parameter's non-empty values (several when the key repeats:
    ``?k=a&k=b``; none for ``?k=``) and returns the widget's value, or raises
    ``ValueError`` when the text names no value the widget can take. ``format`` is
    the reverse: a string, or a list for a repeated key. ``clearable`` widgets have
    an empty state that ``?k=`` stands for (an empty text, no selection)."""

    parse: Callable[[list[str]], Any]
    format: Callable[[Any], UrlValue]
    clearable: bool = False
    # Texts that mean the same value (``True`` and ``true``, ``9`` and ``9.0``) are
    # left in the URL as the visitor wrote them, as Streamlit compares typed values.
    canon: Callable[[str], Any] = str


def check_bind(bind: Any, key: str | None) -> bool:
    """Streamlit's checks of ``bind`` (in its order); whether the widget is bound."""
    if bind is not None and bind != "query-params":
        raise StreamlitValueError("bind", ["'query-params'", "None"])
    if bind == "query-params" and key is None:
        raise StreamlitMissingRequiredParameterError("key", detail=BIND_NEEDS_KEY)
    return bind is not None


def follow_url(
    ctx: RunContext,
    meta: WidgetMeta,
    codec: UrlCodec,
    value: Any,
    coerce: Callable[[Any], Any],
    *,
    drawn_before: bool,
) -> Any:
    """Bind the registered widget *meta* to its parameter; return its value, which
    the URL may have decided (see the module docstring)."""
    key = meta.user_key
    assert key is not None, "check_bind requires a key"
    params = ctx.query_params
    params.bind(key, meta.widget_id)
    ctx.state.mark_bound(meta.widget_id)
    kept = ctx.state.take_kept(key)
    if not drawn_before or params.history_run:
        raw = params.initial(key)
        if raw is not None:
            seeded, parsed = _seed(ctx, meta, codec, raw, coerce)
            if seeded:
                ctx.state.seed(key, parsed)
                return parsed
        if params.history_run:
            # The history entry had no usable value: the default is what it asks for.
            ctx.state.seed(key, meta.default)
            return meta.default
        if kept:  # back after a run without it: its value, and its parameter again
            params.set_bound(key, _url_form(codec, value, meta.default), replace=False)
        return value
    params.set_bound(
        key, _url_form(codec, value, meta.default), replace=not ctx.state.assigned_this_run(key)
    )
    return value


def _seed(
    ctx: RunContext, meta: WidgetMeta, codec: UrlCodec, raw: UrlValue, coerce: Callable[[Any], Any]
) -> tuple[bool, Any]:
    key = meta.user_key
    assert key is not None
    params = ctx.query_params
    values = [raw] if isinstance(raw, str) else list(raw)
    parts = [v for v in values if v != ""]
    try:
        if not parts and not codec.clearable:
            raise ValueError("an empty value for a widget that has no empty state")
        parsed = coerce(codec.parse(parts))
        if _same(parsed, meta.default):
            raise ValueError("the default value stays out of the URL")
        corrected = codec.format(parsed)
    except _INVALID:
        params.set_bound(key, None, replace=False)
        return False, None
    if not _same_texts(codec, _as_list(corrected), values):
        params.set_bound(key, _tidy(corrected), replace=False)
    return True, parsed


def _url_form(codec: UrlCodec, value: Any, default: Any) -> UrlValue | None:
    """What the parameter says for *value*: nothing for the default, or an empty
    value the widget has no empty state for."""
    if _same(value, default):
        return None
    form = _tidy(codec.format(value))
    if form == "" and (not codec.clearable or default is None):
        return None  # the page's shouldClearUrlParam: "" is the empty default too
    return form


def _tidy(form: UrlValue) -> UrlValue:
    """One value as a string, none as ``""`` (``?k=``), several as a list."""
    if isinstance(form, str):
        return form
    if not form:
        return ""
    return form[0] if len(form) == 1 else list(form)


def _as_list(form: UrlValue) -> list[str]:
    return [form] if isinstance(form, str) else list(form)


def _same_texts(codec: UrlCodec, a: list[str], b: list[str]) -> bool:
    try:
        return [codec.canon(x) for x in a] == [codec.canon(x) for x in b]
    except _INVALID:
        return False


def _same(a: Any, b: Any) -> bool:
    try:
        return bool(a == b)
    except (TypeError, ValueError):
        return a is b
