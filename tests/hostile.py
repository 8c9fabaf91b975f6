"""A corpus of hostile and messy cell values, as real exports produce them."""

from __future__ import annotations

HOSTILE_VALUES: list[tuple[str, object]] = [
    ("none", None),
    ("nan", float("nan")),
    ("integer", 12345),
    ("float", 3.5),
    ("empty", ""),
    ("white space only", " \t "),
    ("100 KB string", "CT CHEST " * 11_000),
    ("NUL and control characters", "CT\x00CHEST\x07\x1b[31m"),
    ("emoji", "CT CHEST 😀🫁"),
    ("right-to-left text", "تصوير الصدر"),
    ("right-to-left override", "\u202eTSEHC TC"),
    ("mojibake", "Ã©chographie abdominale"),
    ("looks like a number to Excel", "1E5"),
    ("looks like a date to Excel", "3/4"),
    ("formula", '=HYPERLINK("http://example.invalid","click")'),
    ("formula with plus", "+cmd|' /C calc'!A0"),
    ("embedded newline", "CT CHEST\nWO CONTRAST"),
    ("embedded quotes", "CT \"CHEST\" 'WO'"),
    ("embedded delimiters", "CT, CHEST; WO\tCONTRAST|X"),
    ("placeholder", "(blank)"),
    ("only punctuation", "^^__()--//"),
    ("zero-width characters", "CT\u200bCHEST\u200dWO"),
]

#: Values that carry no usable description: these rows must come back unmapped with a reason.
UNUSABLE = {
    "none",
    "nan",
    "empty",
    "white space only",
    "placeholder",
    "only punctuation",
    "integer",
    "float",
}

#: Text in which no word is recognized: mapped rows come back unmapped, saying so.
NOTHING_RECOGNIZED = {
    "right-to-left text",
    "right-to-left override",
    "mojibake",
    "formula",
    "formula with plus",
}
