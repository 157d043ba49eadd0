"""Finding records by what people write: institutions by name or code, categories by words."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from attrs import field, frozen

from bkn_awards.errors import (
    AmbiguousInstitutionError,
    QueryError,
    UnknownCategoryError,
    UnknownInstitutionError,
)
from bkn_awards.geography import NO_DEFAULT, Region, named, region_names
from bkn_awards.records import Category, Institution, Shown
from bkn_awards.text import close_names, name_key, name_keys, name_score, name_words
from bkn_awards.vocabulary import Theme

__all__ = ["NO_DEFAULT", "SEARCH_THRESHOLD", "CategoryWords", "InstitutionNames", "Match"]

#: The least score a search gives an institution (see `InstitutionNames.search`): a name that
#: fits less well is no answer. Every word of the text in a name scores at least 0.75; a slip
#: of a letter or two in a name scores about 0.8 or more (``"Bantl"`` for ``"Bantul"``: 0.909).
SEARCH_THRESHOLD = 0.6


@frozen(kw_only=True, weakref_slot=False, repr=False)
class Match(Shown):
    """An institution a search found, with how well one of its names fits the text searched.

    It unpacks as a pair, ``institution, score``, as the search's results did before 0.3.

    Attributes:
        institution: The institution (the data's record, or a region's government).
        score: How well its closest name fits, from 0 to 1 (1: the same).

    Example:
        >>> import bkn_awards
        >>> best = bkn_awards.search_institutions("sidoarjp")[0]
        >>> best.institution.id, best.score
        ('kab-sidoarjo', 0.875)

    .. versionadded:: 0.3.0
    """

    institution: Institution = field(repr=lambda i: repr(i.name))
    score: float

    def __iter__(self) -> Iterator[Any]:
        return iter((self.institution, self.score))


class InstitutionNames:
    """The institutions by folded name, alias and id; and every region's government, in or not."""

    __slots__ = ("_by_code", "_by_id", "_keys")

    def __init__(self, institutions: Sequence[Institution]) -> None:
        self._by_id = {institution.id: institution for institution in institutions}
        self._by_code = {i.region_code: i for i in institutions if i.region_code is not None}
        found: defaultdict[str, dict[str, Institution]] = defaultdict(dict)
        for institution in institutions:
            for name in [institution.id, institution.name, *institution.aliases]:
                found[name_key(name)][institution.id] = institution
        self._keys = {key: tuple(by_id.values()) for key, by_id in found.items()}

    def find(self, text: str | Institution, default: Any = NO_DEFAULT) -> Institution | Any:
        """The one institution `text` names, or `default` (see `bkn_awards.institution`)."""
        if isinstance(text, Institution):  # this dataset's record of the same id, or a region's
            key, query = "", f"{text.name} ({text.id})"
            places = self._named(name_key(text.region_code or "")).values()
            known = [self._by_id[text.id]] if text.id in self._by_id else places
            found = {i.id: i for i in known if i is self._by_id.get(text.id) or i == text}
        elif not isinstance(text, str):
            raise QueryError(f"institution must be a name or an Institution, not {text!r}")
        elif not (key := name_key(text)):
            raise QueryError("institution must not be empty")
        else:  # "Pemerintah Kota (Pemkot) Batu": the name without its brackets, if not whole
            query, found = text, self._named(key)
            for other in () if found else name_keys(text)[1:]:
                if found := self._named(other):
                    break
        if len(found) == 1:
            return next(iter(found.values()))
        if found:
            raise AmbiguousInstitutionError(query, [i.name for i in found.values()])
        if default is not NO_DEFAULT:
            return default
        close = close_names(key, self._keys, 5)
        names = dict.fromkeys(i.name for k in close for i in self._keys[k])
        raise UnknownInstitutionError(query, list(names)[:3])

    def _named(self, key: str) -> dict[str, Institution]:
        found = {i.id: i for i in self._keys.get(key, ())}
        for place in named(key):
            institution = self._government(place)
            found[institution.id] = institution
        return found

    def search(self, text: str, limit: int) -> list[Match]:
        """The `limit` institutions whose names come closest to `text`, best first, scored.

        Every name of the institutions and of every region's government is scored (the data's
        record of a region stands for it); those below `SEARCH_THRESHOLD` are left out, so a
        text like no name gives nothing. Equal scores come in a fixed order: an institution
        of the data's names before one found by the region table's.
        """
        key = name_key(text) if isinstance(text, str) else ""
        if not key:
            raise QueryError("a search needs a name, or part of one")
        best: dict[str, tuple[Institution, float]] = {}
        reaches = _reaches_threshold(key)

        def score(names: Iterable[tuple[str, Iterable[Institution]]]) -> None:
            for name, institutions in names:
                if not reaches(name) or (found := name_score(key, name)) < SEARCH_THRESHOLD:
                    continue
                for institution in institutions:
                    if found > best.get(institution.id, (institution, 0.0))[1]:
                        best[institution.id] = (institution, found)

        score(self._keys.items())
        score((name, map(self._government, places)) for name, places in region_names())
        ranked = sorted(best.values(), key=lambda found: -found[1])[:limit]
        return [Match(institution=institution, score=found) for institution, found in ranked]

    def _government(self, place: Region) -> Institution:
        """The data's record of a region, else its government made from the table."""
        return self._by_code.get(place.code) or place.government()


def _reaches_threshold(key: str) -> Callable[[str], bool]:
    """A quick test of whether a name may score `SEARCH_THRESHOLD` against `key`, or more.

    `name_score` is at least 0.75 where every word of `key` is in the name, and difflib's
    ratio otherwise: that ratio is at most its quick bounds, which leave most names out at
    the cost of a count of letters.
    """
    import difflib  # a search needs it anyway

    words = set(key.split())
    matcher = difflib.SequenceMatcher(None, b=key)  # `b` is the one difflib prepares
    least = SEARCH_THRESHOLD - 0.0005  # `name_score` rounds to three places

    def reaches(name: str) -> bool:
        if words <= set(name.split()):
            return True
        matcher.set_seq1(name)
        return matcher.real_quick_ratio() >= least and matcher.quick_ratio() >= least

    return reaches


class CategoryWords:
    """The folded words of each category's name, to find categories by some of their words."""

    __slots__ = ("_words", "_years")

    def __init__(self, categories: Sequence[Category]) -> None:
        self._words = {c.id: (frozenset(name_words(c.name)), c.name) for c in categories}
        self._years = {c.id: c.year for c in categories}

    def find(self, category: str | Category, years: frozenset[int] | None) -> frozenset[str]:
        """The ids of the categories `category` names, of the `years` given (all if ``None``)."""
        if isinstance(category, Category):  # matched by id, whichever dataset it came from
            if category.id not in self._words:
                raise UnknownCategoryError(f"{category.name} ({category.id})", [])
            found = frozenset((category.id,))
        elif isinstance(category, str):
            found = self._matching(category)
        else:
            raise QueryError(f"category must be words of its name or a Category, not {category!r}")
        if years is None:
            return found
        # A category belongs to one edition: keep those of the years asked for, so that the
        # index walks one edition's awards rather than every edition's.
        return frozenset(c for c in found if self._years[c] in years)

    def _matching(self, text: str) -> frozenset[str]:
        words = frozenset(name_words(text))
        if not words:
            raise QueryError("category must not be empty")
        found = frozenset(c for c, (w, _) in self._words.items() if c == text or words <= w)
        if not found:
            names = sorted({name for _, name in self._words.values()})
            theme = _theme_named(text)
            raise UnknownCategoryError(text, close_names(text, names, 3), theme=theme)
        return found


def _theme_named(text: str) -> str | None:
    """The value of the theme `text` names (``"Competency"``: ``"competency"``), if it names one."""
    try:
        return Theme(text).value
    except ValueError:
        return None
