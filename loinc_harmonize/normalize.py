"""Pure text steps: clean, tokenize, expand abbreviations, complete truncated words.

``normalize`` is deterministic and idempotent: ``normalize(normalize(x).text).text`` equals
``normalize(x).text``. Every output token keeps the span of the original text it came from.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from loinc_harmonize.rules import TOKEN, Lexicon, default_lexicon

#: Longer input is cut here: no real description is longer, and it bounds the work.
MAX_CHARS = 1000
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_ASCII_CONTROL_TO_SPACE = {code: " " for code in (*range(0x20), 0x7F)}
_MOJIBAKE = re.compile(r"[ÃÂâ][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2013-\u203a]")


class NormalizedToken(BaseModel):
    """One token of the normalized text and the span of the original it came from."""

    model_config = ConfigDict(frozen=True)

    text: str
    start: int
    end: int


class AppliedRule(BaseModel):
    """A lexicon rule that changed the text, with the original span it applied to."""

    model_config = ConfigDict(frozen=True)

    rule_id: str
    span: tuple[int, int]
    before: str
    after: str


class NormalizedText(BaseModel):
    """The result of ``normalize``: text, tokens with spans, rules applied, flags."""

    model_config = ConfigDict(frozen=True)

    original: str
    text: str
    tokens: tuple[NormalizedToken, ...] = ()
    rules: tuple[AppliedRule, ...] = ()
    placeholder: bool = Field(False, description="True when there is no usable description")
    flags: tuple[str, ...] = ()


class Token(NamedTuple):
    """A token while normalizing (``NormalizedToken`` is its record in ``NormalizedText``):
    parsing builds many and keeps none, so they are plain tuples."""

    text: str
    start: int
    end: int


class Applied(NamedTuple):
    """A rule applied while normalizing (``AppliedRule`` is its record)."""

    rule_id: str
    span: tuple[int, int]
    before: str
    after: str


class Normalized(NamedTuple):
    """What ``normalize`` computes, before it becomes a ``NormalizedText`` record."""

    original: str
    tokens: list[Token]
    rules: list[Applied]
    placeholder: bool
    flags: list[str]

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.tokens)


def as_text(value: object) -> tuple[str, list[str]]:
    """Coerce any cell value to text; say why when it is not a string."""
    if value is None:
        return "", ["empty: value is None"]
    if isinstance(value, float) and math.isnan(value):
        return "", ["empty: value is NaN"]
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace"), ["bytes decoded as UTF-8"]
    if not isinstance(value, str):
        return str(value), [f"non-text value of type {type(value).__name__}"]
    return value, []


def _repair_mojibake(text: str) -> tuple[str, bool]:
    if not _MOJIBAKE.search(text):
        return text, False
    try:
        return text.encode("cp1252").decode("utf-8"), True
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text, False


def _clean(text: str) -> tuple[str, list[int]]:
    """NFKC + case folding char by char, control characters to spaces; keep offsets."""
    if text.isascii():
        # NFKC leaves ASCII alone and folding is lowering: one pass, offsets unchanged.
        return text.translate(_ASCII_CONTROL_TO_SPACE).lower(), list(range(len(text)))
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        mapped = " " if _CONTROL.match(char) else unicodedata.normalize("NFKC", char).casefold()
        for out in mapped:
            chars.append(out)
            offsets.append(index)
    return "".join(chars), offsets


def tokens_with_spans(text: str) -> list[Token]:
    """Case-folded tokens of ``text``, each with the span of the original it came from."""
    cleaned, offsets = _clean(text)
    return [
        Token(m.group(), offsets[m.start()], offsets[m.end() - 1] + 1)
        for m in TOKEN.finditer(cleaned)
    ]


#: A protocol's version number glued to a word (``Maxillofacial1``, ``HEAD2``); short
#: letter runs keep theirs (``c7``, ``t12``, ``l5`` are vertebrae).
_NUMBERED_WORD = re.compile(r"([a-z]{4,})\d+")


def _drop_protocol_numbers(tokens: list[Token]) -> list[Token]:
    return [
        t._replace(text=m.group(1)) if (m := _NUMBERED_WORD.fullmatch(t.text)) else t
        for t in tokens
    ]


#: Longest word tried as two glued words (the rules' words are short; this bounds the cost).
_MAX_GLUED = 32
#: A number glued to the word it counts ("3VW", "2VWS").
_COUNTED_WORD = re.compile(r"(\d+)([a-z]{2,})")


def _split_glued(
    tokens: list[Token], lexicon: Lexicon, original: str
) -> tuple[list[Token], list[Applied]]:
    """Split a word the rules do not know into the two words they do, when only one split
    does it (``CHESTPA`` -> ``chest pa``, ``ABDPEL`` -> ``abd pel``), and a number from the
    word it is glued to (``3VW`` -> ``3 vw``)."""
    out: list[Token] = []
    applied: list[Applied] = []
    for token in tokens:
        word = token.text
        if word in lexicon.known_words:
            out.append(token)
            continue
        counted = _COUNTED_WORD.fullmatch(word)
        if counted and counted.group(2) in lexicon.known_words:
            splits = [counted.groups()]  # "3VW" -> "3 vw", as "3 VW" is written
        elif 5 <= len(word) <= _MAX_GLUED and word.isalpha():
            splits = [
                (word[:i], word[i:])
                for i in range(3, len(word) - 1)
                if word[:i] in lexicon.known_words and word[i:] in lexicon.known_words
            ]
        else:
            splits = []
        if len(splits) != 1:
            out.append(token)
            continue
        out.extend(token._replace(text=part) for part in splits[0])
        span = (token.start, token.end)
        applied.append(Applied("GLUED", span, original[span[0] : span[1]], " ".join(splits[0])))
    return out, applied


def _join_split(
    tokens: list[Token], lexicon: Lexicon, original: str
) -> tuple[list[Token], list[Applied]]:
    """Join two neighbouring words the rules do not know into the one they do, split by a
    stray space (``PERFU SION`` -> ``perfusion``)."""
    out: list[Token] = []
    applied: list[Applied] = []
    for token in tokens:
        before = out[-1] if out else None
        word = before.text + token.text if before else ""
        if (
            before is not None
            and before.text.isalpha()
            and token.text.isalpha()
            and before.text not in lexicon.known_words
            and token.text not in lexicon.known_words
            and word in lexicon.known_words
        ):
            span = (before.start, token.end)
            out[-1] = Token(word, *span)
            applied.append(Applied("SPLIT", span, original[span[0] : span[1]], word))
            continue
        out.append(token)
    return out, applied


def _expand(
    tokens: list[Token], lexicon: Lexicon, original: str
) -> tuple[list[Token], list[Applied]]:
    words = [t.text for t in tokens]
    out: list[Token] = []
    applied: list[Applied] = []
    at = 0
    while at < len(tokens):
        rule = lexicon.longest_rewrite(words, at)
        if rule is None:
            out.append(tokens[at])
            at += 1
            continue
        start, end = tokens[at].start, tokens[at + len(rule.pattern) - 1].end
        out.extend(Token(w, start, end) for w in rule.replacement)
        if rule.replacement != rule.pattern:
            applied.append(
                Applied(rule.rule_id, (start, end), original[start:end], " ".join(rule.replacement))
            )
        at += len(rule.pattern)
    return out, applied


#: Rewrites of rewrites: a rule's output can be another rule's input ("SPINE^C-SPINE" ->
#: "spine cervical spine" -> "cervical spine spine"); bounded, as rules could grow text.
_MAX_PASSES = 4


def _expand_fully(
    tokens: list[Token], lexicon: Lexicon, original: str
) -> tuple[list[Token], list[Applied]]:
    """``_expand`` until nothing changes, so normalizing normalized text changes nothing."""
    applied: list[Applied] = []
    for _ in range(_MAX_PASSES):
        # A pass that applies no rule (identity rules are not recorded) changed nothing.
        tokens, more = _expand(tokens, lexicon, original)
        if not more:
            break
        applied += more
    return tokens, applied


def _complete_truncated(
    tokens: list[Token], lexicon: Lexicon, original: str
) -> tuple[list[Token], list[Applied]]:
    """Complete a last word cut mid-word (``HODGK`` -> ``hodgkins``) when the prefix is unique;
    the caller reads the completed word's rules (with the words before it)."""
    if not tokens or not tokens[-1].text.isalpha():
        return tokens, []
    last = tokens[-1]
    word = _completed_word(last.text, lexicon)
    if word is None and len(original.strip()) in CUT_LENGTHS:
        # Cut at an export's field width, even a letter can end a phrase the rules know
        # ("CT CHEST LUNG CANCER S" is 22 characters: "lung cancer screening").
        word = _completed_phrase([t.text for t in tokens[:-1]], last.text, lexicon)
    if word is None:
        return tokens, []
    rule = Applied("TRUNCATED", (last.start, last.end), original[last.start : last.end], word)
    return [*tokens[:-1], last._replace(text=word)], [rule]


#: Field widths at which exporters cut descriptions mid-word (MIDRC's tables show 22 and 64).
CUT_LENGTHS = frozenset({22, 64})


def _completed_word(prefix: str, lexicon: Lexicon) -> str | None:
    """The one known word ``prefix`` (3 letters or more, itself unknown) begins."""
    if len(prefix) < 3 or prefix in lexicon.known_words:
        return None
    matches = [w for w in lexicon.words_starting_with(prefix) if w != prefix]
    # Unique, or every match extends the shortest one (hodgkin, hodgkins).
    if not matches or not all(m.startswith(matches[0]) for m in matches):
        return None
    return matches[0]


def _completed_phrase(before: list[str], prefix: str, lexicon: Lexicon) -> str | None:
    """The one last word of the rules' phrases that the two or more words ``before`` begin
    and ``prefix`` starts."""
    endings = lexicon.phrase_endings(before, prefix, context=2)
    return next(iter(endings)) if len(endings) == 1 else None


#: Comparison signs: tokens so that abbreviations can read them ("< 14 WEEKS").
_COMPARISONS = frozenset("<>≤≥")


def _comparisons_of_numbers(tokens: list[Token]) -> list[Token]:
    """Comparison signs before a number ("< 14 WKS") stay, for abbreviations to read; the
    rest are brackets ("<CHEST>", the placeholder "<NONE>") and go."""
    return [
        t
        for i, t in enumerate(tokens)
        if t.text not in _COMPARISONS or (i + 1 < len(tokens) and tokens[i + 1].text.isdigit())
    ]


def _drop_stray_symbols(tokens: list[Token]) -> list[Token]:
    """Keep ``-`` only in number ranges (``1-2``) and ``+`` after numbers or before contrast;
    a comparison no rule read (``<``, ``>``) goes."""
    kept: list[Token] = []
    for i, token in enumerate(tokens):
        before = tokens[i - 1].text if i else ""
        after = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if token.text in ("/", "&") or token.text in _COMPARISONS:
            continue
        if token.text == "-" and not (before.isdigit() and after.isdigit()):
            continue
        if token.text == "+" and not (before.isdigit() or after == "contrast"):
            continue
        kept.append(token)
    return kept


def normalize(value: object, *, lexicon: Lexicon | None = None) -> NormalizedText:
    """Normalize a raw description.

    Examples
    --------
    >>> normalize("CT ABD/PEL W/O").text
    'ct abdomen pelvis without'
    >>> normalize("(blank)").placeholder
    True
    """
    done = normalized(value, lexicon or default_lexicon())
    return NormalizedText(
        original=done.original,
        text=done.text,
        tokens=tuple(NormalizedToken(text=t.text, start=t.start, end=t.end) for t in done.tokens),
        rules=tuple(
            AppliedRule(rule_id=r.rule_id, span=r.span, before=r.before, after=r.after)
            for r in done.rules
        ),
        placeholder=done.placeholder,
        flags=tuple(done.flags),
    )


def normalized(value: object, lex: Lexicon) -> Normalized:
    """``normalize`` without building its records (what ``parse`` reads)."""
    text, flags = as_text(value)
    if len(text) > MAX_CHARS:
        flags.append(f"truncated from {len(text)} to {MAX_CHARS} characters")
        text = text[:MAX_CHARS]
    repaired, changed = _repair_mojibake(text)
    if changed:
        flags.append("mojibake repaired")
    raw = tokens_with_spans(repaired)
    # Spans must index the caller's text; a repair changes lengths, so spans then cover it all.
    if changed:
        raw = [t._replace(start=0, end=len(text)) for t in raw]
    raw = _comparisons_of_numbers(_drop_protocol_numbers(raw))
    split, glued = _split_glued(raw, lex, text)
    expanded, applied = _expand_fully(split, lex, text)
    applied = glued + applied
    kept = _drop_stray_symbols(expanded)
    # After the symbols go, as normalizing the result again would see the words ("G&I").
    kept, joined = _join_split(kept, lex, text)
    applied += joined
    if len(kept) < len(expanded):
        # Dropping a symbol or joining a split word brings words together ("1/V" -> "1 v"):
        # read them again.
        kept, again = _expand_fully(kept, lex, text)
        applied += again
    # After the symbols go, so a site suffix ("CONTRAS-CS") leaves the cut word last.
    expanded, truncation = _complete_truncated(kept, lex, text)
    if truncation:
        # The completed word may be abbreviated or finish a longer pattern ("w contr").
        expanded, again = _expand_fully(expanded, lex, text)
        truncation += again
    words = tuple(t.text for t in raw)
    # A description needs a word: numbers and punctuation alone describe no procedure.
    placeholder = (
        not expanded or words in lex.placeholders or not any(t.text.isalpha() for t in expanded)
    )
    if placeholder:
        flags.append("placeholder: no usable description" if text.strip() else "empty description")
    return Normalized(text, expanded, applied + truncation, placeholder, flags)
