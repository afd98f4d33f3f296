"""Page names, icons, url paths and order, derived from file names as Streamlit does.

Streamlit 1.67's ``streamlit/source_util.py`` (``page_sort_key``,
``page_icon_and_name``) and ``navigation/page.py`` (``_sanitize_url_path``). The
compiler (which writes one static entry per page) and the runtime (which routes)
both call these, so a page's URL is the same on both sides. Plain Python, no ``js``.

Streamlit finds a leading emoji with a regex over every emoji of Unicode's list
(86 kB); we recognise one by its first code point (a table of 147 ranges) followed
by its modifiers, keycap, flag pair and zero-width joiners, which agrees with
Streamlit on every emoji of that list.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from pathlib import PurePath

__all__ = [
    "COMPONENTS_PATH",
    "PAGE_FILENAME",
    "extract_leading_emoji",
    "is_page_script",
    "page_hash",
    "page_icon_and_name",
    "page_sort_key",
    "pages_folder_scripts",
    "sanitize_url_path",
]

# where the site keeps custom components' frontends: <this>/site-packages/<path as
# installed> and <this>/app/<path in the app folder> (compiler.resolve._components)
COMPONENTS_PATH = "stc/components"
PAGE_FILENAME = re.compile(r"([0-9]*)[_ -]*(.*)\.py")

_ZWJ = "\u200d"
_MODIFIERS = frozenset({"\ufe0f", "\ufe0e", "\u20e3"})
# The first code point of every emoji in Streamlit 1.67's list (streamlit/emojis.py,
# from Unicode's emoji-test.txt), as ranges: generated once, like _registry.NOT_YET.
_EMOJI_STARTS: tuple[tuple[int, int], ...] = (
    (0xA9, 0xA9),
    (0xAE, 0xAE),
    (0x203C, 0x203C),
    (0x2049, 0x2049),
    (0x2122, 0x2122),
    (0x2139, 0x2139),
    (0x2194, 0x2199),
    (0x21A9, 0x21AA),
    (0x231A, 0x231B),
    (0x2328, 0x2328),
    (0x23CF, 0x23CF),
    (0x23E9, 0x23F3),
    (0x23F8, 0x23FA),
    (0x24C2, 0x24C2),
    (0x25AA, 0x25AB),
    (0x25B6, 0x25B6),
    (0x25C0, 0x25C0),
    (0x25FB, 0x25FE),
    (0x2600, 0x2604),
    (0x260E, 0x260E),
    (0x2611, 0x2611),
    (0x2614, 0x2615),
    (0x2618, 0x2618),
    (0x261D, 0x261D),
    (0x2620, 0x2620),
    (0x2622, 0x2623),
    (0x2626, 0x2626),
    (0x262A, 0x262A),
    (0x262E, 0x262F),
    (0x2638, 0x263A),
    (0x2640, 0x2640),
    (0x2642, 0x2642),
    (0x2648, 0x2653),
    (0x265F, 0x2660),
    (0x2663, 0x2663),
    (0x2665, 0x2666),
    (0x2668, 0x2668),
    (0x267B, 0x267B),
    (0x267E, 0x267F),
    (0x2692, 0x2697),
    (0x2699, 0x2699),
    (0x269B, 0x269C),
    (0x26A0, 0x26A1),
    (0x26A7, 0x26A7),
    (0x26AA, 0x26AB),
    (0x26B0, 0x26B1),
    (0x26BD, 0x26BE),
    (0x26C4, 0x26C5),
    (0x26C8, 0x26C8),
    (0x26CE, 0x26CF),
    (0x26D1, 0x26D1),
    (0x26D3, 0x26D4),
    (0x26E9, 0x26EA),
    (0x26F0, 0x26F5),
    (0x26F7, 0x26FA),
    (0x26FD, 0x26FD),
    (0x2702, 0x2702),
    (0x2705, 0x2705),
    (0x2708, 0x270D),
    (0x270F, 0x270F),
    (0x2712, 0x2712),
    (0x2714, 0x2714),
    (0x2716, 0x2716),
    (0x271D, 0x271D),
    (0x2721, 0x2721),
    (0x2728, 0x2728),
    (0x2733, 0x2734),
    (0x2744, 0x2744),
    (0x2747, 0x2747),
    (0x274C, 0x274C),
    (0x274E, 0x274E),
    (0x2753, 0x2755),
    (0x2757, 0x2757),
    (0x2763, 0x2764),
    (0x2795, 0x2797),
    (0x27A1, 0x27A1),
    (0x27B0, 0x27B0),
    (0x27BF, 0x27BF),
    (0x2934, 0x2935),
    (0x2B05, 0x2B07),
    (0x2B1B, 0x2B1C),
    (0x2B50, 0x2B50),
    (0x2B55, 0x2B55),
    (0x3030, 0x3030),
    (0x303D, 0x303D),
    (0x3297, 0x3297),
    (0x3299, 0x3299),
    (0x1F004, 0x1F004),
    (0x1F0CF, 0x1F0CF),
    (0x1F170, 0x1F171),
    (0x1F17E, 0x1F17F),
    (0x1F18E, 0x1F18E),
    (0x1F191, 0x1F19A),
    (0x1F1E6, 0x1F1FF),
    (0x1F201, 0x1F202),
    (0x1F21A, 0x1F21A),
    (0x1F22F, 0x1F22F),
    (0x1F232, 0x1F23A),
    (0x1F250, 0x1F251),
    (0x1F300, 0x1F321),
    (0x1F324, 0x1F393),
    (0x1F396, 0x1F397),
    (0x1F399, 0x1F39B),
    (0x1F39E, 0x1F3F0),
    (0x1F3F3, 0x1F3F5),
    (0x1F3F7, 0x1F4FD),
    (0x1F4FF, 0x1F53D),
    (0x1F549, 0x1F54E),
    (0x1F550, 0x1F567),
    (0x1F56F, 0x1F570),
    (0x1F573, 0x1F57A),
    (0x1F587, 0x1F587),
    (0x1F58A, 0x1F58D),
    (0x1F590, 0x1F590),
    (0x1F595, 0x1F596),
    (0x1F5A4, 0x1F5A5),
    (0x1F5A8, 0x1F5A8),
    (0x1F5B1, 0x1F5B2),
    (0x1F5BC, 0x1F5BC),
    (0x1F5C2, 0x1F5C4),
    (0x1F5D1, 0x1F5D3),
    (0x1F5DC, 0x1F5DE),
    (0x1F5E1, 0x1F5E1),
    (0x1F5E3, 0x1F5E3),
    (0x1F5E8, 0x1F5E8),
    (0x1F5EF, 0x1F5EF),
    (0x1F5F3, 0x1F5F3),
    (0x1F5FA, 0x1F64F),
    (0x1F680, 0x1F6C5),
    (0x1F6CB, 0x1F6D2),
    (0x1F6D5, 0x1F6D9),
    (0x1F6DC, 0x1F6E5),
    (0x1F6E9, 0x1F6E9),
    (0x1F6EB, 0x1F6EC),
    (0x1F6F0, 0x1F6F0),
    (0x1F6F3, 0x1F6FC),
    (0x1F7E0, 0x1F7EB),
    (0x1F7F0, 0x1F7F0),
    (0x1F90C, 0x1F93A),
    (0x1F93C, 0x1F945),
    (0x1F947, 0x1F9FF),
    (0x1FA70, 0x1FA7C),
    (0x1FA80, 0x1FAC6),
    (0x1FAC8, 0x1FAC8),
    (0x1FACC, 0x1FADD),
    (0x1FADF, 0x1FAEB),
    (0x1FAEF, 0x1FAFA),
)
_STARTS_LOW = [low for low, _ in _EMOJI_STARTS]


def _is_pictograph(char: str) -> bool:
    code = ord(char)
    index = bisect.bisect_right(_STARTS_LOW, code) - 1
    return index >= 0 and code <= _EMOJI_STARTS[index][1]


def _is_modifier(char: str) -> bool:
    code = ord(char)
    return char in _MODIFIERS or 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F


def extract_leading_emoji(text: str) -> tuple[str, str]:
    """``("📈", "Charts")`` for ``"📈_Charts"``: the leading emoji, then the rest
    without the ``[_ -]*`` separator (Streamlit's ``extract_leading_emoji``)."""
    if not text or text.isascii():
        return "", text
    end = 0
    flags = 0
    while end < len(text):
        char = text[end]
        if 0x1F1E6 <= ord(char) <= 0x1F1FF:
            if flags == 2:
                break
            flags += 1
        elif end == 0 or text[end - 1] == _ZWJ:
            presented = text[end + 1 : end + 2] in ("\ufe0f", "\u20e3")
            if not (_is_pictograph(char) or (presented and not _is_modifier(char))):
                break
        elif not (_is_modifier(char) or char == _ZWJ):
            break
        end += 1
    if text[:end].endswith(_ZWJ):
        end -= 1
    if end == 0:
        return "", text
    return text[:end], text[end:].lstrip("_ -")


def page_sort_key(script: PurePath) -> tuple[float, str]:
    """Order of ``pages/`` files: by their number prefix, then by name."""
    found = PAGE_FILENAME.findall(script.name)
    if not found:
        return (float("inf"), script.name.lower())
    number, label = found[0]
    return (float(number) if number else float("inf"), label.lower())


def page_icon_and_name(script: PurePath) -> tuple[str, str]:
    """``("📈", "Charts")`` for ``1_📈_Charts.py``; the name keeps its underscores
    (it is the url path; titles replace them with spaces)."""
    found = PAGE_FILENAME.search(script.name)
    if found is None:
        return "", ""
    icon_and_name = re.sub(r"[_ ]+", "_", found.group(2)).strip() or found.group(1)
    return extract_leading_emoji(icon_and_name)


def sanitize_url_path(title: str) -> str:
    """The url path Streamlit derives from an external page's title."""
    path = re.sub(r"\s+", "_", title.lower())
    path = re.sub(r"[&#?/\\:*\"<>|']", "", path).strip("_")
    return re.sub(r"_+", "_", path)


def page_hash(url_path: str) -> str:
    """A page's identity: its url path, hashed (Streamlit's ``Page._script_hash``)."""
    return hashlib.md5(url_path.encode(), usedforsecurity=False).hexdigest()


def pages_folder_scripts(names: list[str]) -> list[str]:
    """The ``pages/`` file names that are pages, in navigation order.

    Files whose keys tie (``1_Data.py``, ``01_Data.py``) come in name order; Streamlit
    keeps the order of ``glob``, which the file system decides, so this is where a
    build and the page it writes agree with each other and with every run."""
    scripts = [
        n for n in names if n.endswith(".py") and not n.startswith(".") and n != "__init__.py"
    ]
    return sorted(sorted(scripts), key=lambda n: page_sort_key(PurePath(n)))


def is_page_script(rel: str) -> bool:
    """*rel* (relative to the app folder) is a ``pages/`` file Streamlit runs as a page."""
    folder, _, name = rel.partition("/")
    return folder == "pages" and "/" not in name and bool(pages_folder_scripts([name]))
