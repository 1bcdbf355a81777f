import json

import jsonschema

from marsad import SCHEMA_VERSION, Document
from marsad.document import Sentence, json_schema


def test_round_trip_and_schema(extract):
    doc = extract("قصفت الطائرات الروسية مواقع المعارضة في إدلب أمس، بحسب ناشطين.")
    data = json.loads(doc.to_json())
    jsonschema.validate(data, json_schema())
    again = Document.from_dict(data)
    assert again.to_dict() == doc.to_dict()
    assert data["schema"] == SCHEMA_VERSION
    for ev in data["events"]:
        for m in ev["mentions"]:
            assert 0 <= m["trigger_start"] < m["trigger_end"] <= len(doc.text)


def test_schema_rejects_an_event_without_actor(extract):
    data = extract("قصفت الطائرات الروسية مواقع المعارضة في إدلب.").to_dict()
    data["events"][0]["actors"] = []
    try:
        jsonschema.validate(data, json_schema())
    except jsonschema.ValidationError:
        return
    raise AssertionError("an actorless event passed the schema")


def test_event_records_equal_the_dataclass_conversion(extract):
    from dataclasses import asdict

    from marsad.document import event_to_dict

    doc = extract("قال مسؤول عسكري إن مسلحي داعش قتلوا ثلاثة جنود عراقيين في هجوم قرب تكريت أمس، "
                  "وأعلن الجيش أنه سيطر على القرية.")
    assert doc.events
    for ev in doc.events:
        assert event_to_dict(ev) == asdict(ev)


def test_sentence_of_finds_the_last_sentence_starting_at_or_before_an_offset():
    doc = Document("one. two. three.")
    doc.sentences = [Sentence(0, 4), Sentence(5, 9), Sentence(10, 16)]
    assert [doc.sentence_of(i) for i in (0, 4, 5, 9, 10, 15, 99)] == [0, 0, 1, 1, 2, 2, 2]
    # the kept starts follow a new list of sentences, and one appended
    doc.sentences = [Sentence(0, 9)]
    assert doc.sentence_of(5) == 0
    doc.sentences.append(Sentence(10, 16))
    assert doc.sentence_of(12) == 1
    assert Document("").sentence_of(3) == 0
