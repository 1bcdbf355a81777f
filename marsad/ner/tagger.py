"""The NER tagger: the CRF model and its frozen lexicon, loaded lazily once.

:meth:`Tagger.tag` labels normalised word sequences with the corpus tags (IOB2 over PERS, LOC,
ORG, MISC), decoding with the model's weights (:mod:`marsad.ner.decode`: python-crfsuite's tags
and marginals, faster; python-crfsuite trains the model); :meth:`Tagger.entities` runs the model
over a :class:`~marsad.document.Document`'s tokens, sentence by sentence, and returns PER, ORG
and LOC entities (``source="model"``) with the original-text offsets of their tokens. People and
organisations get the country and sector of an adjacent title or gentilic in ``attrs`` (see
:mod:`marsad.ner.context`).
"""

from __future__ import annotations

import threading
from pathlib import Path

from ..document import Document, Entity
from .conll import chunks
from .features import Featurizer
from .lexicon import load_clusters, load_lexicon, load_options

OUTPUT_TYPES = ("PER", "ORG", "LOC")
# In the pipeline a wrong name costs more than a missed one (the lexicons and the gazetteer find
# the known ones): model chunks less probable than this are dropped there (not in `eval ner`).
PIPELINE_MIN_CONFIDENCE = 0.6


class Tagger:
    def __init__(self, model_dir: str | Path):
        self.model_dir = Path(model_dir)
        self._decoder = None
        self._featurizer: Featurizer | None = None
        self._lock = threading.Lock()

    def _load(self) -> None:
        with self._lock:
            if self._decoder is not None:
                return
            from .decode import Decoder, read_crfsuite

            featurizer = Featurizer(load_lexicon(self.model_dir / "lexicon.tsv"),
                                    load_clusters(self.model_dir / "clusters.tsv"),
                                    load_options(self.model_dir))
            self._featurizer = featurizer
            decoding = load_options(self.model_dir, "decoding")
            self._decoder = Decoder(read_crfsuite(self.model_dir / "ner.crfsuite"), featurizer,
                                    decoding.get("label_bias"))

    @property
    def featurizer(self) -> Featurizer:
        if self._decoder is None:
            self._load()
        return self._featurizer

    def tag(self, words: list[str], min_confidence: float = 0.0) -> list[str]:
        """IOB2 tags of one sentence of normalised words. With ``min_confidence``, a chunk whose
        least probable token label (CRF marginal) is below it, or a one-word chunk that is a
        common word of the training text, is dropped (tagged ``O``)."""
        return self.tag_sentences([words], min_confidence)[0]

    def tag_sentences(self, sentences: list[list[str]],
                      min_confidence: float = 0.0) -> list[list[str]]:
        """:meth:`tag` of each sentence, decoded all at once (faster than one by one)."""
        if self._decoder is None:
            self._load()
        out: list[list[str]] = [[] for _ in sentences]
        todo = [k for k, words in enumerate(sentences) if words]
        if not todo:
            return out
        decoded = self._decoder.tag([sentences[k] for k in todo], min_confidence > 0)
        common = self._featurizer.common
        for k, (tags, probs) in zip(todo, decoded):
            out[k] = tags
            if probs is None:
                continue  # nothing tagged, or no confidence asked
            words = sentences[k]
            for start, end, _ in chunks(tags):
                if (end - start == 1 and self._featurizer.stem(words[start]) in common) or min(
                        probs[start:end]) < min_confidence:
                    tags[start:end] = ["O"] * (end - start)
        return out

    def tag_document(self, sentences: list[list[str]], propagate: bool = True,
                     min_confidence: float = 0.0) -> list[list[str]]:
        """Tags of a document's sentences; names tagged once are then tagged where they recur
        (see :mod:`marsad.ner.propagate`)."""
        tags = self.tag_sentences(sentences, min_confidence)
        if not propagate or all(t == "O" for seq in tags for t in seq):
            return tags  # nothing tagged, nothing to spread
        from .propagate import propagate as spread

        feat = self._featurizer
        stems = [feat.stems(words) for words in sentences]
        return spread(stems, tags, feat.common)

    def entities(self, doc: Document) -> list[Entity]:
        from .context import infer_attrs

        out: list[Entity] = []
        tokens = doc.tokens
        groups: list[list] = []
        for tok in tokens:
            if not groups or groups[-1][0].sentence != tok.sentence:
                groups.append([])
            groups[-1].append(tok)
        tagged = self.tag_document([[t.norm for t in g] for g in groups],
                                   min_confidence=PIPELINE_MIN_CONFIDENCE)
        for sent_tokens, tags in zip(groups, tagged):
            for start, end, kind in chunks(tags):
                if kind not in OUTPUT_TYPES:
                    continue
                s, e = sent_tokens[start].start, sent_tokens[end - 1].end
                ent = Entity(s, e, kind, doc.text[s:e], "model", None, {})
                if kind in ("PER", "ORG"):
                    ent.attrs.update(infer_attrs(sent_tokens, start, end))
                out.append(ent)
        return out

