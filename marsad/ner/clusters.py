"""Word clusters learned from unlabelled news text, a feature of the NER model.

A word unseen in the annotated corpus often occurs in raw news, next to the same words as the
names the model did see (قال X، الرئيس X، في X). The words of the training text and of the
shared news corpora are clustered by the company they keep:

1. every word seen at least ``min_count`` times is described by the counts of the most frequent
   words one and two positions to its left and right;
2. the counts are weighted by positive pointwise mutual information (context distribution
   smoothed with exponent 0.75) and reduced to ``dims`` dimensions by a randomised SVD;
3. the unit-length word vectors are grouped by spherical k-means into 64, 256 and 1024 clusters
   (coarse to fine, like the prefixes of Brown clusters).

The result, ``word<TAB>K64_i K256_j K1024_k``, is written beside the model (``clusters.tsv``) and
read by the tagger: the features use the cluster ids of the word (:mod:`marsad.ner.features`).
Uses numpy (a main dependency: the tagger's decoder needs it too). The random steps are seeded;
on one machine the same input gives the same clusters.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Iterable

from ..text.normalize import normalize_string
from .features import TOKEN_RE

NEWS_GLOB = "data/news_*/*.jsonl"  # under the shared data folder
SIZES = (64, 256, 1024)


def news_sentences(paths: Iterable[Path]) -> list[list[str]]:
    """Normalised word sequences of the paragraphs (and titles) of JSON Lines news files."""
    out = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                doc = json.loads(line)
                for field in (doc.get("title") or "", doc.get("text") or ""):
                    for para in field.split("\n"):
                        words = TOKEN_RE.findall(normalize_string(para))
                        if words:
                            out.append(words)
    return out


def build_clusters(sentences: list[list[str]], *, seed: int = 13, min_count: int = 3,
                   contexts: int = 2000, dims: int = 100,
                   sizes: tuple[int, ...] = SIZES) -> dict[str, tuple[str, ...]]:
    import numpy as np

    counts = Counter(w for s in sentences for w in s)
    vocab = sorted((w for w, n in counts.items() if n >= min_count), key=lambda w: (-counts[w], w))
    if len(vocab) < max(sizes) * 2:
        return {}
    index = {w: i for i, w in enumerate(vocab)}
    ranked = sorted(counts, key=lambda w: (-counts[w], w))[:contexts]
    ctx = {w: i for i, w in enumerate(ranked)}
    width = 4 * contexts
    rows: list[int] = []
    cols: list[int] = []
    for words in sentences:
        n = len(words)
        for i, w in enumerate(words):
            r = index.get(w)
            if r is None:
                continue
            for off, base in ((-1, 0), (1, contexts), (-2, 2 * contexts), (2, 3 * contexts)):
                j = i + off
                if 0 <= j < n:
                    c = ctx.get(words[j])
                    if c is not None:
                        rows.append(r)
                        cols.append(base + c)
    keys, n_pair = np.unique(np.array(rows, dtype=np.int64) * width + np.array(cols), return_counts=True)
    r, c = keys // width, keys % width
    row_sum = np.bincount(r, weights=n_pair, minlength=len(vocab))
    col_sum = np.bincount(c, weights=n_pair, minlength=width) ** 0.75
    ppmi = np.maximum(np.log(n_pair * col_sum.sum() / (row_sum[r] * col_sum[c])), 0.0)
    matrix = np.zeros((len(vocab), width))
    matrix[r, c] = ppmi
    rng = np.random.default_rng(seed)
    y = matrix @ rng.standard_normal((width, dims + 30))
    for _ in range(2):
        y = matrix @ (matrix.T @ y)
    q, _ = np.linalg.qr(y)
    u, s, _ = np.linalg.svd(q.T @ matrix, full_matrices=False)
    vectors = (q @ u)[:, :dims] * np.sqrt(s[:dims])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12
    labels = [_kmeans(vectors, k, rng) for k in sizes]
    return {w: tuple(f"K{k}_{lab[i]}" for k, lab in zip(sizes, labels)) for i, w in enumerate(vocab)}


def _kmeans(x, k: int, rng, iterations: int = 25):
    import numpy as np

    centres = x[rng.choice(len(x), k, replace=False)].copy()
    for _ in range(iterations):
        assign = (x @ centres.T).argmax(1)
        sums = np.zeros_like(centres)
        np.add.at(sums, assign, x)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        centres = np.where(norms > 0, sums / np.maximum(norms, 1e-12), centres)
    return (x @ centres.T).argmax(1)
