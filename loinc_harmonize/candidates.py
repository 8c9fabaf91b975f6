"""Candidate retrieval: modality blocking, TF-IDF over long common names and curated examples,
and a sparse part-feature match, all vectorized over the block (no Python loop over codes).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from scipy import sparse

from loinc_harmonize.models import ParsedDescription, Procedure
from loinc_harmonize.normalize import normalize
from loinc_harmonize.rules import Lexicon


def part_features(parts: ParsedDescription | Procedure) -> list[str]:
    """Discrete features shared by descriptions and codes, for a fast agreement count."""
    features = [f"region={r}" for r in parts.region_imaged]
    features += [f"focus={f}" for f in parts.imaging_focus]
    for name in (
        "modality_subtype",
        "laterality",
        "timing",
        "reason_for_exam",
        "guidance_for_action",
        "guidance_for_object",
    ):
        value = getattr(parts, name)
        if value:
            features.append(f"{name}={value}")
    if parts.view_count is not None:
        features.append(f"views={parts.view_count}")
    return features


#: Character n-gram sizes: within word boundaries, they tolerate typos and truncation.
NGRAM_SIZES = (2, 4)


def char_ngrams(text: str) -> list[str]:
    """The character n-grams of each space-padded word (scikit-learn's ``char_wb`` analyzer).

    >>> char_ngrams("ct")[:3]
    [' c', 'ct', 't ']
    """
    grams: list[str] = []
    for word in text.lower().split():
        grams += _word_ngrams(word)
    return grams


@lru_cache(maxsize=1 << 16)
def _word_ngrams(word: str) -> tuple[str, ...]:
    # Words recur across thousands of names and descriptions: each is cut once (pure cache).
    low, high = NGRAM_SIZES
    padded = f" {word} "
    size = len(padded)
    grams: list[str] = []
    for n in range(low, high + 1):
        if size <= n:  # a short word counts once, whole
            grams.append(padded)
            break
        grams += [padded[i : i + n] for i in range(size - n + 1)]
    return tuple(grams)


class TextIndex:
    """TF-IDF over character n-grams (sublinear term frequency, smoothed IDF, L2 norm), the
    same weighting as scikit-learn's ``TfidfVectorizer(analyzer="char_wb",
    sublinear_tf=True)``, which a test checks.

    It is computed here because importing scikit-learn costs most of a second at every start
    of the command line, and both fitting and a single query are a few lines of numpy.
    """

    def __init__(self, documents: Sequence[str]) -> None:
        grams_per_doc = [char_ngrams(d) for d in documents]
        self.size = len(documents)
        # Vectorized counting: factorize every n-gram occurrence, then count (doc, n-gram) pairs.
        occurrences = [gram for grams in grams_per_doc for gram in grams]
        codes, uniques = pd.factorize(pd.Series(occurrences, dtype=object), sort=True)
        vocabulary = [str(u) for u in uniques]
        self.vocabulary: dict[str, int] = {gram: i for i, gram in enumerate(vocabulary)}
        doc_of = np.repeat(np.arange(self.size), [len(g) for g in grams_per_doc])
        pairs, counts = np.unique(doc_of * len(vocabulary) + codes, return_counts=True)
        docs, grams = np.divmod(pairs, max(len(vocabulary), 1))
        tf = 1.0 + np.log(counts.astype(np.float64))
        df = np.bincount(grams, minlength=len(vocabulary))
        idf = np.log((1.0 + self.size) / (1.0 + df)) + 1.0
        weights = tf * idf[grams]
        norms = np.sqrt(np.bincount(docs, weights=weights**2, minlength=self.size))
        weights /= np.where(norms > 0, norms, 1.0)[docs]
        self.idf = idf.astype(np.float32)
        # Rows are n-grams: a query's few n-grams select a few rows.
        self.by_ngram = sparse.csr_matrix(
            (weights.astype(np.float32), (grams, docs)), shape=(len(vocabulary), self.size)
        )
        self.by_ngram.sort_indices()
        self._layout = _Layout(self.by_ngram)

    def restricted(self, rows: np.ndarray) -> TextIndex:
        """The same index (vocabulary and weights) over the documents in ``rows`` only.

        A query then touches only these documents' n-grams: a modality block is a fraction
        of the playbook, and so is the work.
        """
        sub = copy.copy(self)
        if self.size:
            sub.by_ngram = self.by_ngram[:, rows].tocsr()
            sub.by_ngram.sort_indices()
            sub.size = len(rows)
            sub._layout = _Layout(sub.by_ngram)
        return sub

    def similarity(self, text: str) -> np.ndarray:
        """Cosine similarity of ``text`` to every document, in document order."""
        counts: dict[int, int] = {}
        for gram in char_ngrams(text):
            index = self.vocabulary.get(gram)
            if index is not None:
                counts[index] = counts.get(index, 0) + 1
        if not counts:
            return np.zeros(self.size, dtype=np.float32)
        indexes = np.fromiter(counts, dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        weights = (1.0 + np.log(tf)) * self.idf[indexes]
        weights /= np.linalg.norm(weights)
        return self._layout.weighted_sum(indexes, weights)


#: An n-gram in at least this share of the documents is kept as a dense row.
_DENSE_SHARE = 1 / 16


class _Layout:
    """The n-gram x document weights laid out for fast weighted sums of a few rows.

    Frequent n-grams (" ct", "ches") are in most documents: they are dense rows, summed with
    one small matrix product. The rest are posting lists (the documents that have the n-gram
    and its weight in each), summed with one ``bincount``. Either way is plain numpy: building
    a scipy matrix per query costs more than the arithmetic at this size.
    """

    def __init__(self, by_ngram: sparse.csr_matrix) -> None:
        self.ptr, self.docs, self.values = by_ngram.indptr, by_ngram.indices, by_ngram.data
        self.size = by_ngram.shape[1]
        lengths = np.diff(self.ptr)
        frequent = np.flatnonzero(lengths >= max(2, int(self.size * _DENSE_SHARE)))
        # Per n-gram: its row in ``dense``, or -1 when it is a posting list.
        self.dense_row = np.full(len(lengths), -1, dtype=np.int64)
        self.dense_row[frequent] = np.arange(len(frequent))
        self.dense = by_ngram[frequent].toarray().astype(np.float32)

    def weighted_sum(self, ngrams: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """``sum(weights[k] * row(ngrams[k]))`` over the documents, as float32."""
        rows = self.dense_row[ngrams]
        is_dense = rows >= 0
        out = weights[is_dense].astype(np.float32) @ self.dense[rows[is_dense]]
        rare, rare_weights = ngrams[~is_dense], weights[~is_dense]
        if len(rare):
            starts = self.ptr[rare]
            lengths = self.ptr[rare + 1] - starts
            # Positions of every posting of the rare n-grams in the flat arrays.
            at = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
            at += np.arange(len(at))
            values = self.values[at] * np.repeat(rare_weights, lengths)
            out += np.bincount(self.docs[at], weights=values, minlength=self.size).astype(
                np.float32
            )
        return np.asarray(out, dtype=np.float32)


class CandidateIndex:
    """Vectorized views of a playbook: TF-IDF matrix, part-feature matrix, modality blocks."""

    def __init__(self, procedures: Sequence[Procedure], lexicon: Lexicon) -> None:
        self.procedures = list(procedures)
        self.codes = [p.code for p in self.procedures]
        self.position = {code: i for i, code in enumerate(self.codes)}
        documents = [normalize(p.long_common_name, lexicon=lexicon).text for p in self.procedures]
        self.documents = documents
        self.text = TextIndex(documents)
        # Inverted lists: the codes that have each part feature.
        by_feature: dict[str, list[int]] = {}
        for i, procedure in enumerate(self.procedures):
            for feature in part_features(procedure):
                by_feature.setdefault(feature, []).append(i)
        self.codes_with_feature = {
            feature: np.array(codes, dtype=np.int64) for feature, codes in by_feature.items()
        }
        self.modality = np.array([p.modality_type or "" for p in self.procedures], dtype=object)
        self._blocks: dict[tuple[str, ...], tuple[np.ndarray, TextIndex]] = {}

    def _block(self, parsed: ParsedDescription) -> tuple[np.ndarray, TextIndex]:
        allowed = set(parsed.compatible_modalities)
        if parsed.modality_type:
            allowed.add(parsed.modality_type)
        key = tuple(sorted(allowed))
        if key not in self._blocks:  # a handful of modality sets recur across a whole run
            rows = (
                np.flatnonzero(np.isin(self.modality, list(key)))
                if key
                else np.arange(len(self.procedures))
            )
            self._blocks[key] = (rows, self.text.restricted(rows))
        return self._blocks[key]

    def block(self, parsed: ParsedDescription) -> np.ndarray:
        """Indexes of codes whose modality the description allows (all codes if unknown)."""
        return self._block(parsed)[0]

    def text_similarity(self, normalized_text: str, parsed: ParsedDescription) -> np.ndarray:
        """Cosine similarity of the description to the long common name of each code in its
        block (``block(parsed)``), in block order."""
        return self._block(parsed)[1].similarity(normalized_text)

    def fuzzy_similarity(self, normalized_text: str, rows: Sequence[int]) -> np.ndarray:
        """rapidfuzz token-set ratio (0 to 1) of the description to each code's name in ``rows``.

        Word-level and order-free, it complements the character n-gram TF-IDF.
        """
        choices = [self.documents[i] for i in rows]
        scores = process.cdist([normalized_text], choices, scorer=fuzz.token_set_ratio)
        return np.asarray(scores[0], dtype=np.float32) / 100.0

    def feature_agreement(self, parsed: ParsedDescription, rows: np.ndarray) -> np.ndarray:
        """Number of discrete part features each code in ``rows`` shares with the description."""
        lists = [
            self.codes_with_feature[f]
            for f in dict.fromkeys(part_features(parsed))
            if f in self.codes_with_feature
        ]
        if not lists:
            return np.zeros(len(rows), dtype=np.float32)
        counts = np.bincount(np.concatenate(lists), minlength=len(self.procedures))
        return counts[rows].astype(np.float32)


def signature(parsed: ParsedDescription) -> tuple[object, ...]:
    """The parts that decide a code; curated examples only vote for queries that share it."""
    return (
        parsed.modality_type,
        parsed.modality_subtype,
        parsed.region_imaged,
        parsed.imaging_focus,
        parsed.laterality,
        parsed.timing,
        parsed.view_count,
        parsed.view_type,
        parsed.reason_for_exam,
        parsed.guidance_for_action,
        parsed.guidance_for_object,
    )


class CuratedIndex:
    """Curated examples grouped by parse signature, with TF-IDF for a similarity vote per code.

    Character n-grams alone cannot tell ``W`` from ``WO``; requiring the same parsed parts
    keeps a curated neighbour from voting for a code whose parts conflict with the query.
    """

    def __init__(
        self, texts: Sequence[str], codes: Sequence[str], signatures: Sequence[tuple[object, ...]]
    ) -> None:
        self.codes = list(codes)
        self.text = TextIndex(list(texts))
        self.by_signature: dict[tuple[object, ...], list[int]] = {}
        for i, sig in enumerate(signatures):
            self.by_signature.setdefault(sig, []).append(i)

    def neighbours(
        self, normalized_text: str, parsed: ParsedDescription, k: int
    ) -> dict[str, float]:
        """Vote per code from the ``k`` most similar same-signature curated examples.

        A code's vote is its share of the neighbours' summed similarity times its best
        similarity, so the majority of near-identical curated rows wins a disagreement.
        """
        rows = self.by_signature.get(signature(parsed), [])
        if not rows or k <= 0:
            return {}
        sims = self.text.similarity(normalized_text)[rows]
        order = np.argsort(-sims, kind="stable")[:k]
        total: dict[str, float] = {}
        best: dict[str, float] = {}
        for j in order:
            code = self.codes[rows[j]]
            total[code] = total.get(code, 0.0) + float(sims[j])
            best[code] = max(best.get(code, 0.0), float(sims[j]))
        overall = sum(total.values()) or 1.0
        return {code: best[code] * total[code] / overall for code in total}
