"""``marsad train ner [--data FILE] [--out DIR] [--seed N]``: train the NER model.

Reproducible: the same corpus, seed and parameters give the same model (L-BFGS is deterministic;
the seed fixes the order of the training sentences). By default it trains on ANERcorp's CAMeL Lab
train split in ``../shared/data`` and writes into a folder you name, so the shipped model in
``marsad/ner/model`` changes only when you pass ``--out marsad/ner/model`` on purpose.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import ConfigError


def register(sub) -> None:
    p = sub.add_parser("train", help="train a statistical model (ner)")
    kinds = p.add_subparsers(dest="model_kind", metavar="MODEL")
    kinds.required = True
    ner = kinds.add_parser("ner", help="train the CRF NER model on a CoNLL corpus (ANERcorp)")
    ner.add_argument("--data", metavar="FILE",
                     help="training CoNLL file (default: ANERCorp_CamelLab_train.txt under "
                          "$MARSAD_SHARED or ../shared beside the repository)")
    ner.add_argument("--out", metavar="DIR", default="ner-model",
                     help="folder to write ner.crfsuite, lexicon.tsv and meta.json into "
                          "(default: ./ner-model; the shipped model is marsad/ner/model)")
    ner.add_argument("--seed", type=int, default=13, help="seed of the sentence order (default 13)")
    ner.add_argument("--max-iterations", type=int, default=None, help="L-BFGS iterations (default 200)")
    ner.add_argument("--news", metavar="FILE", nargs="*", default=None,
                     help="JSON Lines news files to learn the word clusters from (default: "
                          "data/news_*/*.jsonl under the shared folder; none: no clusters)")
    ner.add_argument("--clusters", metavar="FILE",
                     help="reuse a clusters.tsv written by an earlier training instead of "
                          "learning the clusters again")
    ner.set_defaults(func=run_ner)


def _shared_root() -> Path | None:
    import os

    from ..ner.train import DEFAULT_TRAIN

    roots = [os.environ.get("MARSAD_SHARED"), Path.cwd().parent / "shared",
             Path(__file__).resolve().parents[2].parent / "shared"]
    for root in roots:
        if root and (Path(root) / DEFAULT_TRAIN).is_file():
            return Path(root)
    return None


def _default_data() -> Path:
    from ..ner.train import DEFAULT_TRAIN

    root = _shared_root()
    if root is None:
        raise ConfigError("ANERcorp train split not found; pass --data FILE")
    return root / DEFAULT_TRAIN


def run_ner(args) -> int:
    from ..ner.train import train

    data = Path(args.data) if args.data else _default_data()
    if not data.is_file():
        raise ConfigError(f"no such training file: {data}")
    params = {"max_iterations": args.max_iterations} if args.max_iterations else None
    clusters = None
    news: list[Path] = []
    if args.clusters:
        from ..ner.lexicon import load_clusters

        if not Path(args.clusters).is_file():
            raise ConfigError(f"no such clusters file: {args.clusters}")
        clusters = load_clusters(Path(args.clusters))
    elif args.news is not None:
        news = [Path(p) for p in args.news]
    else:
        from ..ner.clusters import NEWS_GLOB

        root = _shared_root()
        news = sorted(root.glob(NEWS_GLOB)) if root else []
    for path in news:
        if not path.is_file():
            raise ConfigError(f"no such news file: {path}")
    meta = train(data, args.out, seed=args.seed, params=params, clusters=clusters, news=news)
    print(json.dumps(meta, indent=2))
    return 0
