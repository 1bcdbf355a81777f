"""Named-entity recognition with a trained sequence model (issue 4).

A linear-chain CRF (python-crfsuite) trained on ANERcorp (CC BY-SA 4.0; see README.md), with
features on the normalised view of each token, its clitic-stripped stem and affixes, its shape,
its classes in our lexicons and cue-word lists, and a window of two words either side.
``default_tagger()`` returns the :class:`~marsad.ner.tagger.Tagger` of the model shipped in
``marsad/ner/model`` (the model file itself is opened lazily, on first use), or ``None`` if no
model is shipped; the entities stage then uses the lexicons alone.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

MODEL_DIR = Path(__file__).resolve().parent / "model"


@lru_cache(maxsize=1)
def default_tagger():
    if not (MODEL_DIR / "ner.crfsuite").is_file():
        return None
    from .tagger import Tagger

    return Tagger(MODEL_DIR)
