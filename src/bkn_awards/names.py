"""Matching the names people write: case-, accent- and punctuation-blind keys."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["mentions", "name_key", "name_words"]

_NOT_WORD = re.compile(r"[^0-9a-z]+")


def name_key(text: str) -> str:
    """Fold `text` to the key names are compared by.

    Case, accents, punctuation and runs of spaces do not count, so ``"Kab. Sidoarjo"``,
    ``"kab sidoarjo"`` and ``"KAB.  SIDOARJO"`` share one key.

    Example:
        >>> name_key("Kab. Sidoarjo"), name_key("  KAB  sidoarjo ")
        ('kab sidoarjo', 'kab sidoarjo')
    """
    return " ".join(name_words(text))


def mentions(text: str, phrase: str) -> bool:
    """Tell whether `text` contains `phrase` as whole words, by `name_key`.

    Example:
        >>> mentions("Kab. Sidoarjo berhasil meraih Juara Pertama", "kab sidoarjo")
        True
        >>> mentions("Kota Madiun", "kota mad")
        False
    """
    key = name_key(phrase)
    return bool(key) and f" {key} " in f" {name_key(text)} "


def name_words(text: str) -> tuple[str, ...]:
    """Split `text` into folded words (see `name_key`).

    Example:
        >>> name_words("Penerapan Pemanfaatan Data-Sistem Informasi")
        ('penerapan', 'pemanfaatan', 'data', 'sistem', 'informasi')
    """
    folded = text.casefold()
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return tuple(word for word in _NOT_WORD.split(folded) if word)
