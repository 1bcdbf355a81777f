"""Label propagation within a document: a name the model tagged once is tagged where it recurs.

News articles name a person in full once and then repeat the surname (ستودهام، الساعدي); the CRF
sees one sentence at a time and misses many repeats. After tagging every sentence of a document,
each multi-word chunk, each single-word chunk and each word of a person's name (by its
clitic-stripped stem) is looked for among the words the model left outside any chunk; a match
gets the chunk's type. (A word of a multi-word organisation, place or MISC name is not propagated
alone: الامن of مجلس الامن is no organisation by itself.) MISC names (currencies, events,
products: يونيفيل، تسونامي) are propagated too; the pipeline does not output them.
Words common in the training text outside names (``_COMMON`` in the model's lexicon) and words
tagged with two different types are never propagated. A propagated word right after a chunk of
the same type extends it (الساعدي [القذافي]).
"""

from __future__ import annotations

from .conll import chunks

PROPAGATED = ("PERS", "ORG", "LOC", "MISC")
_TYPE = {"PER": "PERS", "PERS": "PERS", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


def propagate(sentences: list[list[str]], tags: list[list[str]], common: frozenset[str]) -> list[list[str]]:
    """``sentences``: the stems of each sentence's words; ``tags``: the model's IOB2 tags (corpus
    types). Returns new tag lists."""
    words: dict[str, set[str]] = {}
    phrases: dict[tuple[str, ...], str] = {}
    for stems, tag_seq in zip(sentences, tags):
        for start, end, kind in chunks(tag_seq):
            kind = _TYPE.get(kind)
            if kind is None:
                continue
            phrase = tuple(stems[start:end])
            if len(phrase) > 1:
                phrases.setdefault(phrase, kind)
                if kind != "PERS":  # الامن of مجلس الامن is not an organisation on its own
                    continue
            for w in phrase:
                if len(w) >= 3 and w not in common:
                    words.setdefault(w, set()).add(kind)
    single = {w: next(iter(k)) for w, k in words.items() if len(k) == 1}
    if not single and not phrases:
        return tags
    longest = max((len(p) for p in phrases), default=1)
    openers = {p[0] for p in phrases}  # a phrase can only start at one of these words
    out = []
    for stems, tag_seq in zip(sentences, tags):
        new = list(tag_seq)
        if openers.isdisjoint(stems) and single.keys().isdisjoint(stems):
            out.append(new)  # nothing to propagate into this sentence
            continue
        i = 0
        n = len(stems)
        while i < n:
            if new[i] != "O":
                i += 1
                continue
            matched = 0
            for size in range(min(longest, n - i) if stems[i] in openers else 1, 1, -1):
                kind = phrases.get(tuple(stems[i:i + size]))
                if kind and all(t == "O" for t in new[i:i + size]):
                    new[i] = "B-" + kind
                    for k in range(i + 1, i + size):
                        new[k] = "I-" + kind
                    matched = size
                    break
            if matched:
                i += matched
                continue
            kind = single.get(stems[i])
            if kind:
                before = new[i - 1] if i else "O"
                new[i] = ("I-" if before != "O" and before[2:] == kind else "B-") + kind
            i += 1
        out.append(new)
    return out
