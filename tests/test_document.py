import json

import jsonschema

from marsad import SCHEMA_VERSION, Document
from marsad.document import json_schema


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
