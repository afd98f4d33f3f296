"""Newer elements of Streamlit 1.67: skeleton, grid, pagination, menu_button,
audio_input, and the page-level ``st.logo`` and ``st.bottom``.

* ``skeleton`` is an ``st.empty`` slot that shows a loading placeholder until
  something is written into it (Streamlit's ``SkeletonPlaceholder``).
* ``grid`` is a block whose children are its cells, placed by CSS grid.
* ``pagination`` is an int widget (page 1..num_pages); ``menu_button`` a trigger
  widget: the chosen option for the one run after the click, else ``None``.
* ``audio_input`` records with ``MediaRecorder`` in the page and sends a WAV entry
  like ``camera_input``'s photo; Python returns an ``UploadedFile``.
* ``logo`` and ``bottom`` live beside main and sidebar under the root.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .._context import current
from .._errors import (
    FORM_DOCS_INFO,
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
    StreamlitValueOutOfRangeError,
)
from .._tree import Element
from ._base import DGBase
from ._chat import _Fresh
from ._files import UploadedFile, _Files
from ._media import _image_source
from ._widget import Key, check_label_visibility, widget

__all__ = ["BottomProxy", "MoreMixin", "logo"]

_GRID_COLUMNS = (1, 24)
_SAMPLE_RATES = (8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class MoreMixin(DGBase):
    def skeleton(self, height: Any = None, *, width: Any = "stretch") -> Any:
        slot = Element(
            "empty", {}, children=[Element("skeleton", {"height": height, "width": width})]
        )
        return self._enqueue(slot)

    def grid(
        self,
        columns: Any = "auto",
        *,
        min_column_width: Any = "auto",
        wrap: bool = True,
        gap: Any = "small",
        vertical_alignment: str = "top",
        border: bool = False,
        row_height: Any = "content",
        width: Any = "stretch",
        height: Any = "content",
        key: Key | None = None,
        dense: bool = False,
    ) -> Any:
        if isinstance(columns, str) and columns != "auto":
            raise StreamlitValueError(
                "columns", ['"auto"', "an integer from 1 to 24"], detail=f"Got {columns!r}."
            )
        if columns != "auto":
            if not _is_int(columns):
                raise StreamlitInvalidParameterTypeError(
                    "columns", type(columns).__name__, ["int", '"auto"']
                )
            if not _GRID_COLUMNS[0] <= columns <= _GRID_COLUMNS[1]:
                raise StreamlitValueOutOfRangeError("columns", columns, *_GRID_COLUMNS)
        elif wrap is False:
            raise StreamlitAPIException(
                '`columns="auto"` and `wrap=False` cannot be used together. '
                "`wrap=False` requires an explicit column count. "
                "Pass an integer, such as `st.grid(3, wrap=False)`."
            )
        if min_column_width != "auto" and (not _is_int(min_column_width) or min_column_width < 1):
            raise StreamlitValueError(
                "min_column_width",
                ['"auto"', "a positive integer"],
                detail=f"Got {min_column_width!r}.",
            )
        if vertical_alignment not in ("top", "center", "bottom"):
            raise StreamlitValueError(
                "vertical_alignment",
                ["'top'", "'center'", "'bottom'"],
                detail=f"Got {vertical_alignment!r}.",
            )
        row_gap, col_gap = gap if isinstance(gap, tuple | list) and len(gap) == 2 else (gap, gap)
        props = {
            "columns": columns,
            "min_column_width": min_column_width,
            "wrap": wrap,
            "row_gap": row_gap,
            "column_gap": col_gap,
            "vertical_alignment": vertical_alignment,
            "border": border,
            "row_height": row_height,
            "height": height if _is_int(height) else None,
            "dense": dense,
            "key": None if key is None else str(key),
        }
        return self._enqueue(Element("grid", props, children=[]))

    def pagination(
        self,
        num_pages: int,
        *,
        default: int = 1,
        max_visible_pages: int | None = 7,
        width: Any = "content",
        key: Key | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        disabled: bool = False,
        bind: Any = None,
        persist_state: Any = None,
    ) -> int:
        if not _is_int(num_pages) or num_pages < 1:
            raise StreamlitAPIException(
                f"`num_pages` must be an integer of at least 1. Got {num_pages}."
            )
        if not _is_int(default):
            raise StreamlitInvalidParameterTypeError("default", type(default).__name__, ["int"])
        if not 1 <= default <= num_pages:
            raise StreamlitValueOutOfRangeError("default", default, 1, num_pages)
        if max_visible_pages is not None and (
            not _is_int(max_visible_pages) or max_visible_pages < 0
        ):
            raise StreamlitAPIException(
                "`max_visible_pages` must be a non-negative integer or None. "
                f"Got {max_visible_pages}."
            )

        def coerce(value: Any) -> int:
            return value if _is_int(value) and 1 <= value <= num_pages else default

        value: int = widget(
            self,
            "pagination",
            key=key,
            identity={"num_pages": num_pages, "default": default, "max": max_visible_pages},
            default=default,
            deserialize=coerce,
            coerce=coerce,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            props={
                "num_pages": num_pages,
                "max_visible_pages": max_visible_pages,
                "disabled": disabled,
            },
        )
        return value

    def menu_button(
        self,
        label: str,
        options: Any,
        *,
        key: Key | None = None,
        help: str | None = None,
        on_click: Callable[..., Any] | None = None,
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        type: str = "secondary",
        icon: str | None = None,
        disabled: bool = False,
        width: Any = "content",
        format_func: Callable[[Any], str] = str,
        wrap: bool | None = None,
    ) -> Any:
        label = "" if label is None else str(label)
        if self._current_form_id() is not None:
            raise StreamlitAPIException(
                f"`st.menu_button()` can't be used in an `st.form()`.{FORM_DOCS_INFO}"
            )
        if type not in ("primary", "secondary", "tertiary"):
            raise StreamlitValueError("type", ["'primary'", "'secondary'", "'tertiary'"])
        opts = list(options)
        if not opts:
            raise StreamlitAPIException(
                "Missing required parameter `options`. Provide at least one option."
            )
        labels = [str(format_func(o)) for o in opts]
        if len(set(labels)) != len(labels):
            raise StreamlitAPIException(
                "The `format_func` produced duplicate labels for the menu button "
                "options. Each formatted option label must be unique."
            )

        # A one-run value, as chat_input's: the first read of a click returns the
        # option, the next run's None (Streamlit's ``string_trigger_value``).
        def deserialize(raw: Any) -> Any:
            return _Fresh(opts[raw]) if _is_int(raw) and 0 <= raw < len(opts) else None

        def coerce(value: Any) -> Any:
            return value.value if isinstance(value, _Fresh) else None

        return widget(
            self,
            "menu_button",
            key=key,
            identity={"label": label, "options": labels, "help": help, "type": type, "icon": icon},
            default=None,
            serialize=lambda value: opts.index(value) if value in opts else None,
            deserialize=deserialize,
            coerce=coerce,
            on_change=on_click,
            args=args,
            kwargs=kwargs,
            props={
                "label": label,
                "options": labels,
                "help": help,
                "type": type,
                "icon": icon,
                "disabled": disabled,
            },
        )

    def audio_input(
        self,
        label: str,
        *,
        sample_rate: int | None = 16000,
        key: Key | None = None,
        help: str | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "stretch",
    ) -> UploadedFile | None:
        if sample_rate is not None and sample_rate not in _SAMPLE_RATES:
            raise StreamlitValueError("sample_rate", [*map(str, _SAMPLE_RATES), "None"])
        check_label_visibility(label_visibility)
        serde = _Files(False)
        result: UploadedFile | None = widget(
            self,
            "audio_input",
            key=key,
            identity={"label": label, "help": help, "sample_rate": sample_rate},
            default=None,
            serialize=serde.serialize,
            deserialize=serde.deserialize,
            coerce=serde.coerce,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            props={
                "label": label,
                "help": help,
                "sample_rate": sample_rate,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )
        return result


# -- page-level: st.logo, st.bottom -----------------------------------------------------


def _root_child(kind: str, props: dict[str, Any]) -> Element:
    """The run's ``kind`` block beside main and sidebar, created on first use."""
    root = current().root
    assert root.children is not None
    for child in root.children:
        if child.kind == kind:
            child.props.update(props)
            return child
    block = Element(kind, props, children=[])
    root.children.append(block)
    return block


def _logo_image(image: Any, what: str) -> dict[str, Any]:
    try:
        return _image_source(image, False, "RGB", "auto")
    except Exception as ex:
        raise StreamlitAPIException(
            f"The {what} passed to st.logo is invalid - See [documentation]"
            "(https://docs.streamlit.io/develop/api-reference/media/st.logo) "
            f"for more information on valid types"
        ) from ex


def logo(
    image: Any,
    *,
    size: str = "medium",
    link: str | None = None,
    icon_image: Any = None,
) -> None:
    """Show ``image`` at the top of the sidebar and ``icon_image`` (or ``image``) in
    the upper-left corner of the page; ``link`` makes both a hyperlink."""
    source = _logo_image(image, "image")
    if link and not link.startswith(("http://", "https://")):
        raise StreamlitAPIException(
            f"Invalid URL '{link}': must use one of the following schemes: http, https."
        )
    icon = _logo_image(icon_image, "icon_image") if icon_image else None
    if not isinstance(size, str) or size.lower() not in ("small", "medium", "large"):
        raise StreamlitValueError("size", ["'small'", "'medium'", "'large'"])
    current().version += 1
    _root_child(
        "logo", {"image": source, "icon_image": icon, "size": size.lower(), "link": link or None}
    )


class BottomProxy:
    """``st.bottom``: a container pinned to the bottom of the page (as Streamlit's
    ``BottomContainerProxy``, it resolves its block in the run in progress)."""

    def _dg(self) -> Any:
        from ._dg import DeltaGenerator

        return DeltaGenerator(block=_root_child("bottom", {}), container="bottom")

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._dg(), name)

    def __enter__(self) -> Any:
        dg = self._dg()
        self._entered = dg
        return dg.__enter__()

    def __exit__(self, *exc: Any) -> bool:
        dg = self.__dict__.pop("_entered", None)
        return bool(dg.__exit__(*exc)) if dg is not None else False

    def __repr__(self) -> str:
        return "st.bottom"
