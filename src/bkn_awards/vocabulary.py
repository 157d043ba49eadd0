"""The fixed terms of the data: kinds of government and event, themes of categories, groups."""

from __future__ import annotations

import enum
from typing import TypeVar

__all__ = ["KIND_WORDS", "REGIONAL_WORDS", "EventKind", "Group", "InstitutionKind", "Theme"]


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
KIND_WORDS: dict[InstitutionKind, tuple[str, ...]] = {
    InstitutionKind.MINISTRY: ("kementerian", "kemen"),
    InstitutionKind.AGENCY: ("badan", "lembaga"),
    InstitutionKind.PROVINCE: ("provinsi", "prov", "pemprov", "pemerintah provinsi"),
    InstitutionKind.REGENCY: ("kabupaten", "kab", "pemkab", "pemerintah kabupaten"),
    InstitutionKind.CITY: ("kota", "pemkot", "pemko", "pemerintah kota"),
}
#: Words of a regional government's name that say no more than "regional government".
REGIONAL_WORDS: dict[InstitutionKind, tuple[str, ...]] = {
    InstitutionKind.PROVINCE: ("pemerintah daerah", "pemda", "pemerintah daerah provinsi"),
    InstitutionKind.REGENCY: ("pemerintah daerah kabupaten", "pemda kabupaten", "pemda kab"),
    InstitutionKind.CITY: ("pemerintah daerah kota", "pemda kota"),
}
_INDONESIAN_KINDS = {word: kind for kind, words in KIND_WORDS.items() for word in words}


class Theme(enum.Enum):
    """What a category judges, the same across editions whatever the year's wording.

    A theme is named by its value in any case, with spaces or underscores for its hyphens, as
    kinds are.

    Example:
        >>> Theme("competency"), Theme("Information Systems")
        (<Theme.COMPETENCY: 'competency'>, <Theme.INFORMATION_SYSTEMS: 'information-systems'>)

    .. versionadded:: 0.2.0
    .. versionchanged:: 0.3.0
       Case, spaces and underscores do not count (``Theme("Competency")``).
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

    @classmethod
    def _missing_(cls, value: object) -> Theme | None:
        return _in_any_case(cls, value)


T = TypeVar("T", bound=enum.Enum)


def _in_any_case(terms: type[T], value: object) -> T | None:
    """The term of `terms` whose value `value` is, in any case, with spaces or ``_`` for ``-``."""
    if not isinstance(value, str):
        return None
    key = "-".join(value.casefold().replace("_", " ").replace("-", " ").split())
    return next((term for term in terms if term.value == key), None)


class Group(enum.Enum):
    """The group an award was competed in: a level of government, by type or size where used.

    BKN has ranked institutions within groups since 2018: by level of government (2018 to
    2020), by type A, B and C within each level (2021), and by size, and for regencies by west
    and east, from 2022. A report's own wording is kept beside the group (`Award.group_label`).
    The value is read in any case, with spaces or underscores for its hyphens
    (``Group("Regencies Type A")``), as a `Theme` is.

    .. versionadded:: 0.3.0
    """

    #: Ministries (tingkat kementerian).
    MINISTRIES = "ministries"
    #: Non-ministerial agencies (tingkat LPNK, lembaga).
    AGENCIES = "agencies"
    #: Provincial governments, no type given (tingkat provinsi).
    PROVINCES = "provinces"
    #: Provincial governments of type A (provinsi tipe A, 2021).
    PROVINCES_TYPE_A = "provinces-type-a"
    #: Provincial governments of type B (provinsi tipe B, 2021).
    PROVINCES_TYPE_B = "provinces-type-b"
    #: Provincial governments of type C (provinsi tipe C, 2021).
    PROVINCES_TYPE_C = "provinces-type-c"
    #: Large provincial governments (provinsi tipe besar, from 2022).
    PROVINCES_LARGE = "provinces-large"
    #: Small provincial governments (provinsi tipe kecil, from 2022).
    PROVINCES_SMALL = "provinces-small"
    #: Regency governments, no type given (tingkat kabupaten).
    REGENCIES = "regencies"
    #: Regency governments of type A (kabupaten tipe A, 2021).
    REGENCIES_TYPE_A = "regencies-type-a"
    #: Regency governments of type B (kabupaten tipe B, 2021).
    REGENCIES_TYPE_B = "regencies-type-b"
    #: Regency governments of type C (kabupaten tipe C, 2021).
    REGENCIES_TYPE_C = "regencies-type-c"
    #: Large regency governments of the west (kabupaten wilayah barat tipe besar, from 2022).
    REGENCIES_WEST_LARGE = "regencies-west-large"
    #: Small regency governments of the west (kabupaten wilayah barat tipe kecil, from 2022).
    REGENCIES_WEST_SMALL = "regencies-west-small"
    #: Large regency governments of the east (kabupaten wilayah timur tipe besar, from 2022).
    REGENCIES_EAST_LARGE = "regencies-east-large"
    #: Small regency governments of the east (kabupaten wilayah timur tipe kecil, from 2022).
    REGENCIES_EAST_SMALL = "regencies-east-small"
    #: City governments, no type given (tingkat kota).
    CITIES = "cities"
    #: City governments of type A (kota tipe A, 2021).
    CITIES_TYPE_A = "cities-type-a"
    #: City governments of type B (kota tipe B, 2021).
    CITIES_TYPE_B = "cities-type-b"
    #: City governments of type C (kota tipe C, 2021).
    CITIES_TYPE_C = "cities-type-c"
    #: Large city governments (kota tipe besar, from 2022).
    CITIES_LARGE = "cities-large"
    #: Medium city governments (kota tipe sedang, from 2022).
    CITIES_MEDIUM = "cities-medium"
    #: Small city governments (kota tipe kecil, from 2022).
    CITIES_SMALL = "cities-small"

    __hash__ = object.__hash__  # see Theme

    @classmethod
    def _missing_(cls, value: object) -> Group | None:
        return _in_any_case(cls, value)

    @property
    def kind(self) -> InstitutionKind:
        """The kind of institution the group holds.

        Example:
            >>> Group.CITIES_SMALL.kind
            <InstitutionKind.CITY: 'city'>

        .. versionadded:: 0.3.0
        """
        return _GROUP_KINDS[self]


# The kind of each group, read from the first word of its value (every award's check asks it).
_GROUP_KINDS = {
    group: {
        "ministries": InstitutionKind.MINISTRY,
        "agencies": InstitutionKind.AGENCY,
        "provinces": InstitutionKind.PROVINCE,
        "regencies": InstitutionKind.REGENCY,
        "cities": InstitutionKind.CITY,
    }[group.value.split("-")[0]]
    for group in Group
}
