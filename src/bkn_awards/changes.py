"""What changed between two datasets, record by record: added, removed, and changed field by field.

Two releases of the data, a directory and its export, or the bundled data and a directory of
one's own: `diff` compares the records of each type by id, in the form the data files write them
(links as ids, dates as ISO text), so a field is changed only where its written value differs.
`compare` does the same for records already in that form, such as rows kept from an old release.

The face imports this module on the first use of `bkn_awards.diff`, not at ``import
bkn_awards``: its classes would cost every start.
"""

from __future__ import annotations

import json
import os
import pathlib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal

from attrs import frozen

from bkn_awards.dataset import Dataset, load
from bkn_awards.errors import DataError
from bkn_awards.layout import FILE_NAMES, RECORD_FILES
from bkn_awards.records import Shown

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["DataDiff", "FieldChange", "RecordChange", "compare", "diff"]

#: What happened to a record between the two datasets.
Change = Literal["added", "removed", "changed"]

_CHANGES: tuple[Change, ...] = ("added", "removed", "changed")
_SIGNS = {"added": "+", "removed": "-", "changed": "~"}


@frozen(kw_only=True, weakref_slot=False, repr=False)
class FieldChange(Shown):
    """One field of a record with its value before and after, as the data files write them.

    Attributes:
        field: The field's name.
        before: Its value in the old dataset (``None`` where the old record has no such field).
        after: Its value in the new one.

    .. versionadded:: 0.3.0
    """

    field: str
    before: Any
    after: Any

    def before_and_after(self, arrow: str, quote: str = "") -> str:
        """The values before and after as JSON, each between `quote`, with `arrow` between them.

        Example:
            >>> FieldChange(field="number", before=None, after=7).before_and_after("->")
            'null -> 7'

        .. versionadded:: 0.3.0
        """
        before, after = (json.dumps(v, ensure_ascii=False) for v in (self.before, self.after))
        return f"{quote}{before}{quote} {arrow} {quote}{after}{quote}"


@frozen(kw_only=True, weakref_slot=False, repr=False)
class RecordChange(Shown):
    """A record added, removed or changed between two datasets.

    Attributes:
        file: The data file of its type, without ``.json`` (``"awards"``).
        id: The record's id.
        change: ``"added"``, ``"removed"`` or ``"changed"``.
        fields: For a changed record, each field that differs, in the record's order; else empty.

    .. versionadded:: 0.3.0
    """

    file: str
    id: str
    change: Change
    fields: tuple[FieldChange, ...] = ()


@frozen(kw_only=True, weakref_slot=False, repr=False)
class DataDiff(Shown):
    """Every record that differs between two datasets, by record type, then id.

    It reads as text (`to_text`, like ``diff``), JSON (`to_dict`, `to_json`) or Markdown
    (`to_markdown`), and counts its changes in words (`summary`).

    Attributes:
        changes: The records added, removed or changed.

    Example:
        >>> import bkn_awards
        >>> same = bkn_awards.diff(bkn_awards.load(), bkn_awards.load())
        >>> same.equal, same.summary()
        (True, 'no record differs')

    .. versionadded:: 0.3.0
    """

    changes: tuple[RecordChange, ...]

    @property
    def equal(self) -> bool:
        """Whether no record differs.

        .. versionadded:: 0.3.0
        """
        return not self.changes

    def summary(self) -> str:
        """The changes counted in words: ``"awards: 12 added, 1 changed"``, a line a file.

        .. versionadded:: 0.3.0
        """
        lines = [f"{name}: {counted}" for name in FILE_NAMES if (counted := self._counted(name))]
        return "\n".join(lines) or "no record differs"

    def to_text(self) -> str:
        """The changes as text, like ``diff``: a line a record, a line a changed field, a count.

        ``+`` marks a record added, ``-`` one removed, ``~`` one changed; a changed field follows
        on an indented line with its values before and after, as JSON.

        .. versionadded:: 0.3.0
        """
        lines = []
        for change in self.changes:
            lines.append(f"{_SIGNS[change.change]} {change.file} {change.id}")
            lines += [f"    {f.field}: {f.before_and_after('->')}" for f in change.fields]
        return "\n".join([*lines, *([""] if lines else []), self.summary()])

    def to_dict(self) -> dict[str, list[dict[str, Any]]]:
        """The changes as plain JSON-ready data: a list of records for each file with changes.

        Example:
            >>> import bkn_awards
            >>> bkn_awards.diff(bkn_awards.load(), bkn_awards.load()).to_dict()
            {}

        .. versionadded:: 0.3.0
        """
        found: dict[str, list[dict[str, Any]]] = {}
        for change in self.changes:
            entry: dict[str, Any] = {"id": change.id, "change": change.change}
            if change.fields:
                entry["fields"] = {
                    f.field: {"before": f.before, "after": f.after} for f in change.fields
                }
            found.setdefault(change.file, []).append(entry)
        return found

    def to_json(self, indent: int | None = 2) -> str:
        """The changes as a JSON text: `to_dict` written out.

        .. versionadded:: 0.3.0
        """
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_markdown(self) -> str:
        """The changes as Markdown: a section a file, a bullet a record, a sub-bullet a field.

        .. versionadded:: 0.3.0
        """
        files = dict.fromkeys(change.file for change in self.changes)
        return "\n".join(map(self._section, files)) or "No record differs.\n"

    def _section(self, name: str) -> str:
        """The Markdown section of the file `name`: its heading, its counts, its records."""
        lines = [f"### {name}", "", f"{self._counted(name).capitalize()}.", ""]
        for change in (c for c in self.changes if c.file == name):
            lines.append(f"- {change.change}: `{change.id}`")
            lines += [f"  - `{f.field}`: {f.before_and_after('→', '`')}" for f in change.fields]
        return "\n".join(lines) + "\n"

    def _counted(self, name: str) -> str:
        """How many records of the file `name` were added, removed and changed, in words."""
        counts = {
            kind: sum(c.file == name and c.change == kind for c in self.changes)
            for kind in _CHANGES
        }
        return ", ".join(f"{n} {kind}" for kind, n in counts.items() if n)


def diff(
    old: Dataset | str | os.PathLike[str] | Traversable,
    new: Dataset | str | os.PathLike[str] | Traversable,
    *,
    as_written: bool = False,
) -> DataDiff:
    """Compare two datasets record by record: what the new one adds, removes and changes.

    Records are matched by id within their type, and compared as the data files write them:
    links as ids, dates as ISO text. A directory and its Data Package export do not differ. An
    award id of `old` that `new` keeps as an earlier id (its `Alias`) is compared with the award
    it stands for now, the id one of the fields that changed.

    Args:
        old: A dataset, or what `bkn_awards.load` takes: a data directory or a Data Package.
        new: The same, for the dataset compared with it.
        as_written: Compare the JSON data files of the directories given as they are written,
            without loading them: the data of a release whose format this one does not read.

    Returns:
        Each record that differs, by record type (in the order of the data files), then id.

    Raises:
        DataError: A directory given is not a dataset `bkn_awards.load` accepts.

    Example:
        >>> import bkn_awards
        >>> found = bkn_awards.diff(bkn_awards.load(), bkn_awards.load())
        >>> found.equal, found.changes
        (True, ())

    .. versionadded:: 0.3.0
    """
    old_rows, new_rows = (_written(d) if as_written else _rows(d) for d in (old, new))
    return compare(old_rows, new_rows, renamed=_successors(old_rows, new_rows))


def _rows(given: Dataset | str | os.PathLike[str] | Traversable) -> dict[str, list[Any]]:
    # The data files' writer (and cattrs) is imported only when a diff is asked for.
    from bkn_awards.codec import unstructure

    dataset = given if isinstance(given, Dataset) else load(given)  # type: ignore[arg-type]
    files = dataset.records_by_file()
    return {name: [unstructure(record) for record in records] for name, records in files.items()}


def _written(given: Dataset | str | os.PathLike[str] | Traversable) -> dict[str, list[Any]]:
    """The records of each JSON data file of the directory `given`, as written (none loaded)."""
    if isinstance(given, Dataset):
        return _rows(given)
    directory = pathlib.Path(given) if isinstance(given, str | os.PathLike) else given
    names = [name for name, _ in RECORD_FILES if (directory / name).is_file()]
    if not names:
        raise DataError([f"{directory}: no data file to compare (sources.json, awards.json...)"])
    try:
        return {
            name.removesuffix(".json"): json.loads((directory / name).read_text(encoding="utf-8"))
            for name in names
        }
    except (OSError, ValueError) as error:
        raise DataError([f"{directory}: not data files to compare as written: {error}"]) from None


def _successors(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, str]:
    """Each award id of `old` that `new` keeps as the earlier id of an award, and that award.

    The id of an award merged into another is not followed: that award is removed, its reading
    a placing of the other. Nor is an id `old` holds under its own name.
    """
    held = {award["id"] for award in old.get("awards", ())}
    return {
        alias["id"]: alias["award"]
        for alias in new.get("aliases", ())
        if alias["id"] in held and not alias.get("merged") and alias["award"] not in held
    }


def compare(
    old: Mapping[str, Iterable[Mapping[str, Any]]],
    new: Mapping[str, Iterable[Mapping[str, Any]]],
    *,
    renamed: Mapping[str, str] | None = None,
) -> DataDiff:
    """Compare records written as the data files hold them, given by file: ``{"awards": [...]}``.

    Each record is a mapping with an ``"id"``; a file only one side has is compared with none.
    An award of `old` whose id `renamed` maps is compared with the award of that id in `new`.

    Example:
        >>> found = compare({"editions": [{"id": "2020", "number": 6}]}, {"editions": []})
        >>> found.summary()
        'editions: 1 removed'

    .. versionadded:: 0.3.0
    """
    names = [*FILE_NAMES, *sorted((old.keys() | new.keys()) - set(FILE_NAMES))]
    renames = {"awards": renamed or {}}
    changes: list[RecordChange] = []
    for name in names:
        to = renames.get(name, {})
        was = {to.get(r["id"], r["id"]): r for r in old.get(name, ())}
        now = {r["id"]: r for r in new.get(name, ())}
        for record_id in sorted(was.keys() | now.keys()):
            if change := _changed(name, record_id, was.get(record_id), now.get(record_id)):
                changes.append(change)
    return DataDiff(changes=tuple(changes))


def _changed(
    name: str, record_id: str, was: Mapping[str, Any] | None, now: Mapping[str, Any] | None
) -> RecordChange | None:
    """What happened to the record `record_id` of the file `name`: a change, or nothing."""
    if was is None or now is None:
        change: Change = "added" if was is None else "removed"
        return RecordChange(file=name, id=record_id, change=change)
    fields = tuple(
        FieldChange(field=field, before=was.get(field), after=now.get(field))
        for field in dict.fromkeys([*was, *now])
        if was.get(field) != now.get(field)
    )
    if not fields:
        return None
    return RecordChange(file=name, id=record_id, change="changed", fields=fields)
