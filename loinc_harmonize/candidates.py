"""Candidate retrieval: modality blocking, TF-IDF over long common names and curated examples,
and a sparse part-feature match, all vectorized over the block (no Python loop over codes).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
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


def _vectorizer() -> TfidfVectorizer:
    # Character n-grams within word boundaries tolerate typos and truncation.
    return TfidfVectorizer(
        analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, lowercase=True, dtype=np.float32
    )


class CandidateIndex:
    """Vectorized views of a playbook: TF-IDF matrix, part-feature matrix, modality blocks."""

    def __init__(self, procedures: Sequence[Procedure], lexicon: Lexicon) -> None:
        self.procedures = list(procedures)
        self.codes = [p.code for p in self.procedures]
        self.position = {code: i for i, code in enumerate(self.codes)}
        documents = [normalize(p.long_common_name, lexicon=lexicon).text for p in self.procedures]
        self.vectorizer = _vectorizer().fit(documents)
        self.text_matrix = self.vectorizer.transform(documents).tocsr()
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
        self.active = np.array([p.status == "ACTIVE" for p in self.procedures])

    def block(self, parsed: ParsedDescription) -> np.ndarray:
        """Indexes of codes whose modality the description allows (all codes if unknown)."""
        allowed = set(parsed.compatible_modalities)
        if parsed.modality_type:
            allowed.add(parsed.modality_type)
        if not allowed:
            return np.arange(len(self.procedures))
        mask = np.isin(self.modality, list(allowed))
        return np.flatnonzero(mask)

    def text_similarity(self, normalized_text: str, rows: np.ndarray) -> np.ndarray:
        """Cosine similarity of the description to each code's long common name in ``rows``."""
        query = self.vectorizer.transform([normalized_text])
        return np.asarray((self.text_matrix[rows] @ query.T).todense()).ravel()

    def feature_agreement(self, parsed: ParsedDescription, rows: np.ndarray) -> np.ndarray:
        """Number of discrete part features each code in ``rows`` shares with the description."""
        cols = [self.feature_index[f] for f in part_features(parsed) if f in self.feature_index]
        if not cols:
            return np.zeros(len(rows), dtype=np.float32)
        return np.asarray(self.feature_matrix[rows][:, cols].sum(axis=1)).ravel()


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
        self.vectorizer = _vectorizer().fit(list(texts) or ["empty"])
        self.matrix = self.vectorizer.transform(list(texts)).tocsr()
        self.by_signature: dict[tuple[object, ...], list[int]] = {}
        for i, sig in enumerate(signatures):
            self.by_signature.setdefault(sig, []).append(i)

    def neighbours(
        self, normalized_text: str, parsed: ParsedDescription, k: int
    ) -> dict[str, float]:
        """Best similarity per code among the ``k`` most similar same-signature examples."""
        rows = self.by_signature.get(signature(parsed), [])
        if not rows or k <= 0:
            return {}
        query = self.vectorizer.transform([normalized_text])
        sims = np.asarray((self.matrix[rows] @ query.T).todense()).ravel()
        order = np.argsort(-sims, kind="stable")[:k]
        best: dict[str, float] = {}
        for j in order:
            code = self.codes[rows[j]]
            best[code] = max(best.get(code, 0.0), float(sims[j]))
        return best
