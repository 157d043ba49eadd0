"""The exceptions raised by bkn_awards, all under one base class."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "AmbiguousInstitutionError",
    "BknAwardsError",
    "DataError",
    "ExportError",
    "FieldValueError",
    "QueryError",
    "UnknownAwardError",
    "UnknownCategoryError",
    "UnknownInstitutionError",
    "UnknownRegionError",
]


class BknAwardsError(Exception):
    """Base class of every error this library raises on purpose.

    Example:
        >>> import bkn_awards
        >>> try:
        ...     bkn_awards.institution("Atlantis")
        ... except bkn_awards.BknAwardsError as error:
        ...     print(type(error).__name__)
        UnknownInstitutionError

    .. versionadded:: 0.1.0
    """


class DataError(BknAwardsError, ValueError):
    """A data directory is malformed: the message names the file, the record and the field.

    Attributes:
        problems: The problems found, one line each, as
            ``"<file>: record '<id>': <field>: <what is wrong>"``: all of them, or the first
            ones where there are very many.
        count: How many problems there are, listed or not.

    .. versionadded:: 0.1.0
    """

    def __init__(self, problems: Sequence[str], *, count: int | None = None) -> None:
        self.problems = tuple(problems)
        self.count = len(self.problems) if count is None else count
        heading = f"{self.count} problem{'s' if self.count != 1 else ''} in the award data"
        if self.count > len(self.problems):
            heading += f", the first {len(self.problems)} listed"
        super().__init__("\n  ".join([heading + ":", *self.problems]))


class ExportError(BknAwardsError, OSError):
    """An export would write where it should not: no directory named, or files already there.

    .. versionadded:: 0.1.0
    """


class FieldValueError(BknAwardsError, ValueError):
    """A record's field breaks a rule of the model: a rank below 1, an empty id, a future date.

    The message is the field's name and the rule. Loading reports `problem` under the field's
    name, below the record (and the nested record) it is found in.

    Attributes:
        field: The field's name.
        problem: What is wrong with its value.

    Example:
        >>> import attrs
        >>> import bkn_awards
        >>> award = bkn_awards.awards()[0]
        >>> attrs.evolve(award.placings[0], rank=0)
        Traceback (most recent call last):
        ...
        bkn_awards.errors.FieldValueError: rank must be at least 1, got 0

    .. versionadded:: 0.1.0
    """

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field} {problem}")
        self.field = field
        self.problem = problem


class QueryError(BknAwardsError, ValueError):
    """A query argument is malformed: an empty name, a rank below 1, a year that is not a year.

    .. versionadded:: 0.1.0
    """


class UnknownInstitutionError(BknAwardsError, LookupError):
    """No institution has this name, alias, id or region code.

    Attributes:
        query: The text that was looked up, as it was written.
        suggestions: Official names of institutions whose names or aliases come close.

    .. versionadded:: 0.1.0
    """

    def __init__(self, query: str, suggestions: Sequence[str]) -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        looked_for = f"no {self._looked_for} is known as {query!r}"
        super().__init__(_did_you_mean(looked_for, self.suggestions))

    @property
    def _looked_for(self) -> str:
        return "institution"


class UnknownRegionError(UnknownInstitutionError):
    """No region, or no region of the kind asked for, has this name, alias or code.

    A region's government is an institution: ``except UnknownInstitutionError`` catches this
    error too, and so does ``except LookupError``.

    Attributes:
        query: The text that was looked up, as it was written.
        suggestions: Names of regions (of the kind asked for) that come close, each written so
            that it finds its region alone (``"Jawa Tengah"``, ``"Kota Malang"``).
        kind: What was looked for: ``"province"``, ``"regency"`` or ``"city"``, or ``"region"``
            where any kind would do.

    Example:
        >>> import bkn_awards
        >>> bkn_awards.awards(province="Jawa Tenggah")
        Traceback (most recent call last):
        ...
        bkn_awards.errors.UnknownRegionError: no province is known as 'Jawa Tenggah'; did you mean 'Jawa Tengah'?

    .. versionadded:: 0.3.0
    """  # noqa: E501

    def __init__(self, query: str, suggestions: Sequence[str], *, kind: str = "region") -> None:
        self.kind = kind
        super().__init__(query, suggestions)

    @property
    def _looked_for(self) -> str:
        return self.kind


class AmbiguousInstitutionError(BknAwardsError, LookupError):
    """A name fits more than one institution (``"Mojokerto"``: the kabupaten or the kota?).

    Attributes:
        query: The text that was looked up.
        candidates: The official names of every institution the text fits.

    .. versionadded:: 0.1.0
    """

    def __init__(self, query: str, candidates: Sequence[str]) -> None:
        self.query = query
        self.candidates = tuple(candidates)
        super().__init__(
            f"{query!r} is ambiguous: it may mean "
            + " or ".join(repr(c) for c in self.candidates)
            + "; use the full name, an alias such as 'Kab. ...' or 'Kota ...', or the region code"
        )


class UnknownCategoryError(BknAwardsError, LookupError):
    """No category name contains every word of the query.

    Attributes:
        query: The text that was looked up, as it was written.
        suggestions: Category names that come close.
        theme: The theme the text names (``"competency"``), where it names one: the awards of
            a theme are found with ``theme=``, not ``category=``; else ``None``.

    Example:
        >>> import bkn_awards
        >>> bkn_awards.awards(category="Competency")
        Traceback (most recent call last):
        ...
        bkn_awards.errors.UnknownCategoryError: no category matches 'Competency'; it names a theme: use theme='competency'

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0
       Says which theme a text names, and has `theme`.
    """  # noqa: E501

    def __init__(self, query: str, suggestions: Sequence[str], *, theme: str | None = None) -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        self.theme = theme
        message = f"no category matches {query!r}"
        if theme is not None:
            message += f"; it names a theme: use theme={theme!r}"
        if self.suggestions:
            message += "; close names: " + ", ".join(repr(s) for s in self.suggestions)
        super().__init__(message)


class UnknownAwardError(BknAwardsError, LookupError):
    """No award has this id.

    Attributes:
        award_id: The id that was looked up.
        suggestions: The ids that come close.

    .. versionadded:: 0.1.0
    """

    def __init__(self, award_id: str, suggestions: Sequence[str] = ()) -> None:
        self.award_id = award_id
        self.suggestions = tuple(suggestions)
        super().__init__(_did_you_mean(f"no award has the id {award_id!r}", self.suggestions))


def _did_you_mean(message: str, suggestions: Sequence[str]) -> str:
    """`message`, and the suggestions where there are any."""
    if not suggestions:
        return message
    return f"{message}; did you mean " + " or ".join(repr(s) for s in suggestions) + "?"
