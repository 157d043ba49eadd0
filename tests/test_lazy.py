"""The one lazy-value helper: made on first use, once, whatever the threads."""

from __future__ import annotations

import threading

import pytest

from bkn_awards.lazy import Lazy


def test_the_value_is_made_on_the_first_get_and_kept() -> None:
    made: list[int] = []

    def make() -> int:
        made.append(1)
        return len(made)

    lazy = Lazy(make)
    before = lazy.made
    assert lazy.get() == 1
    assert lazy.get() == 1
    assert (before, lazy.made) == (False, True)
    assert made == [1]


def test_threads_at_the_first_get_share_one_making() -> None:
    made: list[object] = []
    start = threading.Barrier(12)

    def make() -> object:
        made.append(object())
        return made[-1]

    lazy = Lazy(make)
    seen: list[object] = []

    def get() -> None:
        start.wait()
        seen.append(lazy.get())

    threads = [threading.Thread(target=get) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(made) == 1
    assert seen == [made[0]] * 12


def test_a_failure_makes_nothing_and_the_next_get_tries_again() -> None:
    attempts: list[int] = []

    def make() -> str:
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError("not yet")
        return "made"

    lazy = Lazy(make)
    with pytest.raises(OSError, match="not yet"):
        lazy.get()
    assert not lazy.made
    assert lazy.get() == "made"
    assert len(attempts) == 2
