"""What changed between two datasets, record by record: added, removed, and changed field by field.

Two releases of the data, a directory and its export, or the bundled data and a directory of
one's own: `diff` compares the records of each type by id, in the form the data files write them
(links as ids, dates as ISO text), so a field is changed only where its written value differs.
"""

from __future__ import annotations

import os
from typing import Any, Literal

from attrs import frozen

from bkn_awards.dataset import Dataset, load
from bkn_awards.layout import FILE_NAMES

__all__ = ["DataDiff", "FieldChange", "RecordChange", "diff"]

#: What happened to a record between the two datasets.
Change = Literal["added", "removed", "changed"]


@frozen(kw_only=True)
class FieldChange:
    """One field of a record with its value before and after, as the data files write them.

    Attributes:
        field: The field's name.
        before: Its value in the old dataset.
        after: Its value in the new one.

    .. versionadded:: 0.3.0
    """

    field: str
    before: Any
    after: Any


@frozen(kw_only=True)
class RecordChange:
    """A record added, removed or changed between two datasets.

    Attributes:
        file: The data file of its type (``"awards"``).
        id: The record's id.
        change: ``"added"``, ``"removed"`` or ``"changed"``.
        fields: For a changed record, each field that differs; else empty.

    .. versionadded:: 0.3.0
    """

    file: str
    id: str
    change: Change
    fields: tuple[FieldChange, ...] = ()


@frozen(kw_only=True)
class DataDiff:
    """Every record that differs between two datasets, by record type, then id.

    Attributes:
        changes: The records added, removed or changed.

    Example:
        >>> import bkn_awards
        >>> from bkn_awards.changes import diff
        >>> same = diff(bkn_awards.load(), bkn_awards.load())
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
        lines = []
        for name in FILE_NAMES:
            counts = {
                change: sum(c.file == name and c.change == change for c in self.changes)
                for change in ("added", "removed", "changed")
            }
            counted = ", ".join(f"{n} {change}" for change, n in counts.items() if n)
            if counted:
                lines.append(f"{name}: {counted}")
        return "\n".join(lines) or "no record differs"

    def to_dict(self) -> dict[str, Any]:
        """The changes as plain JSON-ready data: a list for each file with changes.

        .. versionadded:: 0.3.0
        """
        found: dict[str, list[dict[str, Any]]] = {}
        for c in self.changes:
            entry: dict[str, Any] = {"id": c.id, "change": c.change}
            if c.fields:
                entry["fields"] = {
                    f.field: {"before": f.before, "after": f.after} for f in c.fields
                }
            found.setdefault(c.file, []).append(entry)
        return found

    def to_markdown(self) -> str:
        """The changes as Markdown: a section a file, a bullet a record, a sub-bullet a field.

        .. versionadded:: 0.3.0
        """
        lines: list[str] = []
        for name, entries in self.to_dict().items():
            lines += [f"### {name}", ""]
            for entry in entries:
                lines.append(f"- {entry['change']}: `{entry['id']}`")
                for field, values in entry.get("fields", {}).items():
                    lines.append(f"  - {field}: {values['before']!r} → {values['after']!r}")
            lines.append("")
        return "\n".join(lines) or "No record differs.\n"

    def lines(self) -> list[str]:
        """The changes as text, one line a record and one a changed field, like ``diff``.

        .. versionadded:: 0.3.0
        """
        found = []
        for c in self.changes:
            sign = {"added": "+", "removed": "-", "changed": "~"}[c.change]
            found.append(f"{sign} {c.file} {c.id}")
            found += [f"    {f.field}: {f.before!r} -> {f.after!r}" for f in c.fields]
        return found


def diff(old: Dataset | str | os.PathLike[str], new: Dataset | str | os.PathLike[str]) -> DataDiff:
    """Compare two datasets record by record: what the new one adds, removes and changes.

    Args:
        old: A dataset, or what `bkn_awards.load` takes: a data directory or a Data Package.
        new: The same, for the dataset compared with it.

    Returns:
        Each record that differs, by record type (in the order of the data files), then id.

    Raises:
        DataError: A directory given is not a dataset `load` accepts.

    Example:
        >>> import bkn_awards
        >>> from bkn_awards.changes import diff
        >>> diff(bkn_awards.load(), bkn_awards.load()).equal
        True

    .. versionadded:: 0.3.0
    """
    # The data files' writer (and cattrs) is imported only when a diff is asked for: a first
    # query must not pay for it.
    from bkn_awards.codec import unstructure

    before, after = (_dataset(d).records_by_file() for d in (old, new))
    changes: list[RecordChange] = []
    for name in FILE_NAMES:
        was = {r.id: unstructure(r) for r in before[name]}
        now = {r.id: unstructure(r) for r in after[name]}
        for record_id in sorted(was.keys() | now.keys()):
            if record_id not in now:
                changes.append(RecordChange(file=name, id=record_id, change="removed"))
            elif record_id not in was:
                changes.append(RecordChange(file=name, id=record_id, change="added"))
            elif fields := _fields(was[record_id], now[record_id]):
                changes.append(
                    RecordChange(file=name, id=record_id, change="changed", fields=fields)
                )
    return DataDiff(changes=tuple(changes))


def _dataset(given: Dataset | str | os.PathLike[str]) -> Dataset:
    return given if isinstance(given, Dataset) else load(given)


def _fields(was: dict[str, Any], now: dict[str, Any]) -> tuple[FieldChange, ...]:
    return tuple(
        FieldChange(field=name, before=was.get(name), after=now.get(name))
        for name in dict.fromkeys([*was, *now])
        if was.get(name) != now.get(name)
    )
