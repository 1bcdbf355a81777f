"""Training the CRF on a CoNLL corpus (ANERcorp's CAMeL Lab train split by default).

``train(...)`` writes into ``out_dir``: ``ner.crfsuite`` (the model), ``lexicon.tsv`` (the word
classes the features used, frozen with the model) and ``meta.json`` (corpus, parameters, seed,
sizes, training time). L-BFGS on a convex objective is deterministic; the seed fixes the one
random step, the order of the training sentences, so the same command gives the same model.
"""

from __future__ import annotations

import json
import random
import time
from collections import Counter
from pathlib import Path

from .conll import read_conll, retokenize
from .features import Featurizer
from .lexicon import build_lexicon, save_lexicon

from . import MODEL_DIR
DEFAULT_TRAIN = "data/anercorp/ANERCorp_CamelLab_train.txt"  # under the shared data folder
# The CAMEO Arabic actor dictionary (PETRARCH, MIT licence): names of people, organisations and
# places, a lexicon class of the features (``CAM``, lexicon.py). Looked for in the data folder of
# the training file (``data/`` of the shared folder for the default corpus).
ACTOR_DICTIONARY = "cameo_arabic_dictionaries/actor_dict_ar_v4.txt"
DEFAULT_PARAMS = {
    "c1": 0.1,
    "c2": 0.05,
    "max_iterations": 200,
    "feature.possible_transitions": True,
    "feature.minfreq": 1,
}
VOCAB_MIN_COUNT = 3  # training words seen this often count as known words for clitic splitting
COMMON_OUTSIDE = 0.9  # ... and those outside names this often are "common"
NOISY = ("CITY",)  # the large automatic gazetteer, cleaned of common words
HIDE_MAX_COUNT = 1  # words seen this rarely are trained without their identity (features.py)
# Feature options (features.py), stored in meta.json so that the tagger computes the same ones.
DEFAULT_FEATURES = {"split_strict": 1, "word_affix": 1}


def train(train_path: str | Path, out_dir: str | Path = MODEL_DIR, *, seed: int = 13,
          params: dict | None = None, lexicon: dict[str, set[str]] | None = None,
          hide_max_count: int = HIDE_MAX_COUNT, verbose: bool = False,
          clusters: dict[str, tuple[str, ...]] | None = None,
          news: list[Path] | None = None,
          features: dict | None = None, actor_dictionary: Path | str | None = "auto",
          label_bias: dict[str, float] | None = None) -> dict:
    """Train on ``train_path`` and write the model into ``out_dir``. Word clusters are given
    (``clusters``) or learned from the training text and the ``news`` JSON Lines files
    (:mod:`marsad.ner.clusters`); without either the model has no cluster features. The actor
    dictionary's names are a lexicon class (``"auto"``: :data:`ACTOR_DICTIONARY` in the data
    folder two levels above ``train_path``, if it is there; ``None``: none). ``label_bias`` is
    written into ``meta.json`` (``decoding``) for the tagger to add to the labels' scores when
    it chooses the tags (see decode.py; none by default: chosen on a dev split, docs/ner.md)."""
    import pycrfsuite

    started = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    sentences = read_conll(train_path)
    features = dict(DEFAULT_FEATURES if features is None else features)
    if actor_dictionary == "auto":
        found = Path(train_path).resolve().parent.parent / ACTOR_DICTIONARY
        actor_dictionary = found if found.is_file() else None
    if lexicon is None:
        lex = build_lexicon(actor_dictionary)
    else:
        lex = {k: set(v) for k, v in lexicon.items()}
    counts: Counter = Counter()
    outside: Counter = Counter()
    for s in sentences:
        words, tags, _ = retokenize(s)
        counts.update(words)
        outside.update(w for w, t in zip(words, tags) if t == "O")
    for word, n in counts.items():
        if n >= VOCAB_MIN_COUNT and word[0].isalpha() and len(word) >= 3:
            lex.setdefault(word, set()).add("_VOC")
    # Words almost always outside names are never propagated (see propagate.py).
    feat = Featurizer({k: tuple(sorted(v)) for k, v in lex.items()}, options=features)
    stem_counts: Counter = Counter()
    stem_outside: Counter = Counter()
    for word, n in counts.items():
        stem = feat.stem(word)
        stem_counts[stem] += n
        stem_outside[stem] += outside[word]
    for stem, n in stem_counts.items():
        if n >= VOCAB_MIN_COUNT and stem_outside[stem] >= COMMON_OUTSIDE * n:
            lex.setdefault(stem, set()).add("_COMMON")
    # Gazetteer words that are common words here (ان، امام، امل) are noise, not evidence.
    for word, classes in lex.items():
        if "_COMMON" in classes or not word[:1].isalpha():
            classes.difference_update([c for c in classes if c.startswith(NOISY)])
    save_lexicon(lex, out / "lexicon.tsv")
    if clusters is None and news:
        from .clusters import build_clusters, news_sentences

        texts = [retokenize(s)[0] for s in sentences] + news_sentences(news)
        clusters = build_clusters(texts, seed=seed)
    if clusters:
        clusters = {w: tuple(c) for w, c in clusters.items() if not w.startswith("#")}
        save_lexicon({w: set(c) for w, c in clusters.items()}, out / "clusters.tsv")
    feat = Featurizer({k: tuple(sorted(v)) for k, v in lex.items()}, clusters, features)
    hidden = {w for w, n in counts.items() if n <= hide_max_count}
    feat.hide = frozenset(hidden)

    order = list(range(len(sentences)))
    random.Random(seed).shuffle(order)
    trainer = pycrfsuite.Trainer(verbose=verbose)
    n_tokens = 0
    for i in order:
        words, tags, _ = retokenize(sentences[i])
        trainer.append(feat.sentence(words), tags)
        n_tokens += len(words)
    settings = dict(DEFAULT_PARAMS, **(params or {}))
    trainer.set_params(settings)
    model = out / "ner.crfsuite"
    trainer.train(str(model))
    elapsed = time.perf_counter() - started
    meta = {
        "corpus": str(Path(train_path).name),
        "sentences": len(sentences),
        "tokens": n_tokens,
        "seed": seed,
        "hide_max_count": hide_max_count,
        "params": settings,
        "features": features,
        "clusters": len(clusters or {}),
        "news_files": [Path(p).name for p in news or ()],
        "actor_dictionary": Path(actor_dictionary).name if actor_dictionary and lexicon is None
        else None,
        "decoding": {"label_bias": dict(label_bias or {})},
        "training_seconds": round(elapsed, 1),
        "model_bytes": model.stat().st_size,
        "licence_of_training_data": "ANERcorp, CC BY-SA 4.0",
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta
