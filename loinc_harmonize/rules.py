"""Lexicons from ``playbook_data/``: abbreviation rules and part rules, as token tries.

A rule's pattern is written as plain text in the TSV and tokenized by the same tokenizer
the normalizer uses, so ``w/o`` in the file matches ``W/O`` in a description.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from loinc_harmonize.exceptions import PlaybookFormatError, located
from loinc_harmonize.vocab import Vocabulary, data_dir, load_vocabulary, read_tsv

TOKEN = re.compile(r"[^\W_]+|[/&+\-<>≤≥]")


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens plus the symbols ``/ & + - < >`` that abbreviations use."""
    return TOKEN.findall(text.casefold())


@dataclass(frozen=True)
class Rewrite:
    """An abbreviation rule: ``pattern`` tokens become ``replacement`` tokens."""

    rule_id: str
    kind: str
    pattern: tuple[str, ...]
    replacement: tuple[str, ...]


@dataclass(frozen=True)
class PartRule:
    """A part rule: ``pattern`` tokens give ``field = value`` (within ``scope`` modalities)."""

    rule_id: str
    field: str
    pattern: tuple[str, ...]
    value: str
    scope: frozenset[str]


@dataclass(frozen=True)
class Implication:
    """Domain knowledge as data: within ``scope``, parts ``when`` imply ``field = value``."""

    rule_id: str
    scope: frozenset[str]
    when: tuple[tuple[str, str], ...]
    field: str
    value: str
    #: set (only when empty), add (another value), replace (empty: clear), drop (remove
    #: ``value``: a word read only so that other rules can refine it)
    mode: str = "set"

    @property
    def trigger(self) -> tuple[str, str] | None:
        """A (field, value) the parts must hold for the rule to apply, if any: checked first,
        as most rules name a value most descriptions lack."""
        return next(
            ((f, v) for f, v in self.when if v and v != "*" and v[0] != "!" and "|" not in v), None
        )


@dataclass(frozen=True)
class Lexicon:
    """All rules kept as data, indexed by first token for longest-match scanning."""

    rewrites: dict[str, list[Rewrite]]
    parts: dict[str, list[tuple[tuple[str, ...], list[PartRule]]]]
    placeholders: frozenset[tuple[str, ...]]
    known_words: frozenset[str]
    vocabulary: Vocabulary
    implications: tuple[Implication, ...] = ()
    folder: Path = field(default_factory=data_dir)

    def words_starting_with(self, prefix: str) -> list[str]:
        """Known words that start with ``prefix`` (itself included), in sorted order."""
        words = self.sorted_known_words
        start = bisect.bisect_left(words, prefix)
        end = start
        while end < len(words) and words[end].startswith(prefix):
            end += 1
        return list(words[start:end])

    @cached_property
    def sorted_known_words(self) -> tuple[str, ...]:
        """``known_words`` sorted, for prefix search by bisection."""
        return tuple(sorted(self.known_words))

    @cached_property
    def implication_triggers(
        self,
    ) -> dict[str, tuple[tuple[Implication, tuple[str, str] | None], ...]]:
        """The implications in scope for each modality, in file order, each with its
        ``trigger`` (computed once here: parsing checks it for every rule)."""
        modalities = {m for rule in self.implications for m in rule.scope}
        return {
            m: tuple((rule, rule.trigger) for rule in self.implications if m in rule.scope)
            for m in modalities
        }

    def phrase_endings(self, before: list[str], prefix: str, *, context: int) -> set[str]:
        """Last words, longer than ``prefix`` and starting with it, of the patterns (parts and
        rewrites) whose other words are the last ``context`` or more words of ``before``."""
        endings: set[str] = set()
        for start in range(max(0, len(before) - 4), len(before) - context + 1):
            words = tuple(before[start:])
            patterns = [p for p, _ in self.parts.get(words[0], ())]
            patterns += [r.pattern for r in self.rewrites.get(words[0], ())]
            endings.update(
                p[-1]
                for p in patterns
                if p[:-1] == words and p[-1].startswith(prefix) and p[-1] != prefix
            )
        return endings

    def longest_rewrite(self, tokens: list[str], at: int) -> Rewrite | None:
        """The longest abbreviation rule matching ``tokens`` at position ``at``."""
        for rule in self.rewrites.get(tokens[at], ()):
            if tuple(tokens[at : at + len(rule.pattern)]) == rule.pattern:
                return rule
        return None

    def longest_parts(self, tokens: list[str], at: int) -> tuple[int, list[PartRule]]:
        """Length and rules of the longest part pattern matching at ``at`` (0 when none)."""
        for pattern, rules in self.parts.get(tokens[at], ()):
            if tuple(tokens[at : at + len(pattern)]) == pattern:
                return len(pattern), rules
        return 0, []


def load_lexicon(folder: Path | None = None) -> Lexicon:
    """Read ``abbreviations.tsv``, ``parts_lexicon.tsv`` and ``placeholders.tsv``."""
    root = folder or data_dir()
    rewrites: dict[str, list[Rewrite]] = {}
    for row in read_tsv(root / "abbreviations.tsv", ("id", "kind", "pattern", "replacement")):
        pattern = tuple(tokenize(row["pattern"]))
        if pattern:
            rule = Rewrite(row["id"], row["kind"], pattern, tuple(tokenize(row["replacement"])))
            rewrites.setdefault(pattern[0], []).append(rule)
    for rules in rewrites.values():
        rules.sort(key=lambda r: -len(r.pattern))
    grouped: dict[tuple[str, ...], list[PartRule]] = {}
    for row in read_tsv(root / "parts_lexicon.tsv", ("id", "field", "pattern", "value", "scope")):
        pattern = tuple(tokenize(row["pattern"]))
        scope = frozenset(s for s in row["scope"].split("|") if s)
        grouped.setdefault(pattern, []).append(
            PartRule(row["id"], row["field"], pattern, row["value"], scope)
        )
    parts: dict[str, list[tuple[tuple[str, ...], list[PartRule]]]] = {}
    for pattern, part_rules in grouped.items():
        parts.setdefault(pattern[0], []).append((pattern, part_rules))
    for entries in parts.values():
        entries.sort(key=lambda e: -len(e[0]))
    placeholders = frozenset(
        tuple(tokenize(r["pattern"]))
        for r in read_tsv(root / "placeholders.tsv", ("id", "pattern"))
    )
    known = {t for rules in rewrites.values() for r in rules for t in (*r.pattern, *r.replacement)}
    known |= {t for pattern in grouped for t in pattern}
    implications = _read_implications(root / "implications.tsv")
    return Lexicon(
        rewrites, parts, placeholders, frozenset(known), load_vocabulary(root), implications, root
    )


#: How an implication writes its part (see ``Implication.mode``).
IMPLICATION_MODES = ("set", "add", "replace", "drop")


def _condition(text: str) -> tuple[str, str]:
    """``field=value`` -> (field, value); ``field!=value`` -> (field, "!value"); a value may
    be ``a|b``, one of them (``a|``: that one or none)."""
    field, value = text.split("=", 1)
    return (field[:-1], "!" + value) if field.endswith("!") else (field, value)


def _read_implications(path: Path) -> tuple[Implication, ...]:
    implications = []
    rows = read_tsv(path, ("id", "scope", "when", "then", "mode"))
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        if row["mode"] not in IMPLICATION_MODES:
            problem = f"mode {row['mode']!r} is not one of {', '.join(IMPLICATION_MODES)}"
            raise PlaybookFormatError(located(path, problem, row=number, column="mode"))
        conditions = [c for c in row["when"].split("&") if c]
        for column, parts in (("when", conditions), ("then", [row["then"]])):
            bad = next((part for part in parts if "=" not in part), None)
            if bad is not None:
                problem = f"{bad!r} is not field=value"
                raise PlaybookFormatError(located(path, problem, row=number, column=column))
        implications.append(
            Implication(
                row["id"],
                frozenset(row["scope"].split("|")),
                tuple(_condition(c) for c in conditions),
                *_condition(row["then"]),
                mode=row["mode"],
            )
        )
    return tuple(implications)


@lru_cache(maxsize=4)
def default_lexicon() -> Lexicon:
    """The bundled lexicon, read once per process (it is immutable)."""
    return load_lexicon()
