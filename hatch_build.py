"""Build hook: put the snapshot of the bundled records in the wheel (see `bkn_awards.snapshot`).

The snapshot is made by the package's own decoder, from the source tree being built, with every
check on: a data file with a problem fails the build. Editable installs get none, so a checkout
always reads its data files as they are.
"""

from __future__ import annotations

import pathlib
import sys
import tempfile
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class SnapshotHook(BuildHookInterface):  # type: ignore[type-arg]
    """Write ``bkn_awards/data/snapshot.pickle`` into a wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Make the snapshot and have the wheel include it."""
        if self.target_name != "wheel" or version == "editable":
            return
        source = str(pathlib.Path(self.root) / "src")
        sys.path.insert(0, source)
        try:
            from bkn_awards import layout, snapshot

            made = snapshot.write(layout.data_directory())
        finally:
            sys.path.remove(source)
        path = pathlib.Path(tempfile.mkdtemp(prefix="bkn-awards-build-")) / snapshot.FILENAME
        path.write_bytes(made)
        build_data["force_include"][str(path)] = f"bkn_awards/data/{snapshot.FILENAME}"
