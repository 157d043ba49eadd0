"""Indonesia's regions: every province, kabupaten and kota, found by name, alias or code.

The region table, ``data/regions.csv`` (after ``cahyadsn/wilayah``, MIT), lists all 552. It is
read on first use, and its names are folded on the first look-up by name: a query by year needs
neither.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar, overload

from attrs import frozen

from bkn_awards.errors import AmbiguousInstitutionError, QueryError, UnknownRegionError
from bkn_awards.layout import data_directory
from bkn_awards.lazy import Lazy
from bkn_awards.records import Institution, Shown
from bkn_awards.text import close_names, name_key, name_words
from bkn_awards.vocabulary import KIND_WORDS, REGIONAL_WORDS, InstitutionKind

__all__ = [
    "NO_DEFAULT",
    "Region",
    "named",
    "region",
    "region_names",
    "regions",
    "regions_by_code",
]

#: Stands for "no default given": a name not found is then an error.
NO_DEFAULT: Any = object()


@frozen(weakref_slot=False, repr=False)
class Region(Shown):
    """A province, kabupaten or kota of Indonesia, as the Kemendagri table lists it.

    Attributes:
        code: Kemendagri code: ``"33"`` for a province, ``"34.02"`` for a kabupaten or kota.
        name: The name without its kind (``"Bantul"``, ``"Jawa Tengah"``).
        kind: Province, regency or city.
        iso_3166_2: The ISO 3166-2 code of a province (``"ID-JT"``), else ``None``.
        aliases: Short and English names people write for a province (``"Jateng"``,
            ``"Central Java"``).

    Example:
        >>> region("Kab. Bantul")
        Region(code='34.02', name='Bantul', kind=<InstitutionKind.REGENCY: 'regency'>, iso_3166_2=None, aliases=())

    .. versionadded:: 0.2.0
    """  # noqa: E501

    code: str
    name: str
    kind: InstitutionKind
    iso_3166_2: str | None
    aliases: tuple[str, ...]

    @property
    def official_name(self) -> str:
        """The name of its government, such as ``"Pemerintah Kabupaten Bantul"``.

        .. versionadded:: 0.2.0
        """
        return f"Pemerintah {KIND_WORDS[self.kind][0].title()} {self.name}"

    @property
    def institution_id(self) -> str:
        """Its government's id, such as ``"kab-bantul"`` or ``"pemprov-bali"``.

        A province goes by its short form where it has one, the first of its aliases when that
        is one word (``"pemprov-jateng"``, ``"pemprov-diy"``), short enough for the ids of its
        awards; a kabupaten or kota by its name.

        .. versionadded:: 0.2.0
        .. versionchanged:: 0.3.0
           A province's short form, where it has one.
        """
        prefix = {"province": "pemprov", "regency": "kab", "city": "kota"}[self.kind.value]
        short = self.aliases[0] if self.aliases and " " not in self.aliases[0] else self.name
        return "-".join((prefix, *name_words(short)))

    @property
    def province_code(self) -> str:
        """The code of the province it is in (its own, for a province).

        .. versionadded:: 0.2.0
        """
        return self.code[:2]

    def government(self) -> Institution:
        """Its government as an institution, for a region the data holds no record of.

        Example:
            >>> region("Kab. Bantul").government().id
            'kab-bantul'

        .. versionadded:: 0.3.0
        """
        return Institution(
            id=self.institution_id,
            name=self.official_name,
            kind=self.kind,
            region_code=self.code,
            iso_3166_2=self.iso_3166_2,
            aliases=(),
        )

    def names(self) -> list[str]:
        """Every name that stands for it: bare, with its kind's words, its codes, its ISO code.

        A name comes bare, after each Indonesian word of its kind (``"Pemkab Bantul"``) and
        before the English one (``"Bantul regency"``).

        .. versionadded:: 0.2.0
        .. versionchanged:: 0.3.0
           The English word of its kind after a name (``"Central Java province"``).
        """
        words = KIND_WORDS[self.kind] + REGIONAL_WORDS[self.kind]
        bare = (self.name, *self.aliases)
        kinded = [f"{word} {name}" for name in bare for word in words]
        english = [f"{name} {self.kind.value}" for name in bare]
        codes = (self.code, self.code.replace(".", ""), self.iso_3166_2)
        return [*bare, *kinded, *english, *filter(None, codes)]


def _read_table() -> dict[str, Region]:
    import csv  # a query by year never reads the table: not worth its import on every start

    table = (data_directory() / "regions.csv").read_text(encoding="utf-8")
    found = [
        Region(
            row["code"],
            row["name"],
            InstitutionKind(row["kind"]),
            row["iso_3166_2"] or None,
            tuple(filter(None, row["aliases"].split(";"))),
        )
        for row in csv.DictReader(table.splitlines())
    ]
    return {r.code: r for r in sorted(found, key=lambda r: (len(r.code), r.code))}


def _fold_names() -> dict[str, tuple[Region, ...]]:
    found: dict[str, dict[str, Region]] = {}
    for r in regions_by_code().values():
        for name in r.names():
            found.setdefault(name_key(name), {})[r.code] = r
    return {key: tuple(by_code.values()) for key, by_code in found.items()}


_TABLE = Lazy(_read_table)
_NAMES = Lazy(_fold_names)


def regions_by_code() -> dict[str, Region]:
    """Every region by its code (``"35.15"``), read from the table on first use."""
    return _TABLE.get()


def named(key: str) -> tuple[Region, ...]:
    """The regions a name folded by `name_key` stands for: none, one or several."""
    return _NAMES.get().get(key, ())


def region_names() -> Iterable[tuple[str, tuple[Region, ...]]]:
    """Every folded name with the regions it stands for, the regions' first in code order."""
    return _NAMES.get().items()


def regions() -> tuple[Region, ...]:
    """Every region of the table, provinces first, each in code order.

    Example:
        >>> len(regions()), regions()[0].name
        (552, 'Aceh')

    .. versionadded:: 0.2.0
    """
    return tuple(regions_by_code().values())


D = TypeVar("D")


@overload
def region(text: str, *, kind: InstitutionKind | None = None) -> Region: ...


@overload
def region(text: str, default: D, *, kind: InstitutionKind | None = None) -> Region | D: ...


def region(text: str, default: Any = NO_DEFAULT, *, kind: InstitutionKind | None = None) -> Any:
    """Find the region a name, alias or code stands for (of `kind`, if given).

    Case, accents and punctuation do not count: ``"Kab. Bantul"``, ``"pemkot batu"``,
    ``"Jateng"``, ``"Central Java"``, ``"ID-JT"``, ``"34.02"`` and ``"3402"`` all name a region.
    A name not known is refused, with close names (or gives `default`); a name that fits
    several regions is refused all the same, as `bkn_awards.institution` does.

    Args:
        text: A name, alias or code, as people write it.
        default: What to give for a name no region (of `kind`) has, instead of an error.
        kind: The kind of region wanted: a name of a region of another kind is not known.

    Raises:
        QueryError: `text` is empty or not a string.
        UnknownRegionError: No region (of `kind`) has that name, and no `default` is given; the
            close names are its suggestions. A `LookupError`.
        AmbiguousInstitutionError: Several regions (of `kind`) have that name (``"Malang"``).

    Example:
        >>> region("Kaltara").name, region("Pemkot Batu").code
        ('Kalimantan Utara', '35.79')
        >>> region("Jawa Timr")
        Traceback (most recent call last):
        ...
        bkn_awards.errors.UnknownRegionError: no region is known as 'Jawa Timr'; did you mean 'Jawa Timur'?
        >>> region("Jawa Timr", None) is None
        True

    .. versionadded:: 0.2.0
    .. versionchanged:: 0.3.0
       A name not known raises `UnknownRegionError` unless a `default` is given (it gave
       ``None``); English names of provinces (``"East Java"``) are known.
    """  # noqa: E501
    if not isinstance(text, str) or not name_key(text):
        raise QueryError(f"a region is named by a non-empty text, not {text!r}")
    found = [r for r in named(name_key(text)) if kind is None or r.kind is kind]
    if len(found) > 1:
        raise AmbiguousInstitutionError(text, [r.official_name for r in found])
    if found:
        return found[0]
    if default is not NO_DEFAULT:
        return default
    what = "region" if kind is None else kind.value
    raise UnknownRegionError(text, _close(name_key(text), kind), kind=what)


#: How far below the closest name another may score and still be suggested (difflib's ratio).
_SUGGESTED_WITHIN = 0.1


def _close(key: str, kind: InstitutionKind | None, n: int = 3) -> list[str]:
    """Up to `n` regions of `kind` whose names come closest to a folded name not found.

    None for a name of a region of another kind (``"Bantul"`` as a province), or for a code:
    their spellings are not the slip. Each is written so that it finds its region alone:
    ``"Jawa Tengah"``, or ``"Kota Malang"`` where a kabupaten has the name too.
    """
    if named(key) or not any(c.isalpha() for c in key):
        return []
    import difflib  # only a name not found needs it

    names = {
        name: wanted
        for name, places in _NAMES.get().items()
        if not any(c.isdigit() for c in name)
        and (wanted := [p for p in places if kind is None or p.kind is kind])
    }
    found: dict[str, Region] = {}
    best = 0.0
    # Each region goes by many names ("pemkab bantul", "pemda kab bantul"): ask for enough.
    for close in close_names(key, names, 8 * n):
        score = difflib.SequenceMatcher(None, key, close).ratio()
        best = max(best, score)
        if score < best - _SUGGESTED_WITHIN:
            break  # best first: the rest are further still
        for place in names[close]:
            found.setdefault(place.code, place)
    return [_unique_name(place, kind) for place in list(found.values())[:n]]


def _unique_name(place: Region, kind: InstitutionKind | None) -> str:
    """The region's name, or its name after its kind's word where the name is shared."""
    if all(r is place for r in named(name_key(place.name)) if kind is None or r.kind is kind):
        return place.name
    return f"{KIND_WORDS[place.kind][0].title()} {place.name}"
