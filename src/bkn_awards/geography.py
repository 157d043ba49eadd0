"""Indonesia's regions: every province, kabupaten and kota, found by name, alias or code.

The region table, ``data/regions.csv`` (after ``cahyadsn/wilayah``, MIT), lists all 552. It is
read on first use, and its names are folded on the first look-up by name: a query by year needs
neither.
"""

from __future__ import annotations

from attrs import frozen

from bkn_awards.errors import AmbiguousInstitutionError, QueryError
from bkn_awards.layout import data_directory
from bkn_awards.lazy import Lazy
from bkn_awards.records import Institution
from bkn_awards.text import name_key, name_words
from bkn_awards.vocabulary import KIND_WORDS, REGIONAL_WORDS, InstitutionKind

__all__ = ["Region", "named", "region", "regions", "regions_by_code"]


@frozen
class Region:
    """A province, kabupaten or kota of Indonesia, as the Kemendagri table lists it.

    Attributes:
        code: Kemendagri code: ``"33"`` for a province, ``"34.02"`` for a kabupaten or kota.
        name: The name without its kind (``"Bantul"``, ``"Jawa Tengah"``).
        kind: Province, regency or city.
        iso_3166_2: The ISO 3166-2 code of a province (``"ID-JT"``), else ``None``.
        aliases: Short names people write for a province (``"Jateng"``).

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
        """The id of its government's record, such as ``"kab-bantul"`` or ``"pemprov-bali"``.

        .. versionadded:: 0.2.0
        """
        prefix = {"province": "pemprov", "regency": "kab", "city": "kota"}[self.kind.value]
        return "-".join((prefix, *name_words(self.name)))

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
        """Every name that stands for it: bare or after its kind's words, its codes, its ISO.

        .. versionadded:: 0.2.0
        """
        words = KIND_WORDS[self.kind] + REGIONAL_WORDS[self.kind]
        bare = (self.name, *self.aliases)
        codes = (self.code, self.code.replace(".", ""), self.iso_3166_2)
        return [*bare, *(f"{word} {name}" for name in bare for word in words), *filter(None, codes)]


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


def regions() -> tuple[Region, ...]:
    """Every region of the table, provinces first, each in code order.

    Example:
        >>> len(regions()), regions()[0].name
        (552, 'Aceh')

    .. versionadded:: 0.2.0
    """
    return tuple(regions_by_code().values())


def region(text: str, *, kind: InstitutionKind | None = None) -> Region | None:
    """The region a name, alias or code stands for (of `kind`, if given), or ``None``.

    Case, accents and punctuation do not count: ``"Kab. Bantul"``, ``"pemkot batu"``,
    ``"Jateng"``, ``"ID-JT"``, ``"34.02"`` and ``"3402"`` all name a region.

    Raises:
        QueryError: `text` is empty or not a string.
        AmbiguousInstitutionError: Several regions have that name (``"Malang"``).

    Example:
        >>> region("Kaltara").name, region("Pemkot Batu").code
        ('Kalimantan Utara', '35.79')

    .. versionadded:: 0.2.0
    """
    if not isinstance(text, str) or not name_key(text):
        raise QueryError(f"a region is named by a non-empty text, not {text!r}")
    found = [r for r in named(name_key(text)) if kind is None or r.kind is kind]
    if len(found) > 1:
        raise AmbiguousInstitutionError(text, [r.official_name for r in found])
    return found[0] if found else None
