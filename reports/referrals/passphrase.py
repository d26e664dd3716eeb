"""The passphrase of a dossier file that leaves the building (PDF, ZIP).

The site proposes one: 16 characters drawn with `secrets` from ALPHABET, 31 symbols that
cannot be mistaken for one another when read out or copied by hand (the digits 2-9 and the
capital letters without I, L and O), in four groups of four: 16 x log2(31) = 79.3 bits,
whatever the language of the officer or the recipient. It is put in the page once, for
copying, and kept nowhere: not in the database, the session, a log or the audit.

A passphrase the officer types instead must be as strong by `strength()`, an estimate made
to err low, never high:
- each character is worth log2 of the character classes it draws from (26 lower-case
  letters, 26 capitals, 10 digits, 33 for anything else), the classes of the whole
  passphrase: the most an attacker who knows the classes must try per character;
- a character worth nothing: the third of a run (``aaa``, ``abc``, ``321``) or of three
  characters already seen together (``Summer2025Summer2025``);
- a word, a run of five letters or more between separators, is worth at most WORD_BITS,
  about a guess among 10,000 words, however long: the estimate cannot tell a random run of
  letters from a word, so it takes it for a word;
- separators (space, hyphen, dot, underscore) are worth nothing.
The proposal passes (its groups are four characters; the rare draw with a run of three or
with no digit, which the estimate would put under the bar, is drawn again: that costs the
proposal less than 0.1 bit). "7" is worth 3.3 bits, "password123" 23.
"""

from __future__ import annotations

import math
import secrets
import string

from django.utils.translation import gettext as _

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
GROUPS, GROUP_SIZE = 4, 4
MIN_BITS = 80
WORD_BITS = math.log2(10_000)
WORD_LETTERS = 5
SEPARATORS = frozenset(" -._")
CLASSES = (
    (frozenset(string.ascii_lowercase), 26),
    (frozenset(string.ascii_uppercase), 26),
    (frozenset(string.digits), 10),
)
OTHER = 33  # ASCII punctuation and anything else


def propose() -> str:
    """A fresh passphrase of about 80 bits, e.g. ``K7QM-2XWD-9HCT-PB4R``."""
    while True:
        groups = (
            "".join(secrets.choice(ALPHABET) for _ in range(GROUP_SIZE)) for _ in range(GROUPS)
        )
        proposal = "-".join(groups)
        if strength(proposal) >= MIN_BITS:
            return proposal


def _pool(chars: list[str]) -> int:
    pool = sum(size for members, size in CLASSES if any(c in members for c in chars))
    if any(not any(c in members for members, _size in CLASSES) for c in chars):
        pool += OTHER
    return pool


def strength(passphrase: str) -> float:
    """A low estimate of the passphrase's strength in bits (see the module's docstring)."""
    chars = [c for c in passphrase if c not in SEPARATORS]
    if not chars:
        return 0.0
    per_char = math.log2(_pool(chars))
    total = 0.0
    word: list[float] = []  # the worth of the letters of the current run of letters
    recent: list[str] = []  # the characters so far, separators left out
    seen: set[str] = set()

    def end_word() -> float:
        letters = sum(word)
        worth = min(letters, WORD_BITS) if len(word) >= WORD_LETTERS else letters
        word.clear()
        return worth

    for char in passphrase:
        if char in SEPARATORS:
            total += end_word()
            continue
        value = per_char
        if len(recent) >= 2:
            first, second = ord(recent[-2]), ord(recent[-1])
            step = second - first
            if step in (-1, 0, 1) and ord(char) - second == step:
                value = 0.0  # the third of a run: aaa, abc, 321
            three = (recent[-2] + recent[-1] + char).lower()
            if three in seen:
                value = 0.0  # three characters already seen together
            seen.add(three)
        recent.append(char)
        if char.isalpha():
            word.append(value)
        else:
            total += end_word() + value
    return total + end_word()


def problem(passphrase: str) -> str | None:
    """Why the passphrase is too weak, translated, or None."""
    bits = strength(passphrase)
    if bits >= MIN_BITS:
        return None
    return _(
        "This passphrase is too easy to guess (about %(bits)s bits; at least %(min)s are "
        "needed). Use the one proposed, or one at least as long and as random: words, "
        "repeats and runs such as 1234 count for little."
    ) % {"bits": int(bits), "min": MIN_BITS}
