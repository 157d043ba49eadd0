"""The exceptions: one base class, the standard kinds each extends, and what each one says."""

from __future__ import annotations

import pytest

import bkn_awards
from bkn_awards import errors
from bkn_awards.errors import (
    AmbiguousInstitutionError,
    BknAwardsError,
    DataError,
    ExportError,
    FieldValueError,
    QueryError,
    UnknownAwardError,
    UnknownCategoryError,
    UnknownInstitutionError,
    UnknownRegionError,
)


@pytest.mark.parametrize(
    ("error", "standard"),
    [
        (DataError, ValueError),
        (FieldValueError, ValueError),
        (QueryError, ValueError),
        (ExportError, OSError),
        (UnknownInstitutionError, LookupError),
        (UnknownRegionError, LookupError),
        (UnknownRegionError, UnknownInstitutionError),
        (AmbiguousInstitutionError, LookupError),
        (UnknownCategoryError, LookupError),
        (UnknownAwardError, LookupError),
    ],
)
def test_every_error_is_a_bkn_awards_error_and_the_standard_kind_it_documents(
    error: type[Exception], standard: type[Exception]
) -> None:
    assert issubclass(error, BknAwardsError)
    assert issubclass(error, standard)


def test_every_error_defined_is_exported_and_on_the_public_face() -> None:
    defined = {
        name
        for name, value in vars(errors).items()
        if isinstance(value, type) and issubclass(value, BknAwardsError)
    }
    assert set(errors.__all__) == defined
    for name in errors.__all__:
        assert getattr(bkn_awards, name) is getattr(errors, name)


def test_an_error_the_library_raises_is_caught_by_the_base_class() -> None:
    with pytest.raises(BknAwardsError) as caught:
        bkn_awards.award("no-such-award")
    assert type(caught.value) is UnknownAwardError


def test_a_data_error_lists_its_problems_under_a_heading_that_counts_them() -> None:
    one = DataError(["tallies.json: the file is missing"])
    assert (one.problems, one.count) == (("tallies.json: the file is missing",), 1)
    assert str(one) == "1 problem in the award data:\n  tallies.json: the file is missing"
    listed = ["a.json: x", "b.json: y"]
    two = DataError(listed)
    listed.append("c.json: z")  # the error keeps its own copy
    assert two.problems == ("a.json: x", "b.json: y")
    assert str(two) == "2 problems in the award data:\n  a.json: x\n  b.json: y"


def test_a_data_error_of_more_problems_than_it_lists_says_how_many_it_lists() -> None:
    error = DataError(["a.json: x", "b.json: y"], count=500)
    assert (error.count, len(error.problems)) == (500, 2)
    assert str(error).splitlines()[0] == "500 problems in the award data, the first 2 listed:"


def test_a_field_value_error_names_its_field_and_problem() -> None:
    error = FieldValueError("rank", "must be at least 1, got 0")
    assert (error.field, error.problem) == ("rank", "must be at least 1, got 0")
    assert str(error) == "rank must be at least 1, got 0"


def test_an_unknown_institution_suggests_close_names_where_there_are_any() -> None:
    bare = UnknownInstitutionError("Atlantis", [])
    assert (bare.query, bare.suggestions) == ("Atlantis", ())
    assert str(bare) == "no institution is known as 'Atlantis'"
    close = UnknownInstitutionError("Kab. Sidoarj", ["Pemerintah Kabupaten Sidoarjo", "B"])
    assert close.suggestions == ("Pemerintah Kabupaten Sidoarjo", "B")
    assert str(close) == (
        "no institution is known as 'Kab. Sidoarj'; "
        "did you mean 'Pemerintah Kabupaten Sidoarjo' or 'B'?"
    )


def test_an_unknown_region_says_what_kind_was_looked_for_and_suggests_close_names() -> None:
    bare = UnknownRegionError("Atlantis", [])
    assert (bare.query, bare.suggestions, bare.kind) == ("Atlantis", (), "region")
    assert str(bare) == "no region is known as 'Atlantis'"
    close = UnknownRegionError("Jawa Tenggah", ["Jawa Tengah"], kind="province")
    assert (close.query, close.suggestions, close.kind) == (
        "Jawa Tenggah",
        ("Jawa Tengah",),
        "province",
    )
    assert str(close) == "no province is known as 'Jawa Tenggah'; did you mean 'Jawa Tengah'?"
    two = UnknownRegionError("Malangg", ("Kabupaten Malang", "Kota Malang"), kind="region")
    assert str(two) == (
        "no region is known as 'Malangg'; did you mean 'Kabupaten Malang' or 'Kota Malang'?"
    )


def test_an_ambiguous_name_names_every_candidate_and_how_to_choose() -> None:
    error = AmbiguousInstitutionError(
        "Malang", ["Pemerintah Kabupaten Malang", "Pemerintah Kota Malang"]
    )
    assert error.query == "Malang"
    assert error.candidates == ("Pemerintah Kabupaten Malang", "Pemerintah Kota Malang")
    assert str(error) == (
        "'Malang' is ambiguous: it may mean 'Pemerintah Kabupaten Malang' or "
        "'Pemerintah Kota Malang'; use the full name, an alias such as 'Kab. ...' or 'Kota ...', "
        "or the region code"
    )


def test_an_unknown_category_lists_close_names_where_there_are_any() -> None:
    assert str(UnknownCategoryError("luck", [])) == "no category matches 'luck'"
    error = UnknownCategoryError("kompetens", ["penilaian kompetensi", "Pengembangan Kompetensi"])
    assert error.query == "kompetens"
    assert error.suggestions == ("penilaian kompetensi", "Pengembangan Kompetensi")
    assert str(error) == (
        "no category matches 'kompetens'; "
        "close names: 'penilaian kompetensi', 'Pengembangan Kompetensi'"
    )


def test_an_unknown_category_that_names_a_theme_says_to_use_the_theme() -> None:
    error = UnknownCategoryError("Competency", [], theme="competency")
    assert (error.query, error.suggestions, error.theme) == ("Competency", (), "competency")
    assert str(error) == (
        "no category matches 'Competency'; it names a theme: use theme='competency'"
    )
    both = UnknownCategoryError("planning", ["perencanaan"], theme="planning")
    assert str(both) == (
        "no category matches 'planning'; it names a theme: use theme='planning'; "
        "close names: 'perencanaan'"
    )
    assert UnknownCategoryError("luck", []).theme is None


def test_an_unknown_award_suggests_nothing_unless_given_suggestions() -> None:
    bare = UnknownAwardError("x")
    assert (bare.award_id, bare.suggestions, str(bare)) == ("x", (), "no award has the id 'x'")
    near = UnknownAwardError("2020-kota", ["2020-kota-malang"])
    assert str(near) == "no award has the id '2020-kota'; did you mean '2020-kota-malang'?"
