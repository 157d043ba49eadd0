"""Reading what people write: names without case, accents or punctuation, and news dates."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dateutil.parser import parserinfo

__all__ = [
    "MONTHS",
    "TIME_ZONES",
    "WEEKDAYS",
    "close_names",
    "mentions",
    "name_key",
    "name_score",
    "name_words",
    "parse_indonesian_datetime",
]

#: Indonesian weekday names, Monday (Senin) first, as `datetime.date.weekday` counts.
WEEKDAYS: tuple[str, ...] = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

#: Indonesian month names with the abbreviations newspapers print, January first.
MONTHS: tuple[tuple[str, ...], ...] = (
    ("Jan", "Januari"),
    ("Feb", "Februari", "Pebruari"),
    ("Mar", "Maret"),
    ("Apr", "April"),
    ("Mei",),
    ("Jun", "Juni"),
    ("Jul", "Juli"),
    ("Agu", "Agt", "Ags", "Agustus"),
    ("Sep", "Sept", "September"),
    ("Okt", "Oktober"),
    ("Nov", "Nopember", "November"),
    ("Des", "Desember"),
)

#: Indonesia's three time zones, as offsets from UTC in seconds.
TIME_ZONES: dict[str, int] = {"WIB": 7 * 3600, "WITA": 8 * 3600, "WIT": 9 * 3600}

# Indonesian news writes times with a dot ("pukul 15.30 WIB"); a dotted date ("08.06.2023") is
# left alone by requiring no digit or dot on either side.
_DOTTED_TIME = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{2})(?![\d.])")


def parse_indonesian_datetime(text: str) -> dt.datetime:
    """Parse a date, and time if given, written the Indonesian way.

    Day comes before month (``8/6/2023`` is 8 June); weekday and month names may be Indonesian
    (``Kamis``, ``Agu``, ``Desember``); times may use a dot (``15.30``); ``WIB``, ``WITA`` and
    ``WIT`` give the UTC offset. A text without a time gives midnight, and one without a zone gives
    a naive datetime.

    Args:
        text: The date as printed.

    Returns:
        The datetime it names.

    Raises:
        ValueError: `text` is not a date, or leaves out the day, month or year (a weekday with
            ``10/8`` does not fix a year: work that out and say so, as the data does).

    Example:
        >>> parse_indonesian_datetime("Kamis, 11 Agu 2022 18:36 WIB").isoformat()
        '2022-08-11T18:36:00+07:00'
        >>> parse_indonesian_datetime("17 Desember 2020").date()
        datetime.date(2020, 12, 17)

    .. versionadded:: 0.1.0
    """
    # Imported here, not at module level: `import bkn_awards` should not pay for dateutil.
    from dateutil import parser, tz

    zones = {name: tz.tzoffset(name, offset) for name, offset in TIME_ZONES.items()}
    cleaned = _DOTTED_TIME.sub(r"\1:\2", text)
    try:
        # dateutil fills a missing day, month or year from `default`: two different defaults
        # that give two different dates show that the text left one out.
        found = [
            parser.parse(cleaned, parserinfo=_parserinfo(), tzinfos=zones, default=default)
            for default in _DEFAULTS
        ]
    except (ValueError, OverflowError) as error:
        raise ValueError(f"not an Indonesian date: {text!r} ({error})") from error
    if found[0].date() != found[1].date():
        raise ValueError(f"not a full date (day, month and year): {text!r}")
    return found[0]


_DEFAULTS = (dt.datetime(2000, 1, 1), dt.datetime(2001, 2, 2))


@functools.cache
def _parserinfo() -> parserinfo:
    from dateutil.parser import parserinfo

    class IndonesianParserInfo(parserinfo):
        # dateutil reads these tables as class attributes; its stubs call them instance ones
        # (hence no ClassVar) and allow only month tuples of two or three names (hence Any).
        WEEKDAYS: Any = [(name[:3], name) for name in WEEKDAYS]  # noqa: RUF012
        MONTHS: Any = list(MONTHS)  # noqa: RUF012
        # Words that stand before a date or time in news text and carry no value of their own.
        JUMP = [*parserinfo.JUMP, "(", ")", "pukul", "pkl", "tanggal", "tgl"]  # noqa: RUF012

    return IndonesianParserInfo(dayfirst=True)


# Names: the keys names are compared by.

_NOT_WORD = re.compile(r"[^0-9a-z]+")


def name_key(text: str) -> str:
    """Fold `text` to the key names are compared by.

    Case, accents, punctuation and runs of spaces do not count, so ``"Kab. Sidoarjo"``,
    ``"kab sidoarjo"`` and ``"KAB.  SIDOARJO"`` share one key.

    Example:
        >>> name_key("Kab. Sidoarjo"), name_key("  KAB  sidoarjo ")
        ('kab sidoarjo', 'kab sidoarjo')
    """
    return " ".join(name_words(text))


def name_keys(text: str) -> list[str]:
    """The keys a written name is looked up by, in turn: whole, without brackets, each bracket.

    Example:
        >>> name_keys("Pemerintah Provinsi (Pemprov) Riau")
        ['pemerintah provinsi pemprov riau', 'pemerintah provinsi riau', 'pemprov']
    """
    inner = re.findall(r"\(([^()]*)\)", text)
    outer = re.sub(r"\([^()]*\)", " ", text)
    return list(dict.fromkeys(key for key in map(name_key, [text, outer, *inner]) if key))


def mentions(text: str, phrase: str) -> bool:
    """Tell whether `text` contains `phrase` as whole words, by `name_key`.

    Example:
        >>> mentions("Kab. Sidoarjo berhasil meraih Juara Pertama", "kab sidoarjo")
        True
        >>> mentions("Kota Madiun", "kota mad")
        False
    """
    key = name_key(phrase)
    return bool(key) and f" {key} " in f" {name_key(text)} "


def name_words(text: str) -> tuple[str, ...]:
    """Split `text` into folded words (see `name_key`).

    Example:
        >>> name_words("Penerapan Pemanfaatan Data-Sistem Informasi")
        ('penerapan', 'pemanfaatan', 'data', 'sistem', 'informasi')
    """
    folded = text.casefold()
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return tuple(word for word in _NOT_WORD.split(folded) if word)


def name_score(query: str, name: str) -> float:
    """How well a folded `query` names a folded `name`, from 0 to 1 (1: the same).

    Every word of the query found in the name scores at least 0.75, more the more of the name
    it covers; otherwise the score is how alike the two are as text.

    Example:
        >>> name_score("sidoarjo", "kab sidoarjo"), round(name_score("sidoarjp", "sidoarjo"), 3)
        (0.917, 0.875)
    """
    if query == name:
        return 1.0
    if set(query.split()) <= set(name.split()):
        return round(0.75 + 0.25 * len(query) / len(name), 3)
    if len(query) > 200:  # difflib's time grows with the text, for nothing
        return 0.0
    import difflib  # only a search or a name not found needs it

    return round(difflib.SequenceMatcher(None, query, name).ratio(), 3)


def close_names(text: str, candidates: Iterable[str], n: int) -> list[str]:
    """The candidates close to `text`, best first; none for a text longer than any name."""
    if len(text) > 200:
        return []
    import difflib

    return difflib.get_close_matches(text, candidates, n=n, cutoff=0.6)
