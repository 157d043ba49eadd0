"""The fixed terms of the data: kinds of government and event, and the themes of categories."""

from __future__ import annotations

import enum

__all__ = ["KIND_WORDS", "REGIONAL_WORDS", "EventKind", "InstitutionKind", "Theme"]


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
        if not isinstance(value, str):
            return None
        key = "-".join(value.casefold().replace("_", " ").replace("-", " ").split())
        return next((theme for theme in cls if theme.value == key), None)
