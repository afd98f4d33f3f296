"""A ``css=`` / ``js=`` that names a file of a component's ``asset_dir``, as a URL of
the site.

Streamlit serves the folder at ``/_stcore/bidi-components/<name>/``. The site carries
it instead: the compiler copies every ``asset_dir`` its wheels declare to
``stc/components/site-packages/`` at the folder's path as installed
(``compiler/resolve/_components.py``), the rule ``site_path`` follows, and the page
loads the module (so its relative imports resolve) and the stylesheet from there.
Paths and globs are checked as Streamlit's ``ComponentPathUtils`` checks them, with
its messages.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from ...._errors import StreamlitAPIException
from ..v1.custom_component import site_path

__all__ = ["asset_src"]

_GLOB = ("*", "?", "[", "]")


def _check_relative(path: str, label: str) -> None:
    """Streamlit's ``_assert_relative_no_traversal``: no absolute path, no ``..``."""
    normalized = path.replace("\\", "/")
    parts = [part for part in normalized.split("/") if part]
    if ".." in parts:
        raise StreamlitAPIException(f"Path traversal attempts are not allowed in {label}: {path}")
    drive = len(normalized) > 1 and normalized[1] == ":"
    if "\x00" in path or normalized.startswith("/") or drive:
        raise StreamlitAPIException(f"Unsafe paths are not allowed in {label}: {path}")


def _one_match(pattern: str, root: Path) -> Path:
    _check_relative(pattern, "glob patterns")
    found = sorted(p.resolve() for p in root.glob(pattern) if p.resolve().is_relative_to(root))
    if not found:
        raise StreamlitAPIException(
            f"No files found matching pattern '{pattern}' in package root {root}"
        )
    if len(found) > 1:
        names = ", ".join(str(p) for p in found)
        raise StreamlitAPIException(
            f"Multiple files found matching pattern '{pattern}': {names}. "
            "Exactly one file must match the pattern."
        )
    return found[0]


def asset_src(value: str, root: Path, kind: str) -> str:
    """The site path of the file *value* (a path or glob) names in *root*."""
    if any(char in value for char in _GLOB):
        file = _one_match(value, root)
    else:
        _check_relative(value, "component paths")
        file = (root / PurePosixPath(value.replace("\\", "/"))).resolve()
        if not file.is_relative_to(root):
            raise StreamlitAPIException(
                f"{kind} path '{file}' is outside the declared asset_dir '{root}'."
            )
    src = site_path(str(file))
    if src is None:
        raise StreamlitAPIException(
            f"The {kind} file {file} of a component is not in the site: stc ships the "
            "asset_dir of the packages in requirements.txt."
        )
    return src
