"""Vietnamese typed in the legacy 8-bit font encodings, converted to Unicode (NFC).

Before Unicode, offices typed Vietnamese in fonts whose Latin-1 code points draw
Vietnamese letters: TCVN3 (ABC; fonts `.VnTime`, `.VnArial`, capitals in `.VnTimeH`,
`.VnArialH`) gives each letter one code point (µ is à, ¸ is á, ­ is ư); VNI (fonts
`VNI-Times`, `VNI-Helve`) writes a base letter then a mark (aø is à, eä is ệ, ö is ư).
In a .docx the runs carry the font name; a .txt carries only bytes, so its encoding is
guessed from their statistics (`guess_bytes`). The tables are data below; no Django here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

__all__ = [
    "TCVN3",
    "VNI",
    "convert",
    "font_encoding",
    "guess_bytes",
    "is_legacy_text",
]

TCVN3 = "tcvn3"
VNI = "vni"

# --- TCVN3 (ABC) -----------------------------------------------------------------------
# Each pair: the legacy code points (as Latin-1 characters), then the Unicode letters.
# Toned capitals have no code points of their own: a capitals font (.VnTimeH) draws the
# small letters' code points as capitals.
_TCVN3_ROWS = (
    ("µ¸¶·¹", "àáảãạ"),
    ("¨»¾¼½Æ", "ăằắẳẵặ"),
    ("©ÇÊÈÉË", "âầấẩẫậ"),
    ("®", "đ"),
    ("ÌÐÎÏÑ", "èéẻẽẹ"),
    ("ªÒÕÓÔÖ", "êềếểễệ"),
    ("×ÝØÜÞ", "ìíỉĩị"),
    ("ßãáâä", "òóỏõọ"),
    ("«åèæçé", "ôồốổỗộ"),
    ("¬êíëìî", "ơờớởỡợ"),
    ("ïóñòô", "ùúủũụ"),
    ("\u00adõøö÷ù", "ưừứửữự"),
    ("úýûüþ", "ỳýỷỹỵ"),
    ("¡¢£¤¥¦§", "ĂÂÊÔƠƯĐ"),
)

# --- VNI (VNI Windows) -----------------------------------------------------------------
# A vowel then its mark: the marks for the five tones (sắc, huyền, hỏi, ngã, nặng) after
# a plain vowel, and the marks that also add a circumflex (â, ê, ô) or a breve (ă).
_VNI_TONES = ("ùøûõï", "\u0301\u0300\u0309\u0303\u0323")
_VNI_CIRCUMFLEX = ("âáàåãä", "\u0302")  # first: the circumflex alone, then with a tone
_VNI_BREVE = ("êéèúüë", "\u0306")
# Letters written as one code point: ơ, ư, đ, and i and ỵ with their tones.
_VNI_SINGLE = (
    ("ôöñíìæóòî", "ơưđíìỉĩịỵ"),
    ("ÔÖÑÍÌÆÓÒÎ", "ƠƯĐÍÌỈĨỊỴ"),
)

# Characters that mark a byte stream as TCVN3 (small vowels, ă â ê ô ơ ư đ: in running
# text most of its high bytes) or, after a vowel, as VNI's marks.
_TCVN3_SIGNS = frozenset(range(0xA1, 0xC0))
_VNI_MARKS = frozenset("ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË".encode("latin-1"))
# ư and đ, which Windows-1258 text hardly has (ö, ñ); not ơ, whose ô is its ô.
_VNI_SINGLES = frozenset("öñÖÑ".encode("latin-1"))
_VNI_BASES = frozenset(b"aeouyAEOUY" + "ôöÔÖ".encode("latin-1"))
_TCVN3_SHARE = 0.25
_VNI_SHARE = 0.4
_MIN_HIGH = 3


@cache
def _tcvn3_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for legacy, letters in _TCVN3_ROWS:
        for code, letter in zip(legacy, letters, strict=True):
            table[ord(code)] = letter
    return table


@cache
def _vni_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    pairs: dict[str, str] = {}
    for vowel in "aeouyAEOUY":  # i takes its tones as one code point (_VNI_SINGLE)
        for mark, tone in zip(*_VNI_TONES, strict=True):
            for written in {mark, mark.upper()}:
                pairs[vowel + written] = vowel + tone
    for vowel in "aeoAEO":
        for marks, accent in (_VNI_CIRCUMFLEX, _VNI_BREVE):
            if vowel in "eoEO" and accent == "\u0306":
                continue
            tones = ("", *_VNI_TONES[1])
            for mark, tone in zip(marks, tones, strict=True):
                for written in {mark, mark.upper()}:
                    pairs[vowel + written] = vowel + accent + tone
    for legacy, letters in _VNI_SINGLE:
        for code, letter in zip(legacy, letters, strict=True):
            pairs[code] = letter
    for base in "ôöÔÖ":  # ơ and ư with a tone
        plain = pairs[base]
        for mark, tone in zip(*_VNI_TONES, strict=True):
            for written in {mark, mark.upper()}:
                pairs[base + written] = plain + tone
    pairs = {k: unicodedata.normalize("NFC", v) for k, v in pairs.items() if k != v}
    ordered = sorted(pairs, key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in ordered)), pairs


def font_encoding(font: str | None) -> tuple[str, bool] | None:
    """(encoding, capitals) for a legacy font's name: `.VnTime` -> (tcvn3, False),
    `.VnTimeH` -> (tcvn3, True), `VNI-Times` -> (vni, False); None for any other font."""
    if not font:
        return None
    name = font.strip()
    bare = name.lstrip(".").lower()
    if bare.startswith("vni-") or bare.startswith("vni "):
        return VNI, False
    if bare.startswith("vn") and not bare.startswith("vni"):
        return TCVN3, name.endswith("H")
    return None


_UNICODE_LETTERS = re.compile("[\u0100-\u024f\u1e00-\u1eff]")


def is_legacy_text(text: str) -> bool:
    """Whether text in a legacy font's run needs converting: it has code points past
    ASCII, and no letters of Unicode's Vietnamese ranges (a document converted to Unicode
    that kept the old font's name: ư, đ, ộ are already there)."""
    return any(ord(ch) >= 0x80 for ch in text) and not _UNICODE_LETTERS.search(text)


def convert(text: str, encoding: str, *, capitals: bool = False) -> str:
    """Text typed in a legacy font, as Unicode NFC. Characters above Latin-1 (already
    Unicode: a symbol inserted later) are left as they are."""
    if encoding == TCVN3:
        out = text.translate(_tcvn3_table())
        if capitals:
            out = out.upper()
    elif encoding == VNI:
        pattern, pairs = _vni_pattern()
        out = pattern.sub(lambda m: pairs[m.group(0)], text)
    else:
        raise ValueError(f"unknown legacy encoding {encoding!r}")
    return unicodedata.normalize("NFC", out)


def guess_bytes(data: bytes) -> str | None:
    """TCVN3 or VNI when the bytes of a text (not UTF-8) look typed in it, else None.

    TCVN3 puts the commonest Vietnamese letters (à á ả ã ạ, ă â ê ô ơ ư đ) at 0xA1-0xBF,
    where Windows-1258 has symbols a text hardly uses: a quarter of the high bytes there
    is TCVN3. VNI follows a vowel with a mark byte: most of its high bytes do so, while
    in Windows-1258 text the high bytes are mostly vowels of their own."""
    high = [i for i, b in enumerate(data) if b >= 0x80]
    if len(high) < _MIN_HIGH:
        return None
    signs = sum(1 for i in high if data[i] in _TCVN3_SIGNS)
    if signs >= _TCVN3_SHARE * len(high):
        return TCVN3
    marks = sum(1 for i in high if data[i] in _VNI_MARKS and i and data[i - 1] in _VNI_BASES)
    singles = sum(1 for i in high if data[i] in _VNI_SINGLES)
    if marks + singles >= _VNI_SHARE * len(high) and marks:
        return VNI
    return None
