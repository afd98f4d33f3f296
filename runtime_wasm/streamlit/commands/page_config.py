"""``streamlit.commands.page_config``: ``set_page_config`` and ``get_random_emoji``
(st-pages imports it for pages without an icon)."""

from __future__ import annotations

import random

from .._commands import set_page_config

__all__ = ["RANDOM_EMOJIS", "get_random_emoji", "set_page_config"]

RANDOM_EMOJIS = list("🎈🎉🎊🎁🎀🎨🎭🎪🎯🎲🎳🎸🎹🎺🎻🚀🌈🌟🌻🍀🍕🍩🍪🍉🐙🦄🐳🦋🌵")


def get_random_emoji() -> str:
    return random.choice(RANDOM_EMOJIS)
