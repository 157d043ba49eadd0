"""The fixed terms of the data: kinds of government, category themes, and Indonesia's regions.

The region table, ``data/regions.csv`` (after ``cahyadsn/wilayah``, MIT), lists all 552.
"""

from __future__ import annotations

import enum
import os
import threading
from typing import TYPE_CHECKING, TypeVar

from attrs import frozen

from bkn_awards.errors import AmbiguousInstitutionError, QueryError, UnknownInstitutionError
from bkn_awards.text import close_names, name_key, name_words

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = [
    "EventKind",
    "InstitutionKind",
    "Region",
    "Theme",
    "data_directory",
    "named",
    "province_named",
    "region",
    "regions",
    "regions_by_code",
    "term",
]


class InstitutionKind(enum.Enum):
    """What level of government an institution is.

    The Indonesian words and abbreviations people write name a kind too, in any case.

    Example:
        >>> InstitutionKind("regency"), InstitutionKind("Pemkab")
        (<InstitutionKind.REGENCY: 'regency'>, <InstitutionKind.REGENCY: 'regency'>)

    .. versionadded:: 0.1.0
    """

    #: A national ministry (kementerian).
    MINISTRY = "ministry"
    #: A national agency (badan, lembaga), such as BKN itself.
    AGENCY = "agency"
    #: A provincial government (pemerintah provinsi, "Pemprov").
    PROVINCE = "province"
    #: A regency government (pemerintah kabupaten, "Pemkab").
    REGENCY = "regency"
    #: A city government (pemerintah kota, "Pemkot").
    CITY = "city"

    __hash__ = object.__hash__  # see Theme

    @classmethod
    def _missing_(cls, value: object) -> InstitutionKind | None:
        key = str(value).casefold().strip(" .")
        return _INDONESIAN_KINDS.get(key) or next((k for k in cls if k.value == key), None)


class EventKind(enum.Enum):
    """What happened at an event: ``EventKind("handover")`` is `EventKind.HANDOVER`.

    .. versionadded:: 0.1.0
    """

    #: The award ceremony of an edition (ajang, penganugerahan).
    CEREMONY = "ceremony"
    #: A separate handing over of awards already announced (penyerahan).
    HANDOVER = "handover"

    __hash__ = object.__hash__  # see Theme


#: The Indonesian words and abbreviations for each kind, as people write them; the first is
#: the word of the official name ("Pemerintah Kabupaten Bantul").
_KIND_WORDS: dict[InstitutionKind, tuple[str, ...]] = {
    InstitutionKind.MINISTRY: ("kementerian", "kemen"),
    InstitutionKind.AGENCY: ("badan", "lembaga"),
    InstitutionKind.PROVINCE: ("provinsi", "prov", "pemprov", "pemerintah provinsi"),
    InstitutionKind.REGENCY: ("kabupaten", "kab", "pemkab", "pemerintah kabupaten"),
    InstitutionKind.CITY: ("kota", "pemkot", "pemko", "pemerintah kota"),
}
#: Words of a regional government's name that say no more than "regional government".
_REGIONAL_WORDS: dict[InstitutionKind, tuple[str, ...]] = {
    InstitutionKind.PROVINCE: ("pemerintah daerah", "pemda", "pemerintah daerah provinsi"),
    InstitutionKind.REGENCY: ("pemerintah daerah kabupaten", "pemda kabupaten", "pemda kab"),
    InstitutionKind.CITY: ("pemerintah daerah kota", "pemda kota"),
}
_INDONESIAN_KINDS = {word: kind for kind, words in _KIND_WORDS.items() for word in words}


class Theme(enum.Enum):
    """What a category judges, the same across editions whatever the year's wording.

    .. versionadded:: 0.2.0
    """

    #: Planning, procurement, transfers, promotions and pensions (perencanaan, mutasi...).
    PLANNING = "planning"
    #: Performance management (penilaian or manajemen kinerja).
    PERFORMANCE = "performance"
    #: Competency assessment and development (penilaian, pengembangan kompetensi).
    COMPETENCY = "competency"
    #: Staff information systems and computer-assisted tests (SAPK, SIASN, data, CAT).
    INFORMATION_SYSTEMS = "information-systems"
    #: Supervision and control (pengawasan dan pengendalian).
    SUPERVISION = "supervision"
    #: Civil-service management as a whole, the main or only category of an edition.
    ASN_MANAGEMENT = "asn-management"
    #: A special mention (pengakuan khusus) outside the ranked categories.
    SPECIAL_MENTION = "special-mention"

    # A member equals only itself: hashed in C by identity, not by Enum's Python-level hash.
    __hash__ = object.__hash__


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
        return f"Pemerintah {_KIND_WORDS[self.kind][0].title()} {self.name}"

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

    def names(self) -> list[str]:
        """Every name that stands for it: bare or after its kind's words, its codes, its ISO.

        .. versionadded:: 0.2.0
        """
        words = _KIND_WORDS[self.kind] + _REGIONAL_WORDS[self.kind]
        bare = (self.name, *self.aliases)
        codes = (self.code, self.code.replace(".", ""), self.iso_3166_2)
        return [*bare, *(f"{word} {name}" for name in bare for word in words), *filter(None, codes)]


_by_code: dict[str, Region] | None = None
_by_name: dict[str, tuple[Region, ...]] | None = None
_lock = threading.Lock()


def regions_by_code() -> dict[str, Region]:
    """Every region by its code (``"35.15"``), read on first use, once, whatever the threads."""
    global _by_code
    if _by_code is None:
        import csv  # a query by year never reads the table: not worth its import on every start

        with _lock:
            if _by_code is None:
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
                _by_code = {r.code: r for r in sorted(found, key=lambda r: (len(r.code), r.code))}
    return _by_code


def named(key: str) -> tuple[Region, ...]:
    """The regions a name folded by `name_key` stands for: none, one or several.

    The names are folded on the first look-up by name: a query by year needs only the codes.
    """
    global _by_name
    if _by_name is None:
        found: dict[str, dict[str, Region]] = {}
        for r in regions_by_code().values():
            for name in r.names():
                found.setdefault(name_key(name), {})[r.code] = r
        with _lock:
            _by_name = {key: tuple(by_code.values()) for key, by_code in found.items()}
    return _by_name.get(key, ())


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


def province_named(text: str) -> Region:
    """The province a name, alias or code stands for; `UnknownInstitutionError` if none."""
    found = region(text, kind=InstitutionKind.PROVINCE)
    if found is None:
        provinces = [r.name for r in regions() if r.kind is InstitutionKind.PROVINCE]
        raise UnknownInstitutionError(f"province {text}", close_names(text.title(), provinces, 3))
    return found


E = TypeVar("E", bound=enum.Enum)


def term(terms: type[E], value: E | str, name: str) -> E:
    """Read a query's `name` filter as one of `terms` (``"city"``, ``"kota"``), or refuse it."""
    try:
        return terms(value)
    except ValueError:
        known = ", ".join(str(t.value) for t in terms)
        raise QueryError(f"{name} must be one of {known}, not {value!r}") from None


def data_directory() -> Traversable:
    """The directory of the data files that ship with the package.

    Where the package is a plain directory, as pip installs it, that is its own ``data``
    directory, the one importlib-resources would find: importing importlib-resources would cost
    a fifth of the first query's time. Any other form of the package (a zip file, say) is left
    to importlib-resources.
    """
    directory = os.path.join(os.path.dirname(__file__), "data")
    if os.path.isdir(directory):
        import pathlib

        return pathlib.Path(directory)
    import importlib_resources

    return importlib_resources.files("bkn_awards") / "data"
