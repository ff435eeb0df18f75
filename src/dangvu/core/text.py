"""Text helpers shared by every area: folding Vietnamese for search without diacritics."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case, strip diacritics, đ -> d, collapse white space.

    >>> fold("Tỉnh ủy  Yên Bái")
    'tinh uy yen bai'
    """
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    return _SPACES.sub(" ", stripped).strip().lower()


def search_tokens(query: str) -> list[str]:
    """The folded words of a search query; each must appear in the folded target."""
    return [t for t in fold(query).split(" ") if t]
