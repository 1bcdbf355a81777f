"""``marsad eval ner CONLL_FILE [--json]``: CoNLL exact-match precision, recall and F1.

A predicted entity counts only when its type and both its boundaries equal a gold entity's
(conlleval). Scores are given per type and overall (micro-averaged over all types of the file,
MISC included, as ANERcorp results are usually reported). The corpus tokens are re-tokenised the
way the pipeline tokenises (see :mod:`marsad.ner.conll`) and each corpus token takes the tag of
its first word piece. The command also reports the tagging speed over the file, features
included (``tokens_per_second``, corpus tokens, one core, cold feature cache).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

from ..errors import EvaluationError

# A CoNLL file has no document boundaries; ANERcorp's 316 articles average about 15 sentences,
# so label propagation (marsad/ner/propagate.py) works on blocks of this many sentences.
DOCUMENT_SENTENCES = 15


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score(gold: list[list[str]], predicted: list[list[str]]) -> dict:
    """Exact-match scores of predicted against gold IOB2 tag sequences (one list a sentence)."""
    from ..ner.conll import spans

    if len(gold) != len(predicted):
        raise EvaluationError(f"{len(gold)} gold sentences but {len(predicted)} predicted")
    tp: Counter = Counter()
    n_gold: Counter = Counter()
    n_pred: Counter = Counter()
    for g_tags, p_tags in zip(gold, predicted):
        g, p = spans(g_tags), spans(p_tags)
        for s in g:
            n_gold[s[2]] += 1
        for s in p:
            n_pred[s[2]] += 1
        for s in g & p:
            tp[s[2]] += 1
    out = prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    out["per_type"] = {
        t: dict(prf(tp[t], n_pred[t], n_gold[t]), gold=n_gold[t], predicted=n_pred[t])
        for t in sorted(set(n_gold) | set(n_pred))
    }
    return out


def evaluate(path: str | Path, tagger=None, *, block: int = DOCUMENT_SENTENCES,
             propagate: bool = True) -> dict:
    """Tag the CoNLL file with ``tagger`` (default: the shipped model) and score it, taking
    each ``block`` consecutive sentences as one document for label propagation."""
    from ..ner import default_tagger
    from ..ner.conll import project_tags, read_conll, retokenize

    if not Path(path).is_file():
        raise EvaluationError(f"no such CoNLL file: {path}")
    tagger = tagger or default_tagger()
    if tagger is None:
        raise EvaluationError("no NER model is shipped in marsad/ner/model")
    sentences = read_conll(path)
    prepared = [retokenize(s) for s in sentences]
    tagger.featurizer  # load the model before timing
    n_tokens = sum(len(s.tokens) for s in sentences)
    started = time.perf_counter()
    tagged = []
    for k in range(0, len(prepared), block):
        tagged += tagger.tag_document([w for w, _, _ in prepared[k:k + block]], propagate=propagate)
    elapsed = time.perf_counter() - started
    predicted = [project_tags(tags, heads) for tags, (_, _, heads) in zip(tagged, prepared)]
    out = score([s.tags for s in sentences], predicted)
    out["sentences"] = len(sentences)
    out["tokens"] = n_tokens
    out["tokens_per_second"] = round(n_tokens / elapsed) if elapsed > 0 else None
    return out


def register(sub) -> None:
    p = sub.add_parser("ner", help="CoNLL exact-match P/R/F1 of the NER model on a CoNLL file")
    p.add_argument("conll_file", metavar="CONLL_FILE", help="TOKEN TAG lines, IOB2, blank line between sentences")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--model", metavar="DIR", help="a model folder written by `marsad train ner` (default: the shipped model)")
    p.set_defaults(func=run)


def run(args) -> int:
    tagger = None
    if args.model:
        from ..ner.tagger import Tagger

        if not (Path(args.model) / "ner.crfsuite").is_file():
            raise EvaluationError(f"no ner.crfsuite in {args.model}")
        tagger = Tagger(args.model)
    result = evaluate(args.conll_file, tagger)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    print(f"{'type':8} {'precision':>9} {'recall':>7} {'f1':>7} {'gold':>6} {'pred':>6}")
    for t, s in result["per_type"].items():
        print(f"{t:8} {s['precision']:9.4f} {s['recall']:7.4f} {s['f1']:7.4f} {s['gold']:6} {s['predicted']:6}")
    print(f"{'overall':8} {result['precision']:9.4f} {result['recall']:7.4f} {result['f1']:7.4f}")
    print(f"{result['tokens']} tokens in {result['sentences']} sentences, "
          f"{result['tokens_per_second']} tokens/s (features included, one core)")
    return 0
