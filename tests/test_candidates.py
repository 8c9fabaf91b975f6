"""Candidate retrieval: the TF-IDF index agrees with scikit-learn's, blocking, part features."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz
from sklearn.feature_extraction.text import TfidfVectorizer

from loinc_harmonize import load_playbook
from loinc_harmonize.candidates import (
    NGRAM_SIZES,
    WORD_MARK,
    CandidateIndex,
    CuratedIndex,
    TextIndex,
    char_ngrams,
    signature,
    terms,
)
from loinc_harmonize.models import Procedure
from loinc_harmonize.normalize import normalize, normalized
from loinc_harmonize.parse import parse
from loinc_harmonize.rules import default_lexicon


def _sklearn() -> TfidfVectorizer:
    return TfidfVectorizer(analyzer=terms, sublinear_tf=True)


@given(st.text(alphabet="abc xyz-", max_size=30))
@settings(max_examples=200, deadline=None)
def test_char_ngrams_match_sklearn_char_wb(text: str) -> None:
    analyzer = TfidfVectorizer(analyzer="char_wb", ngram_range=NGRAM_SIZES).build_analyzer()
    assert char_ngrams(text) == analyzer(text)


@given(st.text(alphabet="abc xyz-", max_size=30))
@settings(max_examples=200, deadline=None)
def test_terms_are_char_ngrams_and_words(text: str) -> None:
    found = terms(text)
    words = text.lower().split()
    assert [t for t in found if not t.startswith(WORD_MARK)] == char_ngrams(text)
    assert [t[1:] for t in found if t.startswith(WORD_MARK)] == words


@pytest.fixture(scope="module")
def names() -> list[str]:
    playbook = load_playbook()
    return [normalize(p.long_common_name).text for p in list(playbook)[:400]]


def test_index_weights_match_sklearn(names: list[str]) -> None:
    vectorizer = _sklearn()
    expected = vectorizer.fit_transform(names)
    index = TextIndex(names)
    assert index.vocabulary == vectorizer.vocabulary_
    assert np.allclose(index.idf, vectorizer.idf_, rtol=1e-6)
    assert np.allclose(index.by_ngram.T.toarray(), expected.toarray(), atol=1e-6)


@pytest.fixture(scope="module")
def fitted(names: list[str]) -> tuple[TfidfVectorizer, Any, TextIndex]:
    """sklearn's vectorizer and matrix, and our index, over the same names (one index, so its
    word cache is shared by the queries, as in a batch)."""
    vectorizer = _sklearn()
    return vectorizer, vectorizer.fit_transform(names), TextIndex(names)


LONG_QUERY = " ".join(
    ["ct chest abdomen pelvis with contrast"] * 4
)  # > 16 words: computed directly


@pytest.mark.parametrize(
    "query",
    [
        "ct chest without contrast",
        "xr knee 3 views right",
        "zzz",
        "chest chest chest",
        "abdomen pelvis abdomen pelvis",  # repeated words
        LONG_QUERY,
    ],
)
def test_query_similarity_is_sklearn_cosine(names: list[str], query: str) -> None:
    vectorizer = _sklearn()
    matrix = vectorizer.fit_transform(names)
    expected = (matrix @ vectorizer.transform([query]).T).toarray().ravel()
    assert np.allclose(TextIndex(names).similarity(query), expected, atol=1e-5)


@given(
    st.lists(
        st.sampled_from(["ct", "chest", "pelvis", "knee", "xr", "views", "lumbar", "zq", "ee"]),
        min_size=1,
        max_size=8,
    )
)
@settings(max_examples=60, deadline=None)
def test_any_query_similarity_is_sklearn_cosine(
    fitted: tuple[TfidfVectorizer, Any, TextIndex], words: list[str]
) -> None:
    """Whatever n-grams a query repeats, across its words or within one, and whether they are
    frequent (a dense row) or rare (a posting list), the cosine is sklearn's."""
    vectorizer, matrix, index = fitted
    query = " ".join(words)
    expected = (matrix @ vectorizer.transform([query]).T).toarray().ravel()
    assert np.allclose(index.similarity(query), expected, atol=1e-5)


def test_restricted_index_keeps_weights(names: list[str]) -> None:
    index = TextIndex(names)
    rows = np.array([3, 10, 200, 399])
    query = "mr brain without and with contrast"
    assert np.allclose(index.restricted(rows).similarity(query), index.similarity(query)[rows])


def test_empty_index() -> None:
    index = TextIndex([])
    assert index.similarity("ct chest").shape == (0,)


def test_word_cache_is_bounded_across_restricted_copies(names: list[str]) -> None:
    """Cached word vectors count against one budget shared by an index and its restricted
    copies; passing it clears a cache, never changes a similarity."""
    index = TextIndex(names)
    rows = np.arange(0, len(names), 2)
    sub = index.restricted(rows)
    limit = 3 * (index.size + 64)
    index._budget.limit = limit
    queries = [f"ct chest w{i} xr{i} mr knee{i}" for i in range(20)]
    for query in queries:
        expected = TextIndex(names).similarity(query)
        assert np.allclose(index.similarity(query), expected, atol=1e-6)
        assert np.allclose(sub.similarity(query), expected[rows], atol=1e-6)
        assert 0 <= index._budget.used <= limit
        assert len(index._words) * (index.size + 64) + len(sub._words) * (sub.size + 64) == (
            index._budget.used
        )


def test_fuzzy_similarity_takes_the_best_of_name_and_synonyms() -> None:
    lexicon = default_lexicon()
    plain = Procedure(code="1-1", long_common_name="US Pelvis and Fetus", modality_type="US")
    named = plain.model_copy(update={"code": "2-2", "synonyms": ("Obstetric ultrasound",)})
    index = CandidateIndex([plain, named], lexicon)
    query = normalized("OBSTETRIC ULTRASOUND", lexicon).text
    by_name, by_synonym = index.fuzzy_similarity(query, [0, 1])
    synonym = normalized("Obstetric ultrasound", lexicon).text
    assert by_synonym == pytest.approx(fuzz.token_set_ratio(query, synonym) / 100)
    assert by_synonym > by_name
    assert index.fuzzy_similarity(query, [1, 0]).tolist() == [by_synonym, by_name]


def test_curated_vote_counts_whole_words_in_any_order() -> None:
    """An example's similarity is the mean of TF-IDF and rapidfuzz's token-set overlap, so a
    description whose words all appear in a longer curated description is close to it."""
    parsed = parse("CHEST PORTABLE", "CR")
    texts = ["xr chest portable morning routine", "portable film"]
    index = CuratedIndex(texts, ["1-1", "2-2"], [signature(parsed)] * 2)
    tfidf = TextIndex(texts).similarity("chest portable")
    subset = (tfidf[0] + 1.0) / 2  # every word of the query is in the first example
    other = (tfidf[1] + fuzz.token_set_ratio("chest portable", texts[1]) / 100) / 2
    votes = index.neighbours("chest portable", parsed, 10)
    assert votes["1-1"] == pytest.approx(subset * subset / (subset + other), rel=1e-5)
    assert votes["1-1"] > votes["2-2"]
