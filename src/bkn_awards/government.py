"""The government bodies that receive (or give) BKN Awards."""

from __future__ import annotations

import enum

from attrs import field, frozen

from bkn_awards._fields import Shown, non_empty

__all__ = ["Institution", "InstitutionKind"]


class InstitutionKind(enum.Enum):
    """What level of government an institution is.

    Example:
        >>> InstitutionKind("regency")
        <InstitutionKind.REGENCY: 'regency'>

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


@frozen(kw_only=True)
class Institution(Shown):
    """A ministry, agency, province, regency or city.

    Attributes:
        id: Stable identifier, e.g. ``"kab-sidoarjo"``.
        name: Official name, e.g. ``"Pemerintah Kabupaten Sidoarjo"``.
        kind: Level of government.
        region_code: Kemendagri region code (``"35.15"``; BPS writes the same digits without the
            dot), or ``None`` for national bodies.
        aliases: Other names people write for it (``"Pemkab Sidoarjo"``, ``"Kab. Sidoarjo"``).

    Example:
        >>> import bkn_awards
        >>> sidoarjo = bkn_awards.institution("Kab. Sidoarjo")
        >>> sidoarjo.name, sidoarjo.kind.value, sidoarjo.region_code
        ('Pemerintah Kabupaten Sidoarjo', 'regency', '35.15')

    .. versionadded:: 0.1.0
    """

    id: str = field(validator=non_empty)
    name: str = field(validator=non_empty)
    kind: InstitutionKind
    region_code: str | None
    aliases: tuple[str, ...] = field(repr=False)
