"""Candidate retrieval: modality blocking, TF-IDF over long common names and curated examples,
and a sparse part-feature match, all vectorized over the block (no Python loop over codes).
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import chain
from math import log, sqrt
from operator import attrgetter
from typing import NamedTuple

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from scipy import sparse

from loinc_harmonize.models import PART_FIELDS, ParsedDescription, Procedure
from loinc_harmonize.normalize import normalized
from loinc_harmonize.rules import Lexicon

#: The parts ``part_features`` reads.
_FEATURE_FIELDS = (
    "region_imaged",
    "imaging_focus",
    "modality_subtype",
    "laterality",
    "timing",
    "reason_for_exam",
    "guidance_for_action",
    "guidance_for_object",
    "view_count",
)
_feature_inputs = attrgetter(*_FEATURE_FIELDS)
#: The feature of "Views": any number of views.
_OPEN_VIEWS = "views=(1, None)"


def part_features(parts: ParsedDescription | Procedure) -> list[str]:
    """Discrete features shared by descriptions and codes, for a fast agreement count."""
    regions, foci, *single, views = _feature_inputs(parts)
    features = [f"region={r}" for r in regions]
    features += [f"focus={f}" for f in foci]
    for name, value in zip(_FEATURE_FIELDS[2:-1], single, strict=True):
        if value:
            features.append(f"{name}={value}")
    if views is not None:
        features.append(f"views={views}")
    return features


#: Character n-gram sizes: within word boundaries, they tolerate typos and truncation.
NGRAM_SIZES = (2, 4)
#: Marks a word term apart from the character n-grams; no text contains it.
WORD_MARK = "\x00"


def char_ngrams(text: str) -> list[str]:
    """The character n-grams of each space-padded word (scikit-learn's ``char_wb`` analyzer).

    >>> char_ngrams("ct")[:3]
    [' c', 'ct', 't ']
    """
    grams: list[str] = []
    for word in text.lower().split():
        grams += _char_ngrams(word)
    return grams


def terms(text: str) -> list[str]:
    """The TF-IDF terms of a text: each word's character n-grams, then the word itself.

    N-grams match spelling variants and truncations; the word term adds weight to a whole-word
    match. (Pairs of adjacent words were tried as well: on MIDRC's table they favoured names
    that merely repeat a description's word order, and lost top-1 matches.)

    >>> [t.lstrip(WORD_MARK) for t in terms("ct head") if t[0] == WORD_MARK]
    ['ct', 'head']
    """
    out: list[str] = []
    for word in text.lower().split():
        out += _word_terms(word)
    return out


@lru_cache(maxsize=1 << 16)
def _word_terms(word: str) -> tuple[str, ...]:
    # Words recur across thousands of names and descriptions: each is cut once (pure cache).
    return (*_char_ngrams(word), WORD_MARK + word)


def _char_ngrams(word: str) -> tuple[str, ...]:
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
    """TF-IDF over ``terms`` (character n-grams and words) with sublinear term frequency,
    smoothed IDF and L2 norm: scikit-learn's ``TfidfVectorizer(analyzer=terms,
    sublinear_tf=True)``, which a test checks.

    It is computed here because importing scikit-learn costs most of a second at every start
    of the command line, and both fitting and a single query are a few lines of numpy.
    """

    def __init__(self, documents: Sequence[str]) -> None:
        grams_per_doc = [terms(d) for d in documents]
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
        self._idf_values: list[float] = self.idf.tolist()  # read one at a time per query
        # Rows are n-grams: a query's few n-grams select a few rows.
        self.by_ngram = sparse.csr_matrix(
            (weights.astype(np.float32), (grams, docs)), shape=(len(vocabulary), self.size)
        )
        self.by_ngram.sort_indices()
        self._layout = _Layout(self.by_ngram)
        # Shared with restricted copies, so all the blocks of one playbook share one bound.
        self._budget = _Budget(_WORD_CACHE_FLOATS)
        self._words: dict[str, _Word] = self._budget.cache()

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
        sub._words = self._budget.cache()
        return sub

    def similarity(self, text: str) -> np.ndarray:
        """Cosine similarity of ``text`` to every document, in document order.

        The query's weight for an n-gram is ``(1 + log count) * idf``; with every count 1 the
        product with the documents is the sum over the query's words of each word's summed
        ``idf``-weighted rows, and a word's sum is kept (the same words recur across
        descriptions, so a query mostly adds a few cached vectors). N-grams that occur more
        than once in the query are corrected afterwards, in the product and in the norm.
        A long query (random text) is computed directly: its words would rarely recur.
        """
        split = text.lower().split()
        if len(split) > _CACHED_QUERY_WORDS:
            return self._direct(split)
        words = [self._word(word) for word in split]
        squared = sum(word.squared for word in words)
        if not squared:
            return np.zeros(self.size, dtype=np.float32)
        out = np.zeros(self.size, dtype=np.float32)
        for word in words:
            out += word.vector
        # The words added count * idf for a repeated n-gram; the query weighs (1 + log count).
        # A few n-grams repeat ("e " in "chest" and "pelvis"): one row each, added in place.
        idf_of = self._idf_values
        grams, weights = [], []
        for gram, count in Counter(chain.from_iterable(word.ids for word in words)).items():
            if count > 1:
                idf, sublinear = idf_of[gram], 1.0 + log(count)
                squared += (sublinear * sublinear - count) * idf * idf
                grams.append(gram)
                weights.append((sublinear - count) * idf)
        if grams:
            self._layout.add_rows(out, grams, weights)
        out /= np.float32(sqrt(squared))
        return out

    def _direct(self, words: list[str]) -> np.ndarray:
        vocabulary = self.vocabulary
        counts = Counter(
            vocabulary[g] for word in words for g in _word_terms(word) if g in vocabulary
        )
        if not counts:
            return np.zeros(self.size, dtype=np.float32)
        grams = np.fromiter(counts, dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        weight = (1.0 + np.log(tf)) * self.idf[grams]
        return self._layout.weighted_sum(grams, weight / np.linalg.norm(weight))

    def _word(self, word: str) -> _Word:
        # Words recur across descriptions: each is cut, looked up and summed once.
        known = self._words.get(word)
        if known is None:
            self._budget.spend(self.size + 64)  # floats, with the record's overhead
            vocabulary = self.vocabulary
            ids = tuple(vocabulary[g] for g in _word_terms(word) if g in vocabulary)
            indexes = np.array(ids, dtype=np.int64)
            idf = self.idf[indexes]
            vector = self._layout.weighted_sum(indexes, idf)
            vector.flags.writeable = False  # shared by every query that has the word
            idf_of = self._idf_values
            squared = sum(idf_of[i] * idf_of[i] for i in ids)
            known = self._words[word] = _Word(ids, squared, vector)
        return known


class _Budget:
    """Floats of cached word vectors, counted across an index and its restricted copies;
    passing the limit clears every one of their caches."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0
        self._caches: list[dict[str, _Word]] = []

    def cache(self) -> dict[str, _Word]:
        """A new cache counted against this budget."""
        self._caches.append({})
        return self._caches[-1]

    def spend(self, floats: int) -> None:
        """Count a vector about to be cached, first clearing every cache if it would not fit."""
        if self.used + floats > self.limit:
            for cache in self._caches:
                cache.clear()
            self.used = 0
        self.used += floats


class _Word(NamedTuple):
    """One word of a query as this index sees it."""

    ids: tuple[int, ...]  # its n-grams' vocabulary indexes, repeated as they occur
    squared: float  # the sum of their squared idf (its share of the squared query norm)
    vector: np.ndarray  # its n-grams' idf-weighted rows summed over the documents


#: Queries of more words than this are not split into cached words.
_CACHED_QUERY_WORDS = 16
#: Floats of per-word document vectors kept by an index and its restricted copies together
#: (64 MB; a cache: passing it clears them all).
_WORD_CACHE_FLOATS = 16 << 20


#: An n-gram in at least this share of the documents is kept as a dense row.
_DENSE_SHARE = 1 / 16


class _Layout:
    """The n-gram x document weights laid out for fast weighted sums of a few rows.

    Frequent n-grams (" ct", "ches") are in most documents: they are dense rows, summed with
    one small matrix product. The rest are posting lists (the documents that have the n-gram
    and its weight in each), summed with one ``bincount``, or added one by one when a query
    corrects only a few. Either way is plain numpy: building a scipy matrix per query costs
    more than the arithmetic at this size.
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
        self._dense_rows: list[int] = self.dense_row.tolist()  # read one at a time

    def add_rows(self, out: np.ndarray, ngrams: list[int], weights: list[float]) -> None:
        """``out += sum(weights[k] * row(ngrams[k]))`` in place, for a query's few n-grams:
        one small product for the dense rows, each posting list added on its own (its
        documents are distinct) unless there are many."""
        dense, dense_weights, rare, rare_weights = [], [], [], []
        for ngram, weight in zip(ngrams, weights, strict=True):
            row = self._dense_rows[ngram]
            if row >= 0:
                dense.append(row)
                dense_weights.append(weight)
            else:
                rare.append(ngram)
                rare_weights.append(weight)
        if dense:
            out += np.array(dense_weights, dtype=np.float32) @ self.dense[dense]
        if len(rare) > _FEW_POSTING_LISTS:
            out += self._rare_sum(np.array(rare), np.array(rare_weights, dtype=np.float32))
            return
        for ngram, weight in zip(rare, rare_weights, strict=True):
            start, end = self.ptr[ngram], self.ptr[ngram + 1]
            out[self.docs[start:end]] += np.float32(weight) * self.values[start:end]

    def weighted_sum(self, ngrams: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """``sum(weights[k] * row(ngrams[k]))`` over the documents, as float32."""
        rows = self.dense_row[ngrams]
        is_dense = rows >= 0
        out = weights[is_dense].astype(np.float32) @ self.dense[rows[is_dense]]
        rare = ~is_dense
        if rare.any():
            out += self._rare_sum(ngrams[rare], weights[rare])
        return np.asarray(out, dtype=np.float32)

    def _rare_sum(self, ngrams: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """The weighted sum of posting lists, with one ``bincount``."""
        starts = self.ptr[ngrams]
        lengths = self.ptr[ngrams + 1] - starts
        # Positions of every posting of the n-grams in the flat arrays.
        at = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
        at += np.arange(len(at))
        values = self.values[at] * np.repeat(weights, lengths)
        summed = np.bincount(self.docs[at], weights=values, minlength=self.size)
        return summed.astype(np.float32)


#: Up to this many posting lists are added one by one; more, with one ``bincount``.
_FEW_POSTING_LISTS = 3


class Block(NamedTuple):
    """The codes of one set of modalities: a description is ranked against these only."""

    key: tuple[str, ...]  # the modality types, sorted ("" for codes of any modality)
    rows: np.ndarray  # positions in the playbook, ascending
    text: TextIndex  # TF-IDF over these codes' names, in ``rows`` order


class CandidateIndex:
    """Vectorized views of a playbook: TF-IDF matrix, part-feature matrix, modality blocks."""

    def __init__(self, procedures: Sequence[Procedure], lexicon: Lexicon) -> None:
        self.procedures = list(procedures)
        self.codes = [p.code for p in self.procedures]
        self.position = {code: i for i, code in enumerate(self.codes)}
        documents = [normalized(p.long_common_name, lexicon).text for p in self.procedures]
        self.documents = documents
        self.text = TextIndex(documents)
        # Other names (LOINC's short and display names), normalized, by code position.
        self._synonyms_of = {
            i: [normalized(name, lexicon).text for name in p.synonyms]
            for i, p in enumerate(self.procedures)
            if p.synonyms
        }
        # Inverted lists: the codes that have each part feature.
        by_feature: dict[str, list[int]] = {}
        self.feature_count = np.zeros(len(self.procedures), dtype=np.float32)
        for i, procedure in enumerate(self.procedures):
            features = part_features(procedure)
            # "Views" (any number) claims no count a description must support.
            self.feature_count[i] = len(features) - (_OPEN_VIEWS in features)
            for feature in features:
                by_feature.setdefault(feature, []).append(i)
        self.codes_with_feature = {
            feature: np.array(codes, dtype=np.int64) for feature, codes in by_feature.items()
        }
        self.modality = np.array([p.modality_type or "" for p in self.procedures], dtype=object)
        # Measured results (a fluoroscopy dose, a T-score) are no study a description names.
        self.study = np.array([not p.is_measurement for p in self.procedures], dtype=bool)
        self._blocks: dict[tuple[str, ...], Block] = {}
        self._agreement: dict[tuple[object, ...], Agreement] = {}

    def prepare_blocks(self, modality_sets: Iterable[Iterable[str]]) -> None:
        """Build the blocks (and their TF-IDF indexes) of these modality sets now rather than
        at their first description: ``fit`` prepares one per DICOM Modality value."""
        for modalities in modality_sets:
            self._block_of(tuple(sorted(set(modalities))))

    def block(self, parsed: ParsedDescription) -> Block:
        """The studies whose modality the description allows (all studies if unknown)."""
        allowed = set(parsed.compatible_modalities)
        if parsed.modality_type:
            allowed.add(parsed.modality_type)
        if allowed and parsed.guidance_for_action:
            # LOINC gives some guided procedures for any imaging modality only ("Guidance for
            # paracentesis", {Imaging modality}): where the modality has no code, these are it.
            allowed.add("")
        return self._block_of(tuple(sorted(allowed)))

    def _block_of(self, key: tuple[str, ...]) -> Block:
        block = self._blocks.get(key)
        if block is None:  # a handful of modality sets recur across a whole run
            wanted = np.isin(self.modality, list(key)) if key else np.ones_like(self.study)
            rows = np.flatnonzero(wanted & self.study)
            block = self._blocks[key] = Block(key, rows, self.text.restricted(rows))
        return block

    def spread(self, values: dict[str, float], rows: np.ndarray) -> np.ndarray:
        """Per-code values (codes outside ``rows`` are dropped) as an array in ``rows`` order;
        ``rows`` is a block's (ascending)."""
        out = np.zeros(len(rows), dtype=np.float32)
        positions = np.array([self.position[code] for code in values], dtype=np.int64)
        at = np.minimum(np.searchsorted(rows, positions), len(rows) - 1)
        inside = rows[at] == positions
        out[at[inside]] = np.array(list(values.values()), dtype=np.float32)[inside]
        return out

    def fuzzy_similarity(self, normalized_text: str, rows: Sequence[int]) -> np.ndarray:
        """rapidfuzz token-set ratio (0 to 1) of the description to each code's names in
        ``rows``: its long common name or, when better, one of its synonyms.

        Word-level and order-free, it complements the TF-IDF.
        """
        choices = [self.documents[i] for i in rows]
        scores = process.cdist([normalized_text], choices, scorer=fuzz.token_set_ratio)[0]
        if self._synonyms_of:
            owners = [k for k, i in enumerate(rows) for _ in self._synonyms_of.get(i, ())]
            if owners:
                names = [n for i in rows for n in self._synonyms_of.get(i, ())]
                more = process.cdist([normalized_text], names, scorer=fuzz.token_set_ratio)[0]
                np.maximum.at(scores, owners, more)
        return np.asarray(scores, dtype=np.float32) / 100.0

    def feature_agreement(self, parsed: ParsedDescription, block: Block) -> Agreement:
        """The discrete part features each code in ``block`` (the description's) shares with
        it, in block order, and the codes that claim none it lacks."""
        key = (_feature_inputs(parsed), block.key)
        agreement = self._agreement.get(key)
        if agreement is None:  # coarse features: a batch has few combinations
            if len(self._agreement) >= _AGREEMENT_CACHE:
                self._agreement.clear()
            features = dict.fromkeys(part_features(parsed))
            lists = [self.codes_with_feature[f] for f in features if f in self.codes_with_feature]
            everywhere = np.bincount(
                np.concatenate(lists) if lists else np.zeros(0, dtype=np.int64),
                minlength=len(self.procedures),
            )
            counts = everywhere[block.rows].astype(np.float32)
            counts.flags.writeable = False  # shared by every description with these parts
            agreement = self._agreement[key] = Agreement(
                counts, _supported(counts, self.feature_count[block.rows])
            )
        return agreement


class Agreement(NamedTuple):
    """What a description's parts share with each code of a block."""

    counts: np.ndarray  # part features each code shares with the description, in block order
    #: Positions of the codes that claim no part feature the description lacks and share at
    #: least one: the most specific of them ("CT Chest" for "CT LUNG NODULE F/U") may be far
    #: in words from a description that its text ranks nearer other codes' names.
    supported: np.ndarray

    def most_specific(self, text: np.ndarray, k: int) -> list[int]:
        """The ``k`` supported codes that share the most, the nearest in words among equals."""
        if k <= 0 or len(self.supported) == 0:
            return []
        # Shared counts are whole numbers and text similarities lie in [0, 1]: doubling the
        # count keeps every count above the text of any code with fewer.
        key = 2.0 * self.counts[self.supported] + text[self.supported]
        best = np.argsort(-key, kind="stable")[:k]
        return self.supported[best].tolist()  # type: ignore[no-any-return]


def _supported(shared: np.ndarray, features: np.ndarray) -> np.ndarray:
    # More shared than claimed: the description shares the open "Views" the code leaves out.
    return np.flatnonzero((features <= shared) & (shared > 0))


#: Feature combinations whose agreement counts are kept (a cache, cleared when full).
_AGREEMENT_CACHE = 4096


_signature = attrgetter(
    "modality_type",
    "modality_subtype",
    "region_imaged",
    "imaging_focus",
    "laterality",
    "timing",
    "view_count",
    "view_type",
    "reason_for_exam",
    "guidance_for_action",
    "guidance_for_object",
)


def signature(parsed: ParsedDescription) -> tuple[object, ...]:
    """The parts that decide a code; curated examples only vote for queries that share it."""
    key: tuple[object, ...] = _signature(parsed)
    return key


#: Parts a code may leave open where a sibling code of the same exam fixes them, with the
#: fields each spans (contrast timing comes with its route and substance).
OPEN_PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("timing", ("timing", "pharmaceutical_route", "pharmaceutical_substance")),
    ("laterality", ("laterality",)),
    ("view count", ("view_aggregation", "view_type", "view_count")),
    ("body region", ("region_imaged", "imaging_focus", "laterality")),
)


def _is_open(parts: ParsedDescription | Procedure, part: str) -> bool:
    """Whether a code leaves ``part`` open ("Views" and "GE 3 views" leave the count open)."""
    if part == "timing":
        return parts.timing is None
    if part == "laterality":
        return parts.laterality is None
    if part == "body region":
        return not parts.region_imaged and not parts.imaging_focus
    count = parts.view_count
    return not parts.view_type and (count is None or count[1] is None)


def _unsaid(parsed: ParsedDescription, part: str) -> bool:
    """Whether a description does not say ``part`` ("min 3 views" says the count)."""
    if part == "view count":
        return parsed.view_count is None and not parsed.view_type
    return _is_open(parsed, part)


def open_parts(procedures: Sequence[Procedure]) -> dict[str, tuple[str, ...]]:
    """The parts each code leaves open although another code of the same exam fixes them:
    ``CT Chest`` leaves timing open (``CT Chest WO contrast`` fixes it), ``XR Knee Views``
    laterality and view count. A description that does not say them either maps to such a
    code as a deliberate fallback."""
    found: dict[str, list[str]] = {}
    for part, fields in OPEN_PARTS:
        others = [f for f in (*PART_FIELDS, "view_count") if f not in fields]
        key = attrgetter(*others)
        fixed = {key(p) for p in procedures if not _is_open(p, part)}
        for p in procedures:
            if _is_open(p, part) and key(p) in fixed:
                found.setdefault(p.code, []).append(part)
    return {code: tuple(parts) for code, parts in found.items()}


def left_open(parsed: ParsedDescription, parts: Sequence[str]) -> list[str]:
    """Those of ``parts`` the description does not say either."""
    return [part for part in parts if _unsaid(parsed, part)]


class CuratedIndex:
    """Curated examples grouped by parse signature, with TF-IDF and rapidfuzz for a similarity
    vote per code.

    Character n-grams alone cannot tell ``W`` from ``WO``; requiring the same parsed parts
    keeps a curated neighbour from voting for a code whose parts conflict with the query.
    """

    def __init__(
        self, texts: Sequence[str], codes: Sequence[str], signatures: Sequence[tuple[object, ...]]
    ) -> None:
        self.codes = list(codes)
        self.texts = list(texts)
        self.text = TextIndex(self.texts)
        self.by_signature: dict[tuple[object, ...], list[int]] = {}
        for i, sig in enumerate(signatures):
            self.by_signature.setdefault(sig, []).append(i)
        self._code_counts = {
            sig: dict(Counter(self.codes[i] for i in rows))
            for sig, rows in self.by_signature.items()
        }

    def same_parts(self, parsed: ParsedDescription) -> Mapping[str, int]:
        """How many curated examples with the description's parsed parts give each code."""
        return self._code_counts.get(signature(parsed), {})

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
        # An example's similarity: the mean of its TF-IDF cosine (spelling, truncations) and
        # its rapidfuzz word overlap (whole words in any order).
        texts = [self.texts[i] for i in rows]
        overlap = process.cdist([normalized_text], texts, scorer=fuzz.token_set_ratio)[0]
        sims = (self.text.similarity(normalized_text)[rows] + overlap / 100.0) / 2.0
        order = np.argsort(-sims, kind="stable")[:k]
        total: dict[str, float] = {}
        best: dict[str, float] = {}
        for j in order:
            code = self.codes[rows[j]]
            total[code] = total.get(code, 0.0) + float(sims[j])
            best[code] = max(best.get(code, 0.0), float(sims[j]))
        overall = sum(total.values()) or 1.0
        return {code: best[code] * total[code] / overall for code in total}
