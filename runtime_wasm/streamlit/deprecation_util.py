"""``streamlit.deprecation_util``: the helpers component packages use to warn their
own users, with Streamlit's wording (the warning shows in the app)."""

from ._compat import make_deprecated_name_warning, show_deprecation_warning

__all__ = ["make_deprecated_name_warning", "show_deprecation_warning"]
