"""The examples in the docstrings and the README run, and every public name is documented."""

from __future__ import annotations

import doctest
import importlib
import inspect
import json
import pathlib
import pkgutil
import re

import pytest

import bkn_awards

REPO = pathlib.Path(__file__).resolve().parents[2]
MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(bkn_awards.__path__, "bkn_awards.")
    if m.name != "bkn_awards.__main__"
)
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@pytest.mark.parametrize("name", ["bkn_awards", *MODULES])
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=FLAGS)
    assert result.failed == 0


@pytest.mark.parametrize(
    "page", ["README.md", *sorted(str(p.relative_to(REPO)) for p in (REPO / "docs").glob("*.md"))]
)
def test_the_examples_in_the_readme_and_the_docs_run(page: str) -> None:
    text = (REPO / page).read_text(encoding="utf-8")
    result = doctest.testfile(str(REPO / page), module_relative=False, optionflags=FLAGS)
    assert result.failed == 0
    assert result.attempted == text.count("\n>>> ")


def test_the_api_reference_lists_every_public_name() -> None:
    listed = re.findall(r"^   bkn_awards\.(\w+)$", (REPO / "docs" / "api.rst").read_text(), re.M)
    assert sorted(listed) == sorted(bkn_awards.__all__)


def _public_members(obj: type) -> list[tuple[str, object]]:
    return [
        (name, member)
        for name, member in vars(obj).items()
        if not name.startswith("_") and (inspect.isfunction(member) or isinstance(member, property))
    ]


@pytest.mark.parametrize("name", bkn_awards.__all__)
def test_every_public_name_has_a_docstring(name: str) -> None:
    obj = getattr(bkn_awards, name)
    _assert_documented(f"bkn_awards.{name}", obj)
    if inspect.isclass(obj):
        for member_name, member in _public_members(obj):
            _assert_documented(f"bkn_awards.{name}.{member_name}", member)


def _assert_documented(name: str, obj: object) -> None:
    doc = inspect.getdoc(obj)
    assert doc, f"{name} has no docstring"
    assert doc.splitlines()[0].endswith("."), f"{name}: the summary line is not a sentence"
    assert ".. versionadded::" in doc, f"{name} does not say when it was added"


def test_all_is_sorted_and_complete() -> None:
    assert bkn_awards.__all__ == sorted(bkn_awards.__all__)
    assert all(hasattr(bkn_awards, name) for name in bkn_awards.__all__)


def test_no_module_shadows_a_public_name() -> None:
    # `import bkn_awards.x` sets bkn_awards.x to the module: a function called x would vanish.
    modules = {name.rsplit(".", 1)[1] for name in MODULES}
    assert modules.isdisjoint(bkn_awards.__all__)


def test_the_runtime_dependencies_are_still_only_four() -> None:
    import importlib.metadata

    requires = importlib.metadata.requires("bkn-awards") or []
    runtime = sorted(r.split(">")[0].split("=")[0].strip() for r in requires if "extra ==" not in r)
    assert runtime == ["attrs", "cattrs", "importlib-resources", "python-dateutil"]


PAGES = [
    "README.md",
    "CONTRIBUTING.md",
    *sorted(str(p.relative_to(REPO)) for p in (REPO / "docs").glob("*.md")),
]


@pytest.mark.parametrize("page", [p for p in PAGES if (REPO / p).is_file()])
def test_every_code_fence_opens_with_its_language_and_closes(page: str) -> None:
    # A stray fence turns the prose after it into code, and the build does not notice: every
    # opening fence names its language, so a bare one can only close a block.
    opened = None
    for number, line in enumerate((REPO / page).read_text(encoding="utf-8").splitlines(), 1):
        if not line.startswith("```"):
            continue
        if opened is None:
            assert line.strip() != "```", f"{page}:{number}: a fence opens without a language"
            opened = number
        else:
            assert line.strip() == "```", (
                f"{page}:{number}: a fence opens inside the block of {opened}"
            )
            opened = None
    assert opened is None, f"{page}:{opened}: a block is never closed"


def test_the_contributing_guide_shows_records_as_the_data_files_write_them() -> None:
    # Its examples are bundled records, so a change of the data's form that the guide misses
    # fails here: a source, then an award.
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    shown = [json.loads(block) for block in re.findall(r"```json\n(.*?)```", text, re.DOTALL)]
    data = REPO / "src" / "bkn_awards" / "data"
    assert len(shown) == 2
    for record, name in zip(shown, ("sources", "awards"), strict=True):
        records = json.loads((data / f"{name}.json").read_text(encoding="utf-8"))
        assert record in records, f"CONTRIBUTING.md: {record['id']} is not as {name}.json has it"


def test_a_result_added_as_the_contributing_guide_says_is_one_more_award(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bkn_awards.cli import main

    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    source, award = (json.loads(b) for b in re.findall(r"```json\n(.*?)```", text, re.DOTALL))
    # Step 1: a copy of the bundled data, as the guide's command makes it.
    mine = tmp_path / "my-data"
    mine.mkdir()
    for path in (REPO / "src" / "bkn_awards" / "data").glob("*.json"):
        (mine / path.name).write_bytes(path.read_bytes())
    # Steps 2 to 4: a report of another result (the guide's records, made another's), the
    # institution as `bkn-awards institution` prints it, and the award in the guide's form.
    report = {**source, "id": "contoh-pemkab-kendal", "url": "https://example.org/kendal"}
    assert main(["institution", "Kab. Kendal", "--format", "json"]) == 0
    (kendal,) = json.loads(capsys.readouterr().out)
    placing = {
        **award["placings"][0],
        "citations": [{"source": report["id"], "paragraphs": [], "part": None}],
    }
    new = {**award, "id": "2023-kab-kendal-data-cat", "institution": kendal["id"]}
    new["placings"] = [placing]
    for name, record in (("sources", report), ("institutions", kendal), ("awards", new)):
        records = json.loads((mine / f"{name}.json").read_text(encoding="utf-8"))
        (mine / f"{name}.json").write_text(json.dumps([*records, record]), encoding="utf-8")
    # Step 5: validate accepts it, the diff has it as one award added, show prints its report.
    assert main(["validate", str(mine)]) == 0
    capsys.readouterr()
    assert main(["diff", "bundled", str(mine), "--format", "json"]) == 1
    changes = json.loads(capsys.readouterr().out)
    assert [(c["id"], c["change"]) for c in changes["awards"]] == [(new["id"], "added")]
    assert set(changes) == {"sources", "institutions", "awards"}  # each one record added
    assert main(["show", new["id"], "--data", str(mine)]) == 0
    assert "https://example.org/kendal" in capsys.readouterr().out
