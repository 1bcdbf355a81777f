"""Tagging with the CRF's weights, read straight from its ``ner.crfsuite`` file.

python-crfsuite takes every token as a list of feature strings (27 on average in news) and
looks each one up, token after token: that, with building the lists, was most of the tagging
time. But a token's features are (a) its own word's, (b) those each word up to two before or
after it contributes, which depend only on that word and its offset, and (c) a few that join two
words (the bigrams, the neighbours of a rare word) or mark the sentence's start and end (see
:meth:`marsad.ner.features.Featurizer.sentence`). So a token's score for each label is a sum of
vectors computed once per distinct word and cached, plus a few looked up per document; Viterbi
and forward-backward then run with numpy over all the sentences of a document at once, one
position of every sentence a step. The tags are crfsuite's (ties aside: sums taken in another
order may differ in the last bit) and so are the marginals, within 1e-9
(``tests/ner/test_decode.py`` checks both against python-crfsuite).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

import numpy as np

from .features import Featurizer

_CACHE_LIMIT = 200_000  # distinct words whose vectors are kept, as the featurizer's cache
# A word's cached vectors: its own features', then those it gives the token two after it, one
# after it, one before it and two before it (it is that token's -2, -1, +1 or +2 neighbour).
OWN, AS_MINUS2, AS_MINUS1, AS_PLUS1, AS_PLUS2 = range(5)
_PARTS = 5
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_STATE, _TRANSITION = 0, 1  # crfsuite's feature types
_PAIR = 1 << 32  # a bigram's code: id of its first word * _PAIR + id of its second


@dataclass(frozen=True)
class CRFWeights:
    labels: tuple[str, ...]
    attributes: dict[str, int]  # feature string -> row of ``state``
    state: np.ndarray  # (attributes, labels)
    transition: np.ndarray  # (labels, labels): from the row's label to the column's


def read_crfsuite(path: str | Path) -> CRFWeights:
    """The labels and weights of a crfsuite CRF model file (crfsuite's ``crf1dm`` layout: a
    header, an array of features, string tables of the labels and of the attributes)."""
    buf = Path(path).read_bytes()
    (magic, _, kind, _, _, n_labels, n_attributes, at_features, at_labels, at_attributes,
     _, _) = struct.unpack_from("<4sI4s9I", buf, 0)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError(f"{path} is not a crfsuite CRF model")
    n_features = struct.unpack_from("<I", buf, at_features + 8)[0]
    features = np.frombuffer(buf, _FEATURE, n_features, at_features + 12)
    state = np.zeros((n_attributes, n_labels))
    transition = np.zeros((n_labels, n_labels))
    for feature_type, weights in ((_STATE, state), (_TRANSITION, transition)):
        chosen = features[features["type"] == feature_type]
        weights[chosen["src"], chosen["dst"]] = chosen["weight"]
    labels = tuple(_strings(buf, at_labels))
    attributes = {a: i for i, a in enumerate(_strings(buf, at_attributes))}
    return CRFWeights(labels, attributes, state, transition)


def _strings(buf: bytes, offset: int) -> list[str]:
    """The strings of a crfsuite string table (a CQDB chunk), in the order of their ids."""
    if buf[offset:offset + 4] != b"CQDB":
        raise ValueError("not a crfsuite model: no string table where its header points")
    count, backward = struct.unpack_from("<2I", buf, offset + 16)
    out = []
    for record in struct.unpack_from(f"<{count}I", buf, offset + backward):
        start = offset + record
        size = struct.unpack_from("<I", buf, start + 4)[0]  # after the id; counts the NUL
        out.append(buf[start + 8:start + 7 + size].decode("utf-8"))
    return out


class Decoder:
    """Tags and their probabilities for sentences of normalised words, from the label scores
    crfsuite would compute from the featurizer's strings (tagging features: no word is hidden
    as in training)."""

    def __init__(self, weights: CRFWeights, featurizer: Featurizer,
                 bias: dict[str, float] | None = None):
        self.weights = weights
        self.featurizer = featurizer
        # Added to a label's score at every token when choosing the tags (Viterbi), not when
        # computing their probabilities: a negative bias on O trades precision for recall, and
        # the marginals stay the CRF's own (see docs/ner.md, "Decoding").
        self.bias = np.array([(bias or {}).get(label, 0.0) for label in weights.labels])
        self.transitions = Transitions(weights.transition)
        get = weights.attributes.get
        self._bos, self._eos = get("BOS", -1), get("EOS", -1)
        self._pair_word: dict[str, int] = {}  # id of each word of the bigram features
        self._pair_codes, self._pair_rows = self._bigrams()
        self._neighbour_rows = self._offset_rows()
        self._slot: dict[str, int] = {}  # word -> its row in the arrays below
        self._vectors = np.zeros((1, _PARTS, len(weights.labels)))
        self._rare = np.zeros(1, dtype=bool)  # its neighbours are its features
        # rows of "r-1w=" and "r+1w=" + the word (row 0: + BOS, + EOS), or -1
        self._before_rare = np.array([get("r-1w=BOS", -1)], dtype=np.intp)
        self._after_rare = np.array([get("r+1w=EOS", -1)], dtype=np.intp)
        self._pair_ids = np.full(1, -1, dtype=np.int64)  # its id in _pair_word, or -1

    def _bigrams(self) -> tuple[np.ndarray, np.ndarray]:
        """The codes of the word pairs of the bigram features, sorted (so that a document's
        are looked up at once), with the rows of their ``bg-=`` and ``bg+=`` features (-1:
        none). A word may contain "|" (the word "|"): each split of a bigram at a "|" is a
        pair whose bigram string is that one."""
        pairs: dict[tuple[str, str], list[int]] = {}
        for feature, row in self.weights.attributes.items():
            if feature.startswith(("bg-=", "bg+=")):
                bigram = feature[4:]
                for k, c in enumerate(bigram):
                    if c == "|":
                        rows = pairs.setdefault((bigram[:k], bigram[k + 1:]), [-1, -1])
                        rows[feature[2] == "+"] = row
        ids = self._pair_word
        codes = []
        for first, second in pairs:
            code = ids.setdefault(first, len(ids)) * _PAIR
            codes.append(code + ids.setdefault(second, len(ids)))
        order = np.argsort(codes)
        rows = np.array(list(pairs.values()), dtype=np.intp).reshape(-1, 2)
        return np.array(codes, dtype=np.int64)[order], rows[order]

    def _offset_rows(self) -> dict[str, tuple[int, int, int, int]]:
        """For each feature a word gives its neighbours (``w=…``, ``st=…``, ``lx=…``, ``rare``,
        ``s2=…``), the rows of that feature as the word two after, one after, one before and two
        before a token (its ``-2``, ``-1``, ``1`` and ``2`` forms; -1: not in the model), so
        that a new word's neighbour vectors need one look-up per feature, not four strings."""
        parts = {"-2": 0, "-1": 1, "1": 2, "2": 3}
        out: dict[str, list[int]] = {}
        for feature, row in self.weights.attributes.items():
            for offset in (("-2", "-1") if feature[:1] == "-" else ("1", "2")):
                base = feature[len(offset):]
                if feature.startswith(offset) and base[:1].isalpha():
                    out.setdefault(base, [-1, -1, -1, -1])[parts[offset]] = row
        return {base: tuple(rows) for base, rows in out.items()}

    @property
    def labels(self) -> tuple[str, ...]:
        return self.weights.labels

    def tag(self, sentences: list[list[str]], confidence: bool = False
            ) -> list[tuple[list[str], list[float] | None]]:
        """The best tags of each sentence (none empty) and, with ``confidence``, for a sentence
        tagged with some name, each tag's probability (its marginal: crfsuite's
        ``Tagger.marginal``)."""
        lengths = np.array([len(s) for s in sentences])
        scores = self.scores(sentences)
        best = viterbi(scores + self.bias if self.bias.any() else scores, lengths,
                       self.transitions)
        labels = self.weights.labels
        every_tag = [labels[i] for i in best.tolist()]
        ends = np.cumsum(lengths).tolist()
        tags = [every_tag[end - len(s):end] for s, end in zip(sentences, ends)]
        probs: list[list[float] | None] = [None] * len(sentences)
        named = np.array([confidence and any(t != "O" for t in seq) for seq in tags])
        if named.any():
            keep = np.repeat(named, lengths)
            p = marginals(scores[keep], lengths[named], self.transitions)
            chosen = p[np.arange(len(p)), best[keep]].tolist()
            end = 0
            for k in np.flatnonzero(named).tolist():
                probs[k] = chosen[end:end + len(tags[k])]
                end += len(tags[k])
        return list(zip(tags, probs))

    def scores(self, sentences: list[list[str]]) -> np.ndarray:
        """Each label's score at each token of the sentences (none empty) one after the other,
        ``(tokens, labels)``: crfsuite's state scores."""
        # The words' rows with two of row 0, no word, around each sentence: such a neighbour
        # gives nothing, and it is the BOS or EOS beside a rare word.
        rows = self._slots([w for s in sentences for w in s])
        padded = [0, 0]
        end = 0
        for words in sentences:
            padded += rows[end:end + len(words)]
            padded += (0, 0)
            end += len(words)
        at = np.array(padded)
        state = self.weights.state
        word = self._vectors[at]
        out = np.zeros((len(at), state.shape[1]))
        out[2:-2] = (word[2:-2, OWN] + word[:-4, AS_MINUS2] + word[1:-3, AS_MINUS1]
                     + word[3:-1, AS_PLUS1] + word[4:, AS_PLUS2])
        first = np.flatnonzero((at[1:-1] == 0) & (at[2:] > 0)) + 2
        if self._bos >= 0:
            out[first] += state[self._bos]
        if self._eos >= 0:
            out[np.flatnonzero((at[1:-1] > 0) & (at[2:] == 0)) + 1] += state[self._eos]
        # bigrams: bg+= is a feature of the first word's token, bg-= of the second's
        ids = self._pair_ids[at]
        pair = np.flatnonzero((ids[:-1] >= 0) & (ids[1:] >= 0))
        codes = ids[pair] * _PAIR + ids[pair + 1]
        found = np.minimum(np.searchsorted(self._pair_codes, codes), len(self._pair_codes) - 1)
        hit = self._pair_codes[found] == codes
        features, pair = self._pair_rows[found[hit]], pair[hit]
        for tokens, row in ((pair + 1, features[:, 0]), (pair, features[:, 1])):
            fires = row >= 0
            out[tokens[fires]] += state[row[fires]]
        # the words before and after a rare word
        rare = np.flatnonzero(self._rare[at])
        for row in (self._before_rare[at[rare - 1]], self._after_rare[at[rare + 1]]):
            fires = row >= 0
            out[rare[fires]] += state[row[fires]]
        return out[at > 0]

    def _slots(self, words: list[str]) -> list[int]:
        """Rows of the word arrays for ``words``, computing those of words not seen yet."""
        slot = self._slot
        if len(slot) > _CACHE_LIMIT:
            slot.clear()
        new = []
        out = []
        for w in words:
            k = slot.get(w)
            if k is None:
                k = slot[w] = len(slot) + 1  # row 0 is no word
                new.append(w)
            out.append(k)
        if new:
            self._add(new, len(slot) + 1 - len(new))
        return out

    def _add(self, words: list[str], first: int) -> None:
        end = first + len(words)
        if end > len(self._vectors):
            size = max(end, 2 * len(self._vectors), 1024)
            for name in ("_vectors", "_rare", "_before_rare", "_after_rare", "_pair_ids"):
                old = getattr(self, name)
                grown = np.zeros((size,) + old.shape[1:], dtype=old.dtype)
                grown[:first] = old[:first]
                setattr(self, name, grown)
        get = self.weights.attributes.get
        neighbour = self._neighbour_rows.get
        absent = (-1, -1, -1, -1)
        rows_of: list[int] = []
        targets_of: list[int] = []  # row * 5 + part of each looked-up feature
        rare = []
        for k, w in enumerate(words, first):
            own, base, s2, is_rare = self.featurizer.word_parts(w)
            rows_of += map(get, own, repeat(-1))
            targets_of += repeat(k * _PARTS + OWN, len(own))
            for feature in base:
                # the "-2" form goes to the token two after the word (it is that token's -2
                # neighbour), … as word_features' lists do
                m2, m1, p1, p2 = neighbour(feature, absent)
                rows_of += (m2, m1, p1, p2)
                targets_of += (k * _PARTS + AS_MINUS2, k * _PARTS + AS_MINUS1,
                               k * _PARTS + AS_PLUS1, k * _PARTS + AS_PLUS2)
            _, m1, p1, _ = neighbour("s2=" + s2, absent)
            rows_of += (m1, p1)
            targets_of += (k * _PARTS + AS_MINUS1, k * _PARTS + AS_PLUS1)
            rare.append(is_rare)
        self._rare[first:end] = rare
        self._before_rare[first:end] = [get("r-1w=" + w, -1) for w in words]
        self._after_rare[first:end] = [get("r+1w=" + w, -1) for w in words]
        self._pair_ids[first:end] = [self._pair_word.get(w, -1) for w in words]
        rows = np.array(rows_of, dtype=np.intp)
        targets = np.array(targets_of, dtype=np.intp)
        order = np.argsort(targets, kind="stable")  # the sums below run over ascending targets
        rows, targets = rows[order], targets[order]
        known = rows >= 0
        targets = targets[known]
        vectors = self._vectors.reshape(-1, self._vectors.shape[2])
        vectors[first * _PARTS:end * _PARTS] = 0.0
        if len(targets):  # the targets ascend: sum each one's run of weights
            starts = np.flatnonzero(np.diff(targets, prepend=-1))
            vectors[targets[starts]] = np.add.reduceat(self.weights.state[rows[known]], starts)


class Transitions:
    """The transition weights and what the decoders derive from them, computed once."""

    def __init__(self, weights: np.ndarray):
        self.weights = weights
        self.to_from = np.ascontiguousarray(weights.T)  # Viterbi's steps read them by target
        probs = np.exp(weights)
        self.factors = np.stack([probs, probs.T])  # forward-backward's: forward, backward
        # A forward or backward step multiplies a row's sum by at most the largest row sum of
        # its factors and by at least their smallest entry (each token's largest emission is
        # 1): rescaling once every this many steps keeps the sums within e^±250, and a forward
        # sum times a backward one within float64's range (e^±709).
        growth = max(np.log(probs.sum(0).max()), np.log(probs.sum(1).max()), -np.log(probs.min()))
        self.rescale_every = max(1, int(250 // max(growth, 1.0)))


def _grid(lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Position and sentence of each token of sentences of these lengths one after the other:
    its place in a ``(longest, sentences)`` grid."""
    starts = np.cumsum(lengths) - lengths
    position = np.arange(lengths.sum()) - np.repeat(starts, lengths)
    return position, np.repeat(np.arange(len(lengths)), lengths)


def viterbi(scores: np.ndarray, lengths: np.ndarray, transitions: Transitions) -> np.ndarray:
    """The label id of each token on the best label sequence of its sentence, as crfsuite
    finds it (the first best on ties); ``scores`` as :meth:`Decoder.scores` gives them."""
    n_sentences, n_labels = len(lengths), len(transitions.weights)
    # longest sentences first: the ones still running at a position are a leading slice
    order = np.argsort(-lengths, kind="stable")
    running = np.searchsorted(-lengths[order], -np.arange(lengths.max()), side="left").tolist()
    rank = np.empty_like(order)
    rank[order] = np.arange(n_sentences)
    position, sentence = _grid(lengths)
    at = position, rank[sentence]
    grid = np.zeros((lengths.max(), n_sentences, n_labels))
    grid[at] = scores
    to_from = transitions.to_from
    best = grid[0].copy()  # per sentence and label: the best score of a path ending there
    total = np.empty((n_sentences, n_labels, n_labels))  # sentence, label, previous label
    flat_total = total.reshape(-1)
    offsets = np.arange(n_sentences * n_labels).reshape(n_sentences, n_labels) * n_labels
    where = np.empty((n_sentences, n_labels), dtype=np.intp)
    back = np.empty((len(grid), n_sentences, n_labels), dtype=np.intp)
    back[:] = np.arange(n_labels)  # past its end a sentence keeps its label
    best_from = best[:, None, :]
    for t in range(1, len(grid)):  # (array methods: numpy's functions wrap them in Python)
        k = running[t]
        step, now, previous, index = total[:k], best[:k], back[t, :k], where[:k]
        np.add(best_from[:k], to_from, out=step)
        step.argmax(2, out=previous)
        np.add(previous, offsets[:k], out=index)  # the maximum, taken where argmax found it
        flat_total.take(index, out=now)
        now += grid[t, :k]
    tags = np.empty(grid.shape[:2], dtype=np.intp)
    tags[-1] = best.argmax(1)
    everyone = np.arange(n_sentences)
    for t in range(len(grid) - 1, 0, -1):
        tags[t - 1] = back[t, everyone, tags[t]]
    return tags[at]


def marginals(scores: np.ndarray, lengths: np.ndarray, transitions: Transitions) -> np.ndarray:
    """The probability of each label at each token, ``(tokens, labels)``, by forward-backward;
    ``scores`` as :meth:`Decoder.scores` gives them."""
    # shifting a token's scores by a constant leaves its probabilities as they are
    emit = np.exp(scores - scores.max(1, keepdims=True))
    # Both passes in one loop, each sentence from its start (forward) and from its end
    # (backward): run[t, 0] = (run[t - 1, 0] @ trans) * emit[t] is the forward probability at
    # t, run[t, 1] = (run[t - 1, 1] @ trans.T) * emit[last - t] the backward probability at
    # last - t times its emission. Past a sentence's length: any positive numbers.
    position, sentence = _grid(lengths)
    from_end = lengths[sentence] - 1 - position
    emit_at = np.ones((lengths.max(), 2, len(lengths), len(transitions.weights)))
    emit_at[position, 0, sentence] = emit
    emit_at[from_end, 1, sentence] = emit
    run = np.empty_like(emit_at)
    run[0] = emit_at[0]
    factors, every = transitions.factors, transitions.rescale_every
    for t in range(1, len(run)):
        step = run[t]
        np.matmul(run[t - 1], factors, out=step)
        step *= emit_at[t]
        if t % every == 0:
            step /= step.sum(2, keepdims=True)
    forward = run[position, 0, sentence]
    backward = run[np.maximum(from_end - 1, 0), 1, sentence] @ factors[1]
    backward[from_end == 0] = 1.0  # nothing follows the last token
    joint = forward * backward
    return joint / joint.sum(1, keepdims=True)
