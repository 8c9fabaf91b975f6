"""Candidate retrieval: modality blocking, TF-IDF over long common names and curated examples,
and a sparse part-feature match, all vectorized over the block (no Python loop over codes).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

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


class TextIndex:
    """TF-IDF over character n-grams, with a fast path for one query against all documents.

    scikit-learn fits the vocabulary and IDF; a single query is then vectorized here directly,
    which avoids per-call validation overhead and gives the same cosine similarities.
    """

    def __init__(self, documents: Sequence[str]) -> None:
        # Character n-grams within word boundaries tolerate typos and truncation.
        vectorizer = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, dtype=np.float32
        )
        matrix = vectorizer.fit_transform(list(documents) or [""]) if documents else None
        self.size = len(documents)
        self.analyzer = vectorizer.build_analyzer()
        self.vocabulary: dict[str, int] = dict(getattr(vectorizer, "vocabulary_", {}))
        self.idf = vectorizer.idf_.astype(np.float32) if self.vocabulary else np.zeros(0)
        # Rows are n-grams: a query's few n-grams select a few rows.
        self.by_ngram = matrix.T.tocsr() if matrix is not None else sparse.csr_matrix((0, 0))

    def similarity(self, text: str) -> np.ndarray:
        """Cosine similarity of ``text`` to every document, in document order."""
        counts: dict[int, int] = {}
        for gram in self.analyzer(text):
            index = self.vocabulary.get(gram)
            if index is not None:
                counts[index] = counts.get(index, 0) + 1
        if not counts:
            return np.zeros(self.size, dtype=np.float32)
        indexes = np.fromiter(sorted(counts), dtype=np.int64)
        tf = np.array([counts[i] for i in indexes], dtype=np.float32)
        weights = (1.0 + np.log(tf)) * self.idf[indexes]
        weights /= np.linalg.norm(weights)
        return np.asarray(self.by_ngram[indexes].T @ weights).ravel()


class CandidateIndex:
    """Vectorized views of a playbook: TF-IDF matrix, part-feature matrix, modality blocks."""

    def __init__(self, procedures: Sequence[Procedure], lexicon: Lexicon) -> None:
        self.procedures = list(procedures)
        self.codes = [p.code for p in self.procedures]
        self.position = {code: i for i, code in enumerate(self.codes)}
        documents = [normalize(p.long_common_name, lexicon=lexicon).text for p in self.procedures]
        self.documents = documents
        self.text = TextIndex(documents)
        vocabulary: dict[str, int] = {}
        rows, cols = [], []
        for i, procedure in enumerate(self.procedures):
            for feature in part_features(procedure):
                rows.append(i)
                cols.append(vocabulary.setdefault(feature, len(vocabulary)))
        self.feature_index = vocabulary
        self.feature_matrix = sparse.csr_matrix(
            (np.ones(len(rows), dtype=np.float32), (rows, cols)),
            shape=(len(self.procedures), max(len(vocabulary), 1)),
        )
        self.modality = np.array([p.modality_type or "" for p in self.procedures], dtype=object)
        self._blocks: dict[tuple[str, ...], np.ndarray] = {}

    def block(self, parsed: ParsedDescription) -> np.ndarray:
        """Indexes of codes whose modality the description allows (all codes if unknown)."""
        allowed = set(parsed.compatible_modalities)
        if parsed.modality_type:
            allowed.add(parsed.modality_type)
        if not allowed:
            return np.arange(len(self.procedures))
        key = tuple(sorted(allowed))
        if key not in self._blocks:  # a handful of modality sets recur across a whole run
            self._blocks[key] = np.flatnonzero(np.isin(self.modality, list(key)))
        return self._blocks[key]

    def text_similarity(self, normalized_text: str, rows: np.ndarray) -> np.ndarray:
        """Cosine similarity of the description to each code's long common name in ``rows``."""
        return self.text.similarity(normalized_text)[rows]

    def fuzzy_similarity(self, normalized_text: str, rows: Sequence[int]) -> np.ndarray:
        """rapidfuzz token-set ratio (0 to 1) of the description to each code's name in ``rows``.

        Word-level and order-free, it complements the character n-gram TF-IDF.
        """
        choices = [self.documents[i] for i in rows]
        scores = process.cdist([normalized_text], choices, scorer=fuzz.token_set_ratio)
        return np.asarray(scores[0], dtype=np.float32) / 100.0

    def feature_agreement(self, parsed: ParsedDescription, rows: np.ndarray) -> np.ndarray:
        """Number of discrete part features each code in ``rows`` shares with the description."""
        query = np.zeros(self.feature_matrix.shape[1], dtype=np.float32)
        for feature in part_features(parsed):
            if feature in self.feature_index:
                query[self.feature_index[feature]] = 1.0
        return np.asarray(self.feature_matrix @ query).ravel()[rows]


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
