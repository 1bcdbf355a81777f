"""The coder on sentences we wrote: every PLOVER type, every modality, clitics, Egyptian
orthography and precision cases.  Issue 2."""

import pytest

TYPES = [
    ("AGREE", "اتفقت الحكومة اليمنية والحوثيون على هدنة إنسانية في عدن.", ("YEM", "GOV"), None),
    ("CONSULT", "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الأمريكي جون كيري في الدوحة أمس.",
     ("RUS", "GOV"), ("USA", "GOV")),
    ("SUPPORT", "رحبت فرنسا بالاتفاق النووي مع إيران.", ("FRA", "GOV"), None),
    ("CONCEDE", "قدمت الحكومة التونسية تنازلات للنقابات بعد أسابيع من الإضرابات.", ("TUN", "GOV"), None),
    ("COOPERATE", "تعاونت الشرطة التركية مع الاستخبارات الأمريكية في ملاحقة المهربين.",
     ("TUR", "COP"), ("USA", "SPY")),
    ("AID", "قدمت السعودية مساعدات إنسانية لليمن.", ("SAU", "GOV"), ("YEM", "GOV")),
    ("RETREAT", "انسحب المسلحون من مدينة الرمادي فجر اليوم.", ("IRQ", "REB"), None),
    ("REQUEST", "طالبت منظمة العفو الدولية بالإفراج عن الصحفيين المعتقلين.", ("NGO", "NGO"), None),
    ("ACCUSE", "اتهمت الحكومة اليمنية الحوثيين بخرق الهدنة.", ("YEM", "GOV"), ("YEM", "REB")),
    ("REJECT", "رفضت حركة حماس المبادرة المصرية.", ("PSE", "REB"), None),
    ("THREATEN", "هدد تنظيم داعش بشن هجمات جديدة في بغداد.", ("IMG", "REB"), None),
    ("PROTEST", "تظاهر آلاف الطلاب في صفاقس احتجاجا على غلاء الأسعار.", ("TUN", "CVL"), None),
    ("SANCTION", "فرضت الولايات المتحدة عقوبات جديدة على إيران.", ("USA", "GOV"), ("IRN", "GOV")),
    ("MOBILIZE", "حشد الجيش المصري قواته قرب الحدود الليبية.", ("EGY", "MIL"), None),
    ("COERCE", "اعتقلت الشرطة المصرية عشرات من أنصار جماعة الإخوان في القاهرة.", ("EGY", "COP"), ("EGY", "PTY")),
    ("ASSAULT", "شن طيران التحالف غارات جوية على مواقع الحوثيين في صعدة.", ("SAU", "MIL"), ("YEM", "REB")),
]


def _event(doc, type_):
    found = [e for e in doc.events if e.type == type_]
    assert found, f"no {type_} event in {[e.type for e in doc.events]}"
    return found[0]


@pytest.mark.parametrize("type_, text, actor, recipient", TYPES, ids=[t[0] for t in TYPES])
def test_every_plover_type_with_its_actor_and_recipient(extract, type_, text, actor, recipient):
    doc = extract(text, published="2015-08-10")
    ev = _event(doc, type_)
    assert actor in {(a.country, a.sector) for a in ev.actors}
    if recipient:
        assert recipient in {(a.country, a.sector) for a in ev.recipients}
    # every role is a span into the original text
    for a in ev.actors + ev.recipients:
        assert doc.text[a.start:a.end] == a.text
    m = ev.mentions[0]
    assert doc.text[m.trigger_start:m.trigger_end] == ev.trigger


@pytest.mark.parametrize("text, type_, modality", [
    ("لم تقصف الطائرات الروسية مدينة حلب.", "ASSAULT", "negated"),
    ("سيزور الرئيس التركي موسكو الأسبوع المقبل.", "CONSULT", "future"),
    ("ربما قصفت الطائرات الإسرائيلية مواقع لحزب الله في جنوب لبنان.", "ASSAULT", "hedged"),
    ("قال مسؤول عسكري إن الجيش العراقي استعاد السيطرة على مدينة تكريت.", "COERCE", "reported"),
    ("طالبت المعارضة بأن ينسحب الجيش من مدينة درعا.", "RETREAT", "demanded"),
    ("اقتحمت قوات الأمن مقر الحزب في تونس.", "ASSAULT", "asserted"),
])
def test_every_modality(extract, text, type_, modality):
    assert _event(extract(text), type_).modality == modality


def test_egyptian_orthography_and_attribution(extract):
    doc = extract("قالت الشرطة المصرية ان مسلحين هاجموا كمينا امنيا فى العريش امس", published="2015-08-10")
    ev = _event(doc, "ASSAULT")
    assert ev.modality == "reported"
    assert [s.text for s in ev.attribution] == ["الشرطة المصرية"]
    assert ev.locations[0].text == "العريش" and ev.locations[0].country == "EGY"
    assert ev.date == "2015-08-09"


def test_clitics_on_places_and_actors(extract):
    doc = extract("وقصفت القوات السورية وبحلب مواقع للمعارضة.")
    ev = _event(doc, "ASSAULT")
    assert ("SYR", "MIL") in {(a.country, a.sector) for a in ev.actors}
    assert ev.locations[0].text == "حلب"


def test_victims_of_a_passive_are_recipients_not_actors(extract):
    doc = extract("قتل خمسة مدنيين برصاص قناصة تابعين للحوثيين في تعز.")
    ev = _event(doc, "ASSAULT")
    assert ("CVL" in {a.sector for a in ev.recipients})
    assert "CVL" not in {a.sector for a in ev.actors}
    assert ev.size["dead"]["min"] == 5


def test_a_trigger_word_inside_a_name_is_no_event(extract):
    doc = extract("زار وفد من وزارة الحرب الأمريكية بغداد.")
    assert "ASSAULT" not in {e.type for e in doc.events}


def test_no_event_without_an_actor(extract):
    assert extract("وقع انفجار في السوق صباح اليوم.").events == []


def test_headline_is_a_mention_of_the_body_event(extract):
    text = "طيران التحالف يقصف مواقع الحوثيين في صعدة\n\nقصف طيران التحالف مواقع الحوثيين في صعدة أمس."
    doc = extract(text)
    assaults = [e for e in doc.events if e.type == "ASSAULT"]
    assert len(assaults) == 1 and len(assaults[0].mentions) == 2


# relative clauses, object pronouns and the lost side of a territorial event ------------------

def _codes(actors):
    return {(a.country, a.sector) for a in actors}


def test_the_phrase_before_a_relative_pronoun_is_the_subject_of_its_verb(extract):
    doc = extract("وفتحت تركيا قاعدة إنجرليك للطائرات الأمريكية التي تقصف مواقع لتنظيم داعش في سوريا.")
    ev = _event(doc, "ASSAULT")
    assert _codes(ev.actors) == {("USA", "MIL")} and ("IMG", "REB") in _codes(ev.recipients)


def test_with_an_object_pronoun_the_phrase_before_the_relative_is_the_target(extract):
    doc = extract("وتقدم الجيش نحو مواقع الحوثيين التى قصفتها طائرات التحالف أمس.")
    ev = _event(doc, "ASSAULT")
    assert ("SAU", "MIL") in _codes(ev.actors) and ("YEM", "REB") in _codes(ev.recipients)


@pytest.mark.parametrize("text", [
    "واقتحمها مسلحو داعش فجر الأحد بعد معارك عنيفة.",
    "وقالت الشرطة إن مسلحين اختطفوه من منزله في بنغازي.",
    "واعتقلتهم قوات الأمن التونسية في صفاقس.",
])
def test_a_verb_carrying_an_object_pronoun_is_still_a_trigger(extract, text):
    assert extract(text).events


def test_a_relative_pronoun_after_a_non_actor_gives_no_subject(extract):
    doc = extract("وزار الوفد المدينة التي هاجمها المسلحون الأسبوع الماضي.")
    ev = _event(doc, "ASSAULT")
    assert ev.actors[0].text == "المسلحون"


def test_a_seized_town_was_taken_from_the_other_side_of_the_war(extract):
    doc = extract("قال مسؤول عسكري إن مسلحي داعش شنوا هجوما على قرية قرب تكريت. "
                  "وأضاف أن عناصر داعش قتلوا ثلاثة مدنيين. "
                  "وفي وقت لاحق سيطرت القوات العراقية على القرية بالكامل.")
    seize = next(e for e in doc.events if e.mode == "seize")
    assert _codes(seize.recipients) == {("IMG", "REB")}
    assert "recipient-inferred" in seize.context


def test_no_lost_side_is_inferred_without_an_opponent_named_twice(extract):
    doc = extract("سيطرت القوات العراقية على قرية قرب تكريت بعد معارك مع مسلحي داعش.")
    seize = next(e for e in doc.events if e.mode == "seize")
    assert "recipient-inferred" not in seize.context


def test_a_noun_ending_in_ya_is_not_a_verb_with_an_object_pronoun(extract):
    doc = extract("سقطت البلدة في أيدي مسلحي المعارضة بعد حصار طويل.")
    assert "SUPPORT" not in {e.type for e in doc.events}


def test_a_definite_phrase_after_a_preposition_is_not_the_subject(extract):
    doc = extract("وقدمت واشنطن أسلحة للقوات العراقية لمواجهة داعش، وقصفت طائرات أمريكية مواقع التنظيم.")
    assert all(("IRQ", "MIL") not in _codes(e.actors) for e in doc.events if e.type == "ASSAULT")


def test_a_noun_with_a_pronoun_takes_its_actor_from_the_phrase_before(extract):
    doc = extract("وتحدثت مصادر محلية عن تقدم مسلحي المعارضة في ريف حماة وسيطرتهم على ثلاث قرى.")
    seize = [e for e in doc.events if e.mode == "seize"]
    assert seize and all(("SYR", "OPP") in _codes(e.actors) or ("SYR", "REB") in _codes(e.actors)
                         for e in seize)


def test_an_intransitive_verb_takes_no_object_pronoun(extract):
    # سيطرتهم is the noun "their control", never a form of the verb سيطر (it takes على)
    doc = extract("وأكد المتحدث أن سيطرتهم على الحي لم تدم طويلا.")
    assert all(e.trigger != "سيطرت" for e in doc.events)


def test_a_relative_clause_on_a_non_party_gives_its_verb_no_actor(extract):
    doc = extract("وأدان وزير الداخلية البحريني التفجير الذي استهدف دورية للشرطة في سترة.")
    assert all(("BHR", "GOV") not in _codes(e.actors) for e in doc.events if e.type == "ASSAULT")


def test_a_clause_opener_with_a_conjunction_still_opens_a_clause(extract):
    doc = extract("وشن طيران التحالف غارات على مواقع الحوثيين في صعدة وأسفرت الغارات عن مقتل عشرة مسلحين.")
    assaults = [e for e in doc.events if e.type == "ASSAULT"]
    assert assaults and all(_codes(e.actors) == {("SAU", "MIL")} for e in assaults)


def test_a_light_verb_with_an_elided_plural_subject(extract):
    doc = extract("ورفض الأهالي دخول المسلحين إلى القرية وأطلقوا قذيفة على سيارتهم.")
    ev = _event(doc, "ASSAULT")
    assert _codes(ev.actors) and ("YEM", "REB") not in _codes(ev.actors)


@pytest.mark.parametrize("text, etype, mode", [
    ("وتمركزت قوات الجيش الليبي على مداخل مدينة سرت.", "MOBILIZE", "troops"),
    ("ونشرت الشرطة الأردنية آلاف العناصر حول السفارة الأمريكية في عمان.", "MOBILIZE", "troops"),
    ("وقطعت القوات العراقية الطرق المؤدية إلى الفلوجة.", "COERCE", "restrict"),
    ("وداهمت الشرطة التركية منازل يشتبه في أنها لعناصر من داعش في إسطنبول.", "COERCE", "arrest"),
])
def test_troop_moves_road_closures_and_raids(extract, text, etype, mode):
    assert mode in {e.mode for e in extract(text).events if e.type == etype}


def test_publishing_is_not_deploying(extract):
    doc = extract("ونشرت صحيفة الأهرام المصرية تقريرا عن الانتخابات.")
    assert "MOBILIZE" not in {e.type for e in doc.events}


@pytest.mark.parametrize("text, etype", [
    ("وفتح المدعي العام الجزائري تحقيقا في مقتل الصحفي.", "ACCUSE"),
    ("وأجرى الرئيس التركي اتصالا هاتفيا مع نظيره الأمريكي.", "CONSULT"),
    ("وواصل الطيران المروحي إلقاء البراميل المتفجرة على أحياء داريا.", "ASSAULT"),
])
def test_accusative_nouns_phone_calls_and_barrel_bombs(extract, text, etype):
    assert etype in {e.type for e in extract(text).events}


def test_an_investigation_into_a_killing_is_not_the_investigators_killing(extract):
    doc = extract("وفتح المدعي العام الجزائري تحقيقا في مقتل الصحفي.")
    assert {e.type for e in doc.events} == {"ACCUSE"}


def test_a_nisba_adjective_is_no_event_noun(extract):
    doc = extract("ونفذ الطيران الحربي السوري ست غارات على بلدة اليادودة.")
    ev = _event(doc, "ASSAULT")
    assert ("SYR", "MIL") in _codes(ev.actors)
    assert all(e.trigger != "حرب" for e in doc.events)


@pytest.mark.parametrize("text, recipient", [
    ("وقال شهود إن مسلحا أطلق النار في السوق، وألقت الشرطة الفلسطينية القبض عليه.", ("PSE", "REB")),
    ("وكان مقاتلو داعش قد احتجزوا الرهائن قبل أن تشن طائرات التحالف غارات على مواقعهم.", ("IMG", "REB")),
    ("وسلمت واشنطن أرملة قيادي في تنظيم داعش كانت تعتقلها القوات الأمريكية منذ مايو.", ("IMG", "REB")),
])
def test_a_pronoun_in_the_recipient_slot_stands_for_the_phrase_before(extract, text, recipient):
    events = [e for e in extract(text).events if e.type in ("COERCE", "ASSAULT")]
    assert any(recipient in _codes(e.recipients) for e in events)


# readings that are no report of an attack (issue 3: GSR precision) ---------------------------

@pytest.mark.parametrize("text", [
    "وصل الوفد إلى بغداد فجر اليوم قادما من عمان.",
    "وقال الوزير إن الأزمة المالية ضربت الأسواق الأوروبية بقوة.",
    "واعتبر المحلل أن الحديث عن تسوية قريبة ضرب من الخيال.",
    "وتناول الاجتماع قواعد الاشتباك في المناطق الحدودية.",
    "واتفق الطرفان على وقف إطلاق النار في غزة.",
    "وقال الكاتب إن الإرهابيين يقتلون الأبرياء بلا رحمة.",
    "وتحدث الرئيس عن الحرب على الإرهاب في خطابه.",
])
def test_no_attack_is_reported(extract, text):
    assert [e for e in extract(text).events if e.type == "ASSAULT"] == []


def test_a_ceasefire_is_not_a_shooting(extract):
    doc = extract("ودعا مجلس الأمن الدولي الجيش السوري والمعارضة إلى وقف إطلاق النار في حلب.")
    assert "ASSAULT" not in {e.type for e in doc.events}


@pytest.mark.parametrize("text, modality", [
    ("وقال المسؤول إن تنظيم داعش يخطط لشن هجمات على مواقع الجيش العراقي.", "future"),
    ("وحشدت تركيا قواتها على الحدود استعدادا لقصف مواقع المسلحين الأكراد.", "future"),
    ("وأرسل الجيش اليمني طائراته لتقصف مواقع المتمردين في صعدة.", "future"),
    ("وكان مسلحو داعش قد قتلوا عشرة جنود عراقيين في الأنبار.", "asserted"),
])
def test_plans_and_purposes_are_not_deeds(extract, text, modality):
    ev = _event(extract(text), "ASSAULT")
    assert ev.modality == modality


def test_a_dated_bombing_with_no_named_perpetrator_has_an_unidentified_actor(extract):
    doc = extract("انفجرت سيارة مفخخة في سوق شعبي ببغداد أمس مما أدى إلى مقتل 12 شخصا.")
    ev = next(e for e in doc.events if "actor-unidentified" in e.context)
    assert ev.type == "ASSAULT" and ev.actors[0].sector == "UAF" and ev.actors[0].country == "IRQ"
    assert doc.text[ev.actors[0].start:ev.actors[0].end] == "سيارة مفخخة"


def test_talk_of_car_bombs_is_no_attack(extract):
    doc = extract("وحذر الخبراء من خطر السيارات المفخخة على الأسواق المزدحمة.")
    assert [e for e in doc.events if e.type == "ASSAULT"] == []


def test_a_bare_stem_with_its_subject_next_to_it_is_the_verb(extract):
    doc = extract("قتل مسلحو داعش خمسة مدنيين في الموصل.")
    assert ("IMG", "REB") in _codes(_event(doc, "ASSAULT").actors)


def test_a_bare_stem_with_no_subject_next_to_it_is_the_noun(extract):
    doc = extract("وأدان وزير الداخلية العراقي قتل المدنيين في الموصل.")
    assert all(("IRQ", "GOV") not in _codes(e.actors) for e in doc.events if e.type == "ASSAULT")


# protests (issue 3: GSR PROTEST) --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "واحتشد آلاف المتظاهرين أمام مبنى البرلمان في بيروت أمس.",
    "وخرج مئات الطلاب إلى الشوارع في الخرطوم احتجاجا على رفع أسعار الخبز.",
    "ونظم نشطاء مسيرة في وسط تونس للمطالبة بالإفراج عن المعتقلين.",
    "وتجمع المحتجون فى ميدان التحرير رغم منع التظاهر.",
])
def test_gatherings_and_marches_are_protests(extract, text):
    assert "PROTEST" in {e.type for e in extract(text).events}


@pytest.mark.parametrize("text", [
    "وأكد الوزير التزام الحكومة بمسيرة السلام في المنطقة.",
    "وأسقطت الدفاعات الجوية طائرة مسيرة قرب الحدود.",
    "وقمعت الشرطة المظاهرات في العاصمة بالغاز المسيل للدموع.",
    "واعتقلت الشرطة عشرة من المتظاهرين الذين تجمعوا أمام السفارة.",
])
def test_no_protest_of_its_own(extract, text):
    assert "PROTEST" not in {e.type for e in extract(text).events}


def test_a_state_protest_is_a_verbal_accusation(extract):
    doc = extract("واحتجت تركيا لدى السفير الروسي على انتهاك طائرة روسية أجواءها.")
    assert "PROTEST" not in {e.type for e in doc.events}
    assert ("TUR", "GOV") in _codes(_event(doc, "ACCUSE").actors)


def test_a_plural_verb_carries_its_subject_so_the_phrase_after_is_the_object(extract):
    doc = extract("ورفض الأهالي دخول القرية، ثم أطلقوا النار على المسلحين الحوثيين.")
    ev = _event(doc, "ASSAULT")
    assert ("YEM", "REB") not in _codes(ev.actors)



# the actor, by construction ---------------------------------------------------------------------

ACTOR_CASES = [
    ("possessive-pronoun", "وواصلت القوات الموالية للرئيس اليمني حصارها لمعسكر الحوثيين في لحج.",
     "COERCE", ("YEM", "MIL")),
    ("noun-with-ba", "ورد الجيش الأردني باستهداف مواقع لتنظيم داعش قرب الحدود.",
     "ASSAULT", ("JOR", "MIL")),
    ("agentive-relative", "وشجب الوزير التفجير الذي نفذه مسلحو داعش في بغداد.",
     "ASSAULT", ("IMG", "REB")),
    ("indefinite-described", "وقضت المحكمة بالسجن عامين على جندي إسرائيلي قتل شابا فلسطينيا في الخليل.",
     "ASSAULT", ("ISR", "MIL")),
    ("after-kana", "وكانت منظمة العفو الدولية طالبت السلطات الجزائرية بالإفراج عن الصحفي.",
     "REQUEST", ("NGO", "NGO")),
]


@pytest.mark.parametrize("case, text, etype, actor", ACTOR_CASES, ids=[c[0] for c in ACTOR_CASES])
def test_the_actor_of_each_construction(extract, case, text, etype, actor):
    assert actor in _codes(_event(extract(text), etype).actors)


@pytest.mark.parametrize("text, etype", [
    ("وحققت القوات العراقية انتصارات متتالية على داعش.", "ACCUSE"),
    ("وتقع مقاطعة بلوشستان في جنوب غرب باكستان.", "PROTEST"),
    ("ورحل الشاعر الفلسطيني عن عمر ناهز السبعين.", "COERCE"),
])
def test_achieving_a_province_and_passing_away(extract, text, etype):
    assert etype not in {e.type for e in extract(text).events}


def test_investigating_and_boycotting_still_count(extract):
    doc = extract("وحققت الشرطة التونسية مع ثلاثة مشتبه بهم، وبدأت المعارضة مقاطعة الانتخابات.")
    assert {"ACCUSE", "PROTEST"} <= {e.type for e in doc.events}


def test_civilians_leaving_a_town_is_no_retreat(extract):
    doc = extract("وبدأ مئات المدنيين يغادرون مدينة الرمادي هربا من المعارك.")
    assert "RETREAT" not in {e.type for e in doc.events}


def test_submitting_a_request_is_no_advance(extract):
    doc = extract("وتقدمت الحكومة العراقية بطلب رسمي إلى مجلس الأمن الدولي.")
    assert "COERCE" not in {e.type for e in doc.events}


# -- a complementiser carrying the subject: قال الجيش إنه قتل … --------------------------------

@pytest.mark.parametrize("text, actor, recipient", [
    ("قال الجيش المصري إنه قتل عشرين مسلحا في شمال سيناء.", ("EGY", "MIL"), ("EGY", "REB")),
    ("أعلنت وزارة الدفاع الروسية أنها قصفت مواقع لتنظيم داعش قرب الرقة.", ("RUS", "GOV"),
     ("IMG", "REB")),
    # Egyptian spelling, and a particle between the complementiser and the verb
    ("واكدت الشرطة التونسية انها قد اعتقلت خمسة من عناصر انصار الشريعة فى سوسة.",
     ("TUN", "COP"), ("IMG", "REB")),
])
def test_the_speaker_is_the_subject_of_a_verb_after_inna_with_a_pronoun(extract, text, actor,
                                                                      recipient):
    ev = _event(extract(text, published="2015-08-10"),
                "ASSAULT" if "قتل" in text or "قصفت" in text else "COERCE")
    assert [(a.country, a.sector) for a in ev.actors] == [actor]
    assert recipient in {(a.country, a.sector) for a in ev.recipients}


def test_a_monitor_saying_annahu_qutila_is_no_party(extract):
    # "أنه قتل" after a monitor is the impersonal passive: it was killed
    doc = extract("وذكر المرصد السوري لحقوق الإنسان أنه قتل عشرة من عناصر قوات النظام في حماة.",
                  published="2015-08-10")
    assert not any(a.sector == "NGO" for e in doc.events for a in e.actors)


def test_a_speaker_joined_by_wa_does_not_take_the_phrase_before_as_subject(extract):
    doc = extract("وزار وزير الخارجية الإيراني الكويت وقطر وشدد بأنه أجرى محادثات مع "
                  "المسؤولين هناك.", published="2015-08-10")
    talks = _event(doc, "CONSULT")
    assert [(a.country, a.sector) for a in talks.actors] == [("IRN", "GOV")]


def test_a_nisba_noun_takes_the_accusative_alif_as_an_object(extract):
    ev = _event(extract("قتل قناص جنديا على الطريق الدولي قرب درعا.", published="2015-08-10"),
                "ASSAULT")
    assert [a.text for a in ev.actors] == ["قناص"]
    assert [(a.text, a.sector) for a in ev.recipients] == [("جنديا", "MIL")]


def test_the_subject_between_kana_and_qad_is_the_actor_and_the_phrase_after_the_object(extract):
    doc = extract("وكانت قيادة المقاومة الجنوبية قد اتهمت الميليشيات الحوثية بقصف المستشفى "
                  "الوحيد في البلدة.", published="2015-08-10")
    ev = _event(doc, "ACCUSE")
    assert [a.text for a in ev.actors] == ["المقاومة الجنوبية"]
    assert [a.text for a in ev.recipients] == ["الميليشيات الحوثية"]


def test_a_passive_relative_clause_takes_its_agent_from_min_qibal(extract):
    doc = extract("أفرجت السلطات عن رئيس شركة الطيران الذي اختطف قبل أسبوع في سبها من قبل "
                  "مسلحين مجهولين.", published="2015-08-10")
    ev = _event(doc, "ASSAULT")
    assert [a.sector for a in ev.actors] == ["UAF"]
    assert [(r.text, r.sector) for r in ev.recipients] == [("شركة الطيران", "BUS")]


@pytest.mark.parametrize("text, etype, is_event", [
    # foiling an attack is no rejection
    ("أحبطت روسيا مشروع القرار الفرنسي في مجلس الأمن.", "REJECT", True),
    ("أحبط شرطي هجوما انتحاريا أمام مركز للشرطة في قسنطينة.", "REJECT", False),
    ("واحبطت قوات الامن محاولة تفجير سيارة مفخخة فى العريش.", "REJECT", False),
    # a weapon noun is an attack only with a target or a toll: not an arsenal or a test
    ("وتقدر إسرائيل ترسانة صواريخ حزب الله بأكثر من مئة ألف صاروخ.", "ASSAULT", False),
    ("وأجرت كوريا الشمالية تجربة إطلاق صاروخ بعيد المدى.", "ASSAULT", False),
    ("أطلق الحوثيون صواريخ على مدينة نجران السعودية أمس.", "ASSAULT", True),
])
def test_whether_a_word_tells_an_event_of_its_type(extract, text, etype, is_event):
    doc = extract(text, published="2015-08-10")
    assert any(e.type == etype for e in doc.events) == is_event


def test_a_masdar_spelled_like_the_verb_after_li_is_the_noun(extract):
    # لقتل الجنود is "to kill the soldiers": the soldiers are the target, never the killers
    doc = extract("وأرسل التنظيم مسلحين لقتل الجنود في الثكنة.", published="2017-06-19")
    assert not any(a.text == "الجنود" for e in doc.events for a in e.actors)


@pytest.mark.parametrize("text, court, convicted", [
    ("قضت محكمة عسكرية اليوم بالسجن عشر سنوات على ضابط سابق في الجيش.", ("?", "JUD"), "MIL"),
    ("وحكمت محكمة الجنايات فى القاهرة بإعدام عشرين متهما من أنصار الجماعة.", ("EGY", "JUD"),
     None),
])
def test_a_court_sentence_is_a_sanction_and_no_attack(extract, text, court, convicted):
    doc = extract(text, published="2017-02-21")
    ruling = _event(doc, "SANCTION")
    assert ruling.actors[0].sector == court[1]
    if court[0] != "?":
        assert ruling.actors[0].country == court[0]
    if convicted:
        assert convicted in {r.sector for r in ruling.recipients}
    assert not any(e.type == "ASSAULT" for e in doc.events)  # بإعدام is the penalty


@pytest.mark.parametrize("text", [
    "بقي الحكم في البلاد بيد الجيش سنوات طويلة.",       # rule, governance
    "قضى الوزير يومين في عمان قبل أن يعود إلى بلاده.",   # spent (time)
])
def test_hukm_and_qada_without_a_penalty_are_no_sanction(extract, text):
    assert not any(e.type == "SANCTION" for e in extract(text, published="2017-02-21").events)


@pytest.mark.parametrize("text, etype", [
    ("وتحاول تركيا تحقيق تقارب بين الحكومة العراقية وحكومة الإقليم.", "ACCUSE"),   # achieve
    ("وأعلن الرئيس أن الجيش حقق إنجازا كبيرا في حربه على الإرهاب.", "ACCUSE"),
    ("وختم الخطيب كلمته ودعا الله أن يرحم الشهداء ويشفي الجرحى.", "REQUEST"),     # prayer
    ("قصفت الطائرات مناطق سيطرة المعارضة في ريف إدلب.", "COERCE"),   # areas held: no seizure
    ("وامتنعت وزارة الخارجية الفرنسية عن التعقيب على التقرير.", "REJECT"),  # no comment
    ("وقال مسؤول أمني طلب عدم ذكر اسمه إن الهجوم وقع ليلا.", "REQUEST"),   # anonymity
    ("عثرت الشرطة على جثة طالبة جامعية في شقتها بالإسكندرية.", "REQUEST"),  # a student
    ("وتركت المليشيات الحوثية أسلحة ثقيلة في المجمع الحكومي.", "MOBILIZE"),  # weapons
])
def test_common_readings_of_event_words_are_no_events(extract, text, etype):
    assert not any(e.type == etype for e in extract(text, published="2015-08-10").events)


@pytest.mark.parametrize("text, etype", [
    ("فتحت النيابة العامة تحقيقا مع الضباط في مقتل المتظاهرين.", "ACCUSE"),
    ("ودعا الأمين العام الأطراف اليمنية إلى وقف القتال فورا.", "REQUEST"),
    ("وامتنعت الحكومة عن تسليم المطلوبين إلى المحكمة الدولية.", "REJECT"),
    ("طالبت الحكومة الفرنسية إيران بالإفراج عن الصحفي المعتقل.", "REQUEST"),
])
def test_the_event_readings_stay(extract, text, etype):
    assert any(e.type == etype for e in extract(text, published="2015-08-10").events)


def test_a_date_between_the_verb_and_its_object_does_not_hide_the_object(extract):
    doc = extract("وكانت منظمة العفو الدولية طالبت في أوت السلطات الجزائرية بالإفراج عن "
                  "الصحفي.", published="2016-12-12")
    ev = _event(doc, "REQUEST")
    assert ("DZA", "GOV") in {(r.country, r.sector) for r in ev.recipients}


def test_the_verb_of_a_listed_phrase_takes_its_endings(extract):
    # فتح النار is listed once; فتحت النار and فتحوا النار are its forms too
    doc = extract("وفتحت النار دورية للشرطة على المتظاهرين في ساحة المدينة أمس.",
                  published="2015-08-10")
    assert _event(doc, "ASSAULT").mode == "firearms"


def test_a_beating_has_the_cameo_code_of_a_physical_assault(extract):
    doc = extract("وضربت الشرطة المتظاهرين بالهراوات في ساحة المدينة أمس.",
                  published="2015-08-10")
    assert _event(doc, "ASSAULT").cameo == "182"


def test_later_after_a_past_verb_is_no_future(extract):
    doc = extract("وأعلن الجيش لاحقا أن قواته قتلت مسلحا قرب الحدود.", published="2015-08-10")
    assert _event(doc, "ASSAULT").modality != "future"


# -- told, not reported: background and history; attacks reported through their victims ------

@pytest.mark.parametrize("text, flag", [
    ("وقال الوزير بعد هجوم المسلحين على الحاجز إن الأمن سيعزز في المنطقة.", "background"),
    ("وشددت الشرطة إجراءاتها عندما هاجم مسلحون كنيسة في المنيا.", "background"),
    ("وفي عام 1989 اغتالت إسرائيل القيادي في الحركة في تونس.", "historical"),
])
def test_events_told_as_background_or_history_are_flagged(extract, text, flag):
    doc = extract(text, published="2015-08-10")
    assert any(flag in e.context for e in doc.events if e.type == "ASSAULT")


def test_an_attack_told_after_its_dead_is_no_background(extract):
    doc = extract("قتل خمسة أشخاص حين انفجرت عبوة ناسفة قرب السوق أمس.", published="2015-08-10")
    assert all("background" not in e.context for e in doc.events)


@pytest.mark.parametrize("text", [
    "قتل خمسة أشخاص في انفجار سيارة مفخخة وسط بغداد صباح اليوم.",
    "تعرضت دورية للجيش لهجوم قرب العريش أمس.",
])
def test_an_attack_reported_through_its_victims_gets_an_unidentified_attacker(extract, text):
    ev = _event(extract(text, published="2015-08-10"), "ASSAULT")
    assert [a.sector for a in ev.actors] == ["UAF"] and "actor-unidentified" in ev.context


def test_a_threatened_attack_has_not_happened(extract):
    doc = extract("وهددت إسرائيل باستهداف مواقع حزب الله في جنوب لبنان.", published="2015-08-10")
    assert all(e.modality in ("future", "demanded", "negated") for e in doc.events
               if e.type == "ASSAULT")


def test_persons_counted_are_civilians(extract):
    ev = _event(extract("اعتقلت الشرطة التركية خمسين شخصا في إسطنبول أمس.", published="2015-08-10"),
                "COERCE")
    assert ("TUR", "CVL") in {(r.country, r.sector) for r in ev.recipients}


def test_kana_is_no_complementiser_closing_the_clause(extract):
    # كان read as ك + أن ended the clause before it, hiding the relative pronoun before كان
    doc = extract("وأصيب فتى برصاص شرطي في ساحة البلدة حيث كان يتجمع متظاهرون ومحتجون أمس.",
                  published="2015-08-10")
    assert all("background" in e.context for e in doc.events if e.type == "PROTEST")


@pytest.mark.parametrize("text, protest", [
    ("وفتحت الشرطة النار على متظاهرين يحتجون على غلاء الأسعار في الخرطوم.", False),
    ("وبلغ عدد الأحزاب 25 حزبا وتجمعا سياسيا في البلاد.", False),
    ("ووقفت الصحفية في قاطع المعارضة من الساحة.", False),
    ("واعتصم مئات الفلسطينيين قرب دوار الشهداء في نابلس أمس.", True),
    ("واحتشد مئات من أنصار الحزب أمام مقر البرلمان في تونس أمس.", True),
])
def test_protests_told_and_words_that_only_look_like_them(extract, text, protest):
    doc = extract(text, published="2015-08-10")
    found = [e for e in doc.events if e.type == "PROTEST" and "background" not in e.context]
    assert bool(found) == protest
    if protest:
        assert found[0].actors[0].sector in ("CVL", "PTY")  # a people or supporters, no state


def test_the_subject_before_an_aside_between_commas_is_the_actor(extract):
    doc = extract("وقالت الشرطة إن مقاتلي حزب العمال الكردستاني، الذي تحظره أنقرة منذ ثمانينيات "
                  "القرن الماضي، هاجموا دورية لقوات الأمن التركية قرب الحدود.",
                  published="2015-08-10")
    ev = _event(doc, "ASSAULT")
    assert [a.sector for a in ev.actors] == ["REB"]
    assert ("TUR", "COP") in {(r.country, r.sector) for r in ev.recipients}


@pytest.mark.parametrize("text, trigger", [
    ("التقت وزيرة الخارجية الألمانية نظيرها الروسي في موسكو أمس.", "التقت"),
    ("وقال الوزراء العرب إنهم التقوا نظيرهم الروسي في موسكو.", "التقوا"),
])
def test_verbs_ending_in_alif_maqsura_take_the_third_person_endings(extract, text, trigger):
    # التقى → التقت، التقوا; أجرى → أجرت: the ى drops before the ending
    ev = _event(extract(text, published="2015-08-10"), "CONSULT")
    assert ev.trigger == trigger


def test_a_counterpart_is_the_other_party_of_a_meeting(extract):
    ev = _event(extract("التقت وزيرة الخارجية الألمانية نظيرها الروسي في موسكو.",
                        published="2015-08-10"), "CONSULT")
    assert [(a.country, a.sector) for a in ev.actors] == [("DEU", "GOV")]
    assert [(a.country, a.sector) for a in ev.recipients] == [("RUS", "GOV")]


def test_a_sentence_going_on_with_a_report_keeps_its_source(extract):
    doc = extract("أعلن المرصد السوري لحقوق الإنسان أن الطيران الحربي شن غارات على بلدة كفرنبل "
                  "أمس. كما قصفت قوات النظام أحياء في مدينة إدلب. وقصفت الطائرات التركية "
                  "مواقع في عفرين.", published="2015-08-10")
    by_place = {e.locations[0].text: e for e in doc.events if e.type == "ASSAULT" and e.locations}
    shelling = next(e for t, e in by_place.items() if "إدلب" in t)
    assert [a.text for a in shelling.attribution] == ["المرصد السوري لحقوق الإنسان"]
    assert shelling.modality == "reported"
    turkish = next(e for t, e in by_place.items() if "عفرين" in t)
    assert turkish.attribution == []  # no continuation word: the writer's own statement


@pytest.mark.parametrize("text, etype", [
    ("ووعد وزير الداخلية التركي بالرد بقوة ضد المسلحين في الجنوب.", "THREATEN"),
    ("ووعد الرئيس الفرنسي بتقديم مساعدات للاجئين السوريين.", "AGREE"),
])
def test_a_promise_aimed_at_someone_is_a_threat(extract, text, etype):
    types = {e.type for e in extract(text, published="2015-08-10").events}
    assert etype in types and ({"AGREE", "THREATEN"} - {etype}).isdisjoint(types)


def test_the_authorities_concerned_are_the_government(extract):
    ev = _event(extract("وطالبت وزارة الصحة الجهات المعنية بتوفير الأدوية للمستشفيات في الموصل.",
                        published="2015-08-10"), "REQUEST")
    assert [(r.text, r.sector) for r in ev.recipients] == [("الجهات المعنية", "GOV")]


@pytest.mark.parametrize("text", [
    "وأرسل المتمردون عدة أطقم مسلحة إلى القرية بعد الظهر.",
    "ووصلت طلائع قوات الجيش إلى مشارف المدينة أمس.",
    "واستقدمت قوات النظام تعزيزات عسكرية إلى ريف حماة.",
])
def test_forces_sent_or_arriving_are_a_mobilisation(extract, text):
    assert _event(extract(text, published="2015-08-10"), "MOBILIZE").actors


def test_a_leader_arriving_is_no_mobilisation(extract):
    doc = extract("ووصل الرئيس الفرنسي إلى الرياض في زيارة رسمية.", published="2015-08-10")
    assert not any(e.type == "MOBILIZE" for e in doc.events)


def test_a_threat_against_someone_has_them_as_recipient(extract):
    ev = _event(extract("ووعد وزير الداخلية التركي بالرد بقوة ضد المسلحين في الجنوب.",
                        published="2015-08-10"), "THREATEN")
    assert [r.sector for r in ev.recipients] == ["REB"]


# -- issue 3: precision and recall on reports of attacks ----------------------------------------

@pytest.mark.parametrize("text", [
    "هاجم الرئيس الفرنسي منافسه اليميني في مناظرة تلفزيونية مساء أمس.",
    "شن رئيس الحزب هجوما لاذعا على الحكومة خلال مؤتمر صحفى فى القاهرة.",
    "هاجمت الوزيرة سياسة البنك المركزي أمام البرلمان.",
])
def test_a_politicians_attack_is_words_not_violence(extract, text):
    doc = extract(text, published="2016-03-02")
    assert not [e for e in doc.events if e.type == "ASSAULT"]
    assert _event(doc, "ACCUSE").mode == "disapprove"


@pytest.mark.parametrize("text", [
    "هاجم مسلحون مقر الحزب في الموصل أمس.",
    "هاجمت القوات الحكومية مواقع المتمردين شمال البلاد.",
    "هاجم الرئيس خصومه بعد مقتل ثلاثة من حراسه في كمين.",
])
def test_an_attack_by_fighters_or_with_casualties_stays_an_assault(extract, text):
    assert _event(extract(text, published="2016-03-02"), "ASSAULT")


@pytest.mark.parametrize("text", [
    "فجرت تصريحات الوزير أزمة جديدة داخل الائتلاف الحاكم.",
    "قرر المدير تصفية حساباته مع خصومه في الشركة.",
    "حذر المراقبون من انفجار الوضع فى الجنوب إذا تأخرت الرواتب.",
])
def test_figures_of_speech_are_no_attack(extract, text):
    assert not [e for e in extract(text, published="2016-03-02").events if e.type == "ASSAULT"]


def test_the_title_of_a_work_tells_no_event(extract):
    doc = extract("نال المخرج جائزة عن فيلمه الجديد وعن كتاب «اغتيال القنصل» الذي صدر العام الماضي.",
                  published="2016-03-02")
    assert not [e for e in doc.events if e.type == "ASSAULT"]
    # the same words outside quotes after a work noun are still read
    doc = extract("أدان الاتحاد اغتيال القنصل الإيطالي على يد مسلحين في بنغازي أمس.",
                  published="2016-03-02")
    assert _event(doc, "ASSAULT")


def test_described_is_no_liquidation(extract):
    doc = extract("وصفت المنظمة الانتخابات بأنها مزورة، ووصفته الصحيفة بالمتشدد.",
                  published="2016-03-02")
    assert not [e for e in doc.events if e.type == "ASSAULT"]


@pytest.mark.parametrize("text, dead", [
    ("قتل جنديان وأصيب ثلاثة آخرون فى انفجار عبوة ناسفة قرب الحدود.", 2),
    ("قتل مدنيان في قصف على حي سكني بحلب.", 2),
    ("لقي شخصان مصرعهما جراء انفجار سيارة مفخخة في سوق شعبي.", 2),
])
def test_a_dual_counts_two_and_reports_the_attack(extract, text, dead):
    ev = _event(extract(text, published="2016-03-02"), "ASSAULT")
    assert ev.size["dead"]["min"] == dead


def test_a_counted_phrase_after_a_verb_of_killing_is_its_victims(extract):
    doc = extract("قتل ثلاثة جنود برصاص قناص في دير الزور أمس.", published="2016-03-02")
    ev = _event(doc, "ASSAULT")
    assert "جنود" not in " ".join(a.text for a in ev.actors)
    assert any("جنود" in r.text for r in ev.recipients)


def test_an_attack_noun_overlapping_a_longer_name_is_still_read(extract):
    # انتحاري في بغداد is read as an actor phrase; the trigger هجوم انتحاري overlaps it
    doc = extract("قتل 20 شخصا في هجوم انتحاري في بغداد أمس.", published="2016-03-02")
    assert _event(doc, "ASSAULT").size["dead"]["min"] == 20


@pytest.mark.parametrize("text", [
    "أطلق الرئيس مبادرة جديدة للحوار الوطني.",
    "فتح الجيش تحقيقا في إطلاق النار على المتظاهرين.",
])
def test_a_phrase_verb_without_its_object_is_no_attack(extract, text):
    assert not [e for e in extract(text, published="2016-03-02").events if e.type == "ASSAULT"]


@pytest.mark.parametrize("text, etype", [
    ("قتلت القوات الإسرائيلية فلسطينيا قرب مدينة الخليل.", "ASSAULT"),
    ("اعتقل الجيش الإسرائيلى فلسطينيا فى نابلس فجر اليوم.", "COERCE"),
    ("أطلق جنود إسرائيليون النار على فلسطيني قرب رفح.", "ASSAULT"),
])
def test_a_gentilic_standing_as_the_object_is_a_civilian_of_that_people(extract, text, etype):
    ev = _event(extract(text, published="2016-03-02"), etype)
    assert ("ISR", "MIL") in {(a.country, a.sector) for a in ev.actors}
    assert ("PSE", "CVL") in {(a.country, a.sector) for a in ev.recipients}


def test_a_gentilic_adjective_after_a_place_is_no_person(extract):
    doc = extract("قصفت الطائرات الروسية مواقع قرب الحدود السورية أمس.", published="2016-03-02")
    assert ("SYR", "CVL") not in {(r.country, r.sector) for e in doc.events for r in e.recipients}


def test_a_strike_is_no_first_person_beating():
    # أضرب (went on strike) and أصيب (was wounded) are spelled like first-person presents of
    # ضرب and أصاب; news tells in the third person
    from marsad.stages.events import trigger_lexicon

    def readings(word):
        return {(m.payload.type, m.payload.mode) for m in trigger_lexicon().finditer(word)}

    assert readings("اضرب") == {("PROTEST", "strike")}
    assert not readings("اصيب")
    assert ("ASSAULT", "beat") in readings("يضرب")


@pytest.mark.parametrize("text, etype, recipient", [
    ("قتل مسلحون جنديين عراقيين فى هجوم على حاجز قرب الموصل.", "ASSAULT", ("IRQ", "MIL")),
    ("اعتقلت القوات الإسرائيلية الفلسطينيين المشاركين في المسيرة.", "COERCE", ("PSE", "CVL")),
    ("قتل جنود إسرائيليون فلسطينيين في جنين أمس.", "ASSAULT", ("PSE", "CVL")),
])
def test_duals_and_peoples_as_the_victims(extract, text, etype, recipient):
    ev = _event(extract(text, published="2016-03-02"), etype)
    assert recipient in {(r.country, r.sector) for r in ev.recipients}
    assert recipient not in {(a.country, a.sector) for a in ev.actors}


@pytest.mark.parametrize("text", [
    "اتهمت الحكومة اليمنية الحوثيين بقصف الأحياء السكنية في تعز.",
    "ويتهم الفلسطينيون الاحتلال باغتيال قادتهم فى الخارج.",
    "وطالبت المعارضة بمحاسبة الجيش بدعوى قصف قرى في الشمال.",
])
def test_an_attack_told_as_an_accusation_is_alleged(extract, text):
    from marsad.evaluate.gsr import reports

    doc = extract(text, published="2016-03-02")
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert attacks and all("alleged" in e.context for e in attacks)
    assert not any(reports(e) for e in attacks)


def test_an_attack_beside_an_accusation_is_reported(extract):
    doc = extract("قصفت الطائرات مواقع المسلحين في إدلب أمس، واتهمت المعارضة النظام بالكذب.",
                  published="2016-03-02")
    ev = _event(doc, "ASSAULT")
    assert "alleged" not in ev.context


@pytest.mark.parametrize("text, actor, victim", [
    ("قتل شرطي برصاص مسلحين مجهولين في العريش أمس.", ("EGY", "UAF"), ("EGY", "COP")),
    ("قتل جندي في هجوم شنه مسلحون على حاجز قرب الموصل.", None, ("IRQ", "MIL")),
])
def test_an_indefinite_group_noun_after_a_verb_of_killing_with_no_object_is_its_victim(
        extract, text, actor, victim):
    ev = next(e for e in extract(text, published="2016-03-02").events if e.trigger == "قتل")
    assert victim[1] in {r.sector for r in ev.recipients}
    assert victim[1] not in {a.sector for a in ev.actors}
    if actor:
        assert actor in {(a.country, a.sector) for a in ev.actors}


def test_a_definite_subject_of_a_verb_of_killing_stays_its_actor(extract):
    doc = extract("قتلت قوات الأمن في هجوم على وكر للمهربين أمس.", published="2016-03-02")
    assert all(a.sector == "COP" for e in doc.events if e.type == "ASSAULT" for a in e.actors)


def test_a_plural_verb_opening_a_sentence_goes_on_with_the_subject_before(extract):
    doc = extract("شن مقاتلو المعارضة هجوما على بلدة في ريف حماة أمس. وأسروا عشرة جنود بعد "
                  "اشتباكات استمرت ساعات.", published="2016-03-02")
    ev = next(e for e in doc.events if e.trigger == "أسروا")
    assert ev.type == "COERCE"
    assert [a.sector for a in ev.actors] == ["OPP"]
    assert "MIL" in {r.sector for r in ev.recipients}


def test_a_plural_verb_after_a_sentence_without_event_has_no_subject(extract):
    doc = extract("قال الوزير إن الحكومة ستواصل الإصلاحات. وتظاهروا أمام البرلمان أمس.",
                  published="2016-03-02")
    assert not [e for e in doc.events if e.type == "PROTEST"]


@pytest.mark.parametrize("text, condemned", [
    ("ندد الاتحاد الأوروبي بالغارات التي شنها الطيران الروسي على حلب.", ("RUS", "MIL")),
    ("أدانت مصر بشدة التفجير الذى نفذه تنظيم داعش ضد كنيسة فى طنطا.", ("IMG", "REB")),
])
def test_a_condemnation_names_the_authors_of_the_event_it_condemns(extract, text, condemned):
    doc = extract(text, published="2016-03-02")
    accuse = _event(doc, "ACCUSE")
    assert condemned in {(r.country, r.sector) for r in accuse.recipients}
    assert "recipient-inferred" in accuse.context
    # the attack keeps its own author: the condemner is no attacker
    attack = _event(doc, "ASSAULT")
    assert condemned in {(a.country, a.sector) for a in attack.actors}
    assert {(a.country, a.sector) for a in accuse.actors}.isdisjoint(
        {(a.country, a.sector) for a in attack.actors})


def test_an_expulsion_of_people_stays_a_coercion(extract):
    ev = _event(extract("طردت الشرطة المهاجرين من المخيم أمس.", published="2016-03-02"), "COERCE")
    assert "CVL" in {r.sector for r in ev.recipients}


def test_a_declared_truce_is_a_concession_by_every_side_that_declares_it(extract):
    ev = _event(extract("أعلنت الحكومة اليمنية والحوثيون هدنة لمدة أسبوع.", published="2016-03-02"),
                "CONCEDE")
    assert {("YEM", "GOV"), ("YEM", "REB")} <= {(a.country, a.sector) for a in ev.actors}


@pytest.mark.parametrize("text", [
    "استهدف الوزير في خطابه المعارضة ووصفها بالفاشلة.",
    "اقتحم رئيس الحزب ملف الفساد في مؤتمره الصحفي أمس.",
])
def test_a_politicians_other_attacks_with_no_one_hurt_are_no_event(extract, text):
    doc = extract(text, published="2016-03-02")
    assert not [e for e in doc.events if e.type in ("ASSAULT", "ACCUSE") and e.trigger in ("استهدف", "اقتحم")]


def test_an_attack_by_a_named_man_that_wounds_is_an_assault(extract):
    doc = extract("هاجم محمد علي جاره بسكين فأصابه بجروح في القاهرة أمس.", published="2016-03-02")
    assert [e for e in doc.events if e.type == "ASSAULT"]


def test_relating_to_is_no_phone_call(extract):
    # the present يتصل ب is "relates to" in news; a call is told in the past (اتصل)
    doc = extract("وجهت النيابة إلى الناشط تهما تتصل بالتظاهر دون ترخيص.", published="2016-03-02")
    assert not [e for e in doc.events if e.type == "CONSULT"]
    doc = extract("اتصل الرئيس التونسي بنظيره الجزائري هاتفيا أمس.", published="2016-03-02")
    assert _event(doc, "CONSULT")


# issue 3: parties of events told in common constructions: (text, type, an actor, a recipient)
PARTIES = [
    # a subject between a phrase's verb and its object (أطلق … النار، ألقت … القبض، أطلقت … سراح)
    ("أطلق جنود إسرائيليون النار على صياد فلسطيني قبالة ساحل غزة.", "ASSAULT", ("ISR", "MIL"), ("PSE", "CVL")),
    ("وألقت الشرطة المصرية القبض على خمسة متظاهرين فى الإسكندرية.", "COERCE", ("EGY", "COP"), ("EGY", "CVL")),
    ("أطلقت السلطات البحرينية سراح عشرين معتقلا أمس.", "RETREAT", ("BHR", "GOV"), None),
    # the phrase's verb read first, its object after the subject (a count aside)
    ("طردت تونس السفير السوري احتجاجا على الحملة العسكرية.", "SANCTION", ("TUN", "GOV"), ("SYR", "GOV")),
    ("سلم مئات المسلحين أنفسهم للجيش السوري في ريف دمشق.", "RETREAT", ("SYR", "REB"), ("SYR", "MIL")),
    # a light verb of signing, an aid's recipient, a coalition led by a state
    ("وقعت الحكومة الأفغانية اتفاقا أمنيا مع الولايات المتحدة أمس.", "AGREE", ("AFG", "GOV"), ("USA", "GOV")),
    ("قدمت الإمارات مساعدات طبية إلى المستشفيات اليمنية.", "AID", ("ARE", "GOV"), ("YEM", "MED")),
    ("قصف طيران التحالف العربي بقيادة السعودية مواقع الحوثيين في صعدة.", "ASSAULT", ("SAU", "MIL"), ("YEM", "REB")),
    # a party named after a target noun (مواقع، مقرات) right after an attack noun is its target
    ("تم استهداف مواقع الحوثيين بغارات لطيران التحالف أمس.", "ASSAULT", ("SAU", "MIL"), ("YEM", "REB")),
    ("وحشدت تركيا قواتها على الحدود استعدادا لقصف مواقع المسلحين الأكراد.", "ASSAULT", ("TUR", "MIL"), ("IRQ", "REB")),
    # a gentilic on a dated attack noun, or one with a toll, names the forces of that country
    ("قالت وزارة الصحة في غزة إن غارة إسرائيلية أسفرت عن مقتل طفلين أمس.", "ASSAULT", ("ISR", "MIL"), None),
    ("قتل ثمانية أشخاص جراء ضربة جوية أمريكية فى ريف الرقة.", "ASSAULT", ("USA", "MIL"), None),
    # an indefinite accusative after the subject is its object (no passive); a leader of a
    # named group takes the group's coding
    ("اغتال مسلحون مجهولون قياديا في حركة فتح بمخيم عين الحلوة.", "ASSAULT", ("LBN", "UAF"), ("PSE", "PTY")),
    ("اعتقلت الشرطة قياديا في جماعة الإخوان في القاهرة.", "COERCE", ("EGY", "COP"), ("EGY", "PTY")),
    # a title of another country after a name is the other party
    ("التقى الرئيس المصري عبد الفتاح السيسي رئيس الوزراء الإثيوبي في القاهرة.", "CONSULT", ("EGY", "GOV"), ("ETH", "GOV")),
    ("استقبل الملك سلمان وزير الخارجية الأمريكي فى الرياض أمس.", "CONSULT", ("SAU", "GOV"), ("USA", "GOV")),
]


@pytest.mark.parametrize("text, etype, actor, recipient", PARTIES, ids=[p[0][:24] for p in PARTIES])
def test_parties_in_common_constructions(extract, text, etype, actor, recipient):
    ev = _event(extract(text, published="2016-03-02"), etype)
    assert actor in {(a.country, a.sector) for a in ev.actors}
    if recipient:
        assert recipient in {(r.country, r.sector) for r in ev.recipients}


def test_a_gentilic_on_an_undated_war_noun_names_no_attacker(extract):
    doc = extract("تحدث الكاتب عن آثار الحرب الأهلية السورية على الاقتصاد.", published="2016-03-02")
    assert not [e for e in doc.events if e.type == "ASSAULT"]


def test_a_gentilic_after_a_killing_noun_is_the_victim_not_the_forces(extract):
    doc = extract("وأثار قتل فلسطيني أمس قرب نابلس غضبا واسعا.", published="2016-03-02")
    assert ("PSE", "MIL") not in {(a.country, a.sector) for e in doc.events for a in e.actors}


@pytest.mark.parametrize("text", [
    "ونددت الفصائل بقتل فلسطيني أمس قرب نابلس.",
    "وطالبت المعارضة بقصف مواقع التنظيم فى الرقة.",
])
def test_what_a_verb_of_saying_is_about_is_not_done_by_its_subject(extract, text):
    doc = extract(text, published="2016-03-02")
    speaker = doc.events[0].actors[0]
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert all((speaker.start, speaker.end) not in {(a.start, a.end) for a in e.actors}
               for e in attacks)


def test_the_accused_and_the_threatener_still_do_what_follows_b(extract):
    doc = extract("هدد الجيش المسلحين بقصف مواقعهم في الجبال.", published="2016-03-02")
    assert _event(doc, "THREATEN").actors[0].sector == "MIL"


def test_an_object_after_a_comma_keeps_the_subject_its_doer(extract):
    ev = _event(extract("خطف مسلحون ليلة الجمعة، أربعة عمال أتراك في الموصل.",
                        published="2016-03-02"), "ASSAULT")
    assert [a.sector for a in ev.actors] == ["REB"]


def test_a_toll_told_before_a_comma_makes_the_attack_after_it_reported(extract):
    ev = _event(extract("وقد قتل ثلاثة مدنيين وجرح سبعة آخرون، في تفجير عبوة ناسفة بسوق شعبي في الموصل.",
                        published="2016-03-02"), "ASSAULT")
    assert ev.modality == "asserted"
    assert (ev.size["dead"]["min"], ev.size["injured"]["min"]) == (3, 7)
    assert "actor-unidentified" in ev.context


@pytest.mark.parametrize("text, modality", [
    ("وقد قصفت الطائرات مواقع المسلحين أمس.", "asserted"),
    ("وقد يكون المسلحون اقتحموا القرية أمس.", "hedged"),
])
def test_qad_affirms_a_perfect_and_hedges_an_imperfect(extract, text, modality):
    assert _event(extract(text, published="2016-03-02"), "ASSAULT").modality == modality


@pytest.mark.parametrize("text", [
    "هل قتل الجنود المدنيين في القرية دون أن يحاسبهم أحد؟",
    "هل قصف الجيش المستشفى عمدا؟",
    "وتساءل: «هل اغتال المسلحون الصحفي في بيروت؟»",
])
def test_an_event_asked_about_is_flagged_a_question(extract, text):
    ev = _event(extract(text), "ASSAULT")
    assert "question" in ev.context


def test_a_statement_is_no_question(extract):
    assert "question" not in _event(extract("قصف الجيش مواقع المسلحين أمس."), "ASSAULT").context


@pytest.mark.parametrize("text", [
    "وما زالت الأسر تنتظر تعويضات ضحايا التفجير الذي نفذه مسلحون على الطائرة وأودى بحياة 200 راكب عام 1988.",
    "واغتال مسلحون القاضي الذي كان يحقق في الملف، في مارس (آذار) 2005.",
])
def test_an_event_whose_sentence_names_only_old_dates_is_historical(extract, text):
    ev = _event(extract(text, published="2008-06-01"), "ASSAULT")
    assert "historical" in ev.context


def test_an_old_date_in_another_clause_does_not_age_a_dated_event(extract):
    doc = extract("قصف الجيش أمس المدرسة التي بنيت عام 1990 في القرية.", published="2008-06-01")
    assert "historical" not in _event(doc, "ASSAULT").context


@pytest.mark.parametrize("text, victim", [
    ("تعرضت دورية للشرطة في وسط المدينة لهجوم مسلح أمس.", ("COP", "دورية للشرطة")),
    ("تعرض الجنود لهجوم قرب الحدود صباح الأحد.", ("MIL", "الجنود")),
    ("وقال المصدر إن الجنود تعرضوا لاعتداء فجر اليوم في ضواحي المدينة.", ("MIL", "الجنود")),
])
def test_who_is_exposed_to_an_attack_suffers_it(extract, text, victim):
    ev = _event(extract(text), "ASSAULT")
    assert [(r.sector, r.text) for r in ev.recipients] == [victim]
    assert [a.sector for a in ev.actors] == ["UAF"] and "actor-unidentified" in ev.context


def test_an_agent_named_after_the_exposure_is_the_attacker(extract):
    ev = _event(extract("تعرض الجنود لهجوم على أيدي مسلحين مجهولين أمس."), "ASSAULT")
    assert [a.text for a in ev.actors] == ["مسلحين مجهولين"]
    assert [r.text for r in ev.recipients] == ["الجنود"]


def test_in_the_middle_of_a_place_opens_no_clause(extract):
    # وسط "amid" opens a clause; في وسط المدينة is a place inside the clause
    ev = _event(extract("تعرضت قافلة للجيش في وسط البلدة لكمين أمس أسفر عن مقتل جنديين."),
                "ASSAULT")
    assert [r.sector for r in ev.recipients] == ["MIL"]


@pytest.mark.parametrize("text", [
    "وقال المصدر إن عبوة ناسفة انفجرت قرب السوق ودمرت سيارة وأصابت سائقها.",
    "انفجرت سيارة مفخخة أمام مقر الحزب في البلدة ولم يصب أحد.",
    "وانفجر لغم بدورية للجيش على الطريق الساحلي.",
])
def test_a_device_told_as_exploding_is_an_attack_by_an_unidentified_group(extract, text):
    ev = _event(extract(text, published=None), "ASSAULT")
    assert [a.sector for a in ev.actors] == ["UAF"]


@pytest.mark.parametrize("text", [
    "وانفجرت ثلاث قذائف هاون قرب مقر الحكومة صباح اليوم.",
    "انفجرت العبوة قرب مبنى البلدية.",
])
def test_what_explodes_near_a_place_is_not_done_by_who_is_there(extract, text):
    doc = extract(text)
    assert not any(a.sector == "GOV" for e in doc.events for a in e.actors)


@pytest.mark.parametrize("text", [
    "انفجر أنبوب للغاز في المصنع الليلة الماضية.",
    "تنفجر عبوات ناسفة كثيرة في هذه المنطقة منذ سنوات.",
])
def test_an_explosion_is_no_attack_without_a_device_going_off(extract, text):
    assert not [e for e in extract(text, published=None).events if e.type == "ASSAULT"]


@pytest.mark.parametrize("text", [
    "شنت أحزاب المعارضة هجوما لاذعا على رئيس الوزراء بسبب الميزانية.",
    "هاجم الحزب الحاكم بشدة على قرار المحكمة.",
    "وشن النائب هجوما حادا على وزير المالية في جلسة البرلمان.",
])
def test_an_attack_in_words_is_an_accusation(extract, text):
    doc = extract(text)
    assert [e.type for e in doc.events] == ["ACCUSE"]
    assert doc.events[0].mode == "disapprove"


def test_a_sharp_attack_that_kills_is_still_an_attack(extract):
    doc = extract("شن المسلحون هجوما حادا على الثكنة أسفر عن مقتل جنديين.")
    assert _event(doc, "ASSAULT").actors[0].sector == "REB"
    assert not [e for e in doc.events if e.type == "ACCUSE"]


def test_a_passive_victim_with_a_place_is_not_the_killer(extract):
    # شرطي في العريش: the place after the noun does not make the victim definite
    doc = extract("قتل شرطي في العريش أمس.")
    assert not any(a.sector == "COP" for e in doc.events for a in e.actors)


def test_a_toll_inside_the_subordinate_clause_is_background_too(extract):
    # the deaths after اثر are the reason for the statement, not its news
    doc = extract("دعت الحكومة إلى ضبط النفس إثر مقتل جنديين في هجوم شنه مسلحون أمس.")
    assert "background" in _event(doc, "ASSAULT").context


def test_a_toll_told_before_the_subordinate_clause_keeps_the_attack_reported(extract):
    doc = extract("قتل خمسة أشخاص حين انفجرت سيارة مفخخة في السوق أمس.")
    assert all("background" not in e.context for e in doc.events if e.type == "ASSAULT")


def test_a_bare_name_after_a_verb_of_killing_with_no_object_is_its_victim(extract):
    doc = extract("وأعدم ماجد الحسيني وقريبه أمام آلاف المتفرجين.")
    assert not any(a.text.startswith("ماجد") for e in doc.events for a in e.actors)


@pytest.mark.parametrize("text, mode", [
    ("وقال سكان إن دبابات إسرائيلية أطلقت نيرانها على الحي أمس.", "firearms"),
    ("اغتصب جنود من قوة حفظ السلام فتاة في قرية نائية.", "sexual"),
    ("أعلن الجيش أن قواته أسقطت طائرتين مسيرتين فوق الحدود.", None),
    ("وقال المصدر إن المهاجم فجر نفسه داخل مطعم مزدحم في المدينة.", "suicide-attack"),
])
def test_more_words_of_violence(extract, text, mode):
    ev = _event(extract(text), "ASSAULT")
    assert ev.mode == mode and ev.actors


@pytest.mark.parametrize("text, victim", [
    ("وقال البيان إن المعتقلين تعرضوا للضرب المبرح على أيدي الحراس.", "CVL"),
    ("وأشار البيان إلى تعرض مراكز الجيش، في الأيام الأخيرة وفي أماكن مختلفة، لاعتداءات متفرقة "
     "أدت إلى إصابة جنديين.", "MIL"),
    ("أفادت تقارير بتعرض الزعيم الديني لمحاولة اغتيال في المدينة أمس.", "PTY"),
])
def test_exposure_reaches_beatings_asides_and_attempts(extract, text, victim):
    ev = _event(extract(text), "ASSAULT")
    assert [r.sector for r in ev.recipients] == [victim]


def test_a_feared_exposure_is_no_attack(extract):
    doc = extract("ويخشى السكان أن تتعرض قراهم لهجمات جديدة قبل نهاية الشهر.")
    assert not [e for e in doc.events if e.type == "ASSAULT"]


@pytest.mark.parametrize("text", [
    "ولم يتضح بعد هل كان الخاطف قد قتل.",
    "وقتل الخاطف لاحقا خلال مطاردة قرب الجسر.",
])
def test_a_killing_verb_with_nothing_after_its_subject_is_passive(extract, text):
    doc = extract(text)
    assert not any(a.sector == "UAF" and e.mode == "targeted" for e in doc.events for a in e.actors)


def test_an_arrest_by_a_definite_force_stays_active(extract):
    ev = _event(extract("وداهمت الشرطة منازل في الحي واعتقلت الشرطة عشرة أشخاص."), "COERCE")
    assert ev.actors[0].sector == "COP"


def test_succeeding_in_a_deed_makes_the_subject_its_doer(extract):
    ev = _event(extract("وأكد البيان أن الشرطة نجحت فجرا في قتل أربعة مسلحين."), "ASSAULT")
    assert ev.actors[0].sector == "COP" and ev.recipients[0].sector == "REB"


@pytest.mark.parametrize("text", [
    "وصف الوزير ما جرى بأنه هجوم إرهابي وحشي.",
    "تعمل الوزارة على الوقاية من أي هجوم مسلح على المطارات.",
])
def test_a_word_for_fighters_after_an_event_noun_is_its_adjective(extract, text):
    assert not [e for e in extract(text).events if e.type == "ASSAULT"]


def test_terrorists_unnamed_are_an_unidentified_armed_group(extract):
    ev = _event(extract("وقالت وزارة الدفاع إن وحدات الجيش قتلت إرهابيا في كمين قرب الحدود."), "ASSAULT")
    assert [r.sector for r in ev.recipients] == ["UAF"]


@pytest.mark.parametrize("text, actor, victim", [
    ("قتل 7 من مسلحي الحوثي في كمين للقوات الحكومية في المحافظة.", "MIL", "REB"),
    ("أصيب ثلاثة جنود بهجوم للمسلحين على الحاجز.", "REB", "MIL"),
])
def test_the_counted_dead_are_the_victims_of_the_attack_that_caused_them(extract, text, actor, victim):
    ev = _event(extract(text), "ASSAULT")
    assert [a.sector for a in ev.actors] == [actor]
    assert [r.sector for r in ev.recipients] == [victim]


@pytest.mark.parametrize("text, country", [
    ("شنت الطائرات غارات على القرى في ريف إدلب أمس.", "SYR"),
    ("قصفت الميليشيات المدينة بالصواريخ صباح اليوم في محافظة تعز.", "YEM"),
])
def test_an_attack_aimed_at_a_populated_place_is_on_its_residents(extract, text, country):
    ev = _event(extract(text), "ASSAULT")
    assert [(r.sector, r.country) for r in ev.recipients] == [("CVL", country)]


def test_a_town_after_in_is_where_not_whom(extract):
    ev = _event(extract("قصف الجيش مواقع المسلحين في المدينة أمس."), "ASSAULT")
    assert [r.sector for r in ev.recipients] == ["REB"]


def test_a_counted_object_keeps_the_subject_before_qad_its_doer(extract):
    doc = extract("وكان الجيش قد قتل الأسبوع الماضي ثلاثة من المطلوبين في الجبال.")
    assert _event(doc, "ASSAULT").actors[0].sector == "MIL"


def test_an_adjective_after_an_event_noun_is_no_party_of_any_event(extract):
    doc = extract("استنكرت الأمانة العامة للعشائر التفجير الإرهابي في الجزيرة.")
    assert not any(a.sector == "UAF" for e in doc.events for a in e.actors)


@pytest.mark.parametrize("text", [
    "وذكرت الوكالة أن نحو 390 مقاتلا من حزب العمال قتلوا خلال أسبوعين من الغارات.",
    "وأوضح مسعف أن خمسة جنود ومدنيين اثنين قتلوا في الانفجار.",
])
def test_a_counted_phrase_before_a_verb_of_killing_is_its_toll(extract, text):
    doc = extract(text)
    assert not any(e.actors and e.trigger.startswith("قتل") for e in doc.events)


@pytest.mark.parametrize("text", ["المسلحون قتلوا 19 شخصا.", "قتل المسلحون أمس 5 جنود."])
def test_a_count_after_the_verb_is_its_object(extract, text):
    ev = _event(extract(text), "ASSAULT")
    assert ev.actors[0].sector == "REB" and ev.recipients


def test_victims_on_both_sides_of_a_verb_of_killing_are_all_victims(extract):
    doc = extract("وأكد مسعف أن 12 شخصا قتلوا بينهم أطفال بسبب لغم أرضي.")
    assert not any(a.sector == "CVL" for e in doc.events for a in e.actors)


def test_issuing_a_toll_of_the_dead_is_no_killing(extract):
    doc = extract("وأصدرت حكومة الإقليم أمس حصيلة بأعداد قتلى الهجمات.")
    assert not any(a.sector == "GOV" for e in doc.events if e.type == "ASSAULT" for a in e.actors)


def test_teams_are_not_a_dispersal(extract):
    doc = extract("وعملت فرق الإنقاذ طوال الليل لإخماد النيران.")
    assert not [e for e in doc.events if e.mode == "crowd-control"]


@pytest.mark.parametrize("text, actor, victim", [
    ("وأفاد ناشطون بأن أنصارا من المعارضة احتجزوا على أيدي مسلحي جبهة النصرة.", "REB", "PTY"),
    ("اختطف الصحفي من قبل مسلحين مجهولين أمس.", "UAF", "JRN"),
])
def test_a_passive_by_its_agent(extract, text, actor, victim):
    doc = extract(text)
    verb = next(e for e in doc.events if e.trigger in ("احتجزوا", "اختطف"))
    assert [a.sector for a in verb.actors] == [actor]
    assert [r.sector for r in verb.recipients] == [victim]


def test_a_passive_by_its_vowel(extract):
    doc = extract("قُتل الجنود أمس في كمين نصبه المسلحون قرب الحدود.")
    assert not any(a.sector == "MIL" for e in doc.events for a in e.actors)
    assert any(r.sector == "MIL" for e in doc.events for r in e.recipients)


def test_a_place_with_its_conjunction_is_no_verb(extract):
    # وعدن is "and Aden", not "they promised"
    doc = extract("ونقلت الشاحنات المؤن إلى مخازن في لحج وعدن خلال الليل.")
    assert not [e for e in doc.events if e.trigger == "وعدن"]


def test_expecting_is_no_signing(extract):
    assert not extract("توقع رئيس الإقليم تحرير بقية المناطق قريبا.").events


def test_a_crowd_that_gathered_is_not_the_police_that_dispersed_it(extract):
    doc = extract("ورشت الشرطة المياه على مئات من العمال احتشدوا أمام المصنع "
                  "احتجاجا على الأجور.")
    assert not [e for e in doc.events if e.type == "ACCUSE"]
    assert all(a.sector == "CVL" for e in doc.events if e.type == "PROTEST" for a in e.actors)


@pytest.mark.parametrize("text", [
    "ويبحث المستثمر عن شريك يمول المشروع الجديد.",
    "وقالت الشركة إنها ستعوض الركاب بإعادة ثمن تذاكرهم.",
    "استنكرت الحكومة في بيان صادر اليوم الممارسات الإسرائيلية.",
])
def test_common_words_that_look_like_triggers(extract, text):
    doc = extract(text)
    assert not [e for e in doc.events if e.type in ("CONSULT", "SUPPORT", "COERCE")]


@pytest.mark.parametrize("text, type_", [
    ("بحث الوزير مع نظيره الأوضاع في المنطقة.", "CONSULT"),
    ("ثمن الوزير جهود الشرطة في حفظ الأمن.", "SUPPORT"),
])
def test_the_same_words_as_triggers(extract, text, type_):
    assert _event(extract(text), type_).actors


def test_a_genitive_follows_its_noun_at_once(extract):
    doc = extract("خرجت مظاهرات مناوئة للرئيس في عدة مدن أمس.")
    assert not any(a.sector == "GOV" for e in doc.events for a in e.actors)
    ev = _event(extract("نفذ الجيش ضربات جوية استهدفت العناصر المسلحة في الجبل."), "ASSAULT")
    assert ev.actors[0].sector == "MIL"


def test_an_attack_carried_out_by_a_named_party(extract):
    ev = _event(extract("وجاء ذلك عقب غارة شنتها طائرة أمريكية على قافلة للمسلحين."), "ASSAULT")
    assert ev.actors[0].country == "USA"


def test_an_accusative_object_is_no_subject_of_the_next_verb(extract):
    doc = extract("أفاد بيان رسمي بأن الشرطة أردت مسلحا واعتقلت تسعة من رفاقه في الجبل.")
    assert _event(doc, "COERCE").actors[0].sector == "COP"


def test_a_fighter_adjective_after_a_group_name_belongs_to_it(extract):
    doc = extract("وأعدم عناصر تنظيم داعش الإرهابي ثلاثة رهائن أمس.")
    assert [(a.country, a.sector) for a in _event(doc, "ASSAULT").actors] == [("IMG", "REB")]


def test_an_accusative_right_after_the_verb_is_its_object(extract):
    doc = extract("وانفجرت سيارة مفخخة أمس واستهدفت قياديا في الحركة أمام المسجد.")
    assert not any(a.text == "قياديا" for e in doc.events for a in e.actors)


def test_a_country_name_ending_in_alif_is_no_accusative(extract):
    assert _event(extract("رحبت فرنسا وروسيا بالاتفاق."), "SUPPORT").actors[0].country == "FRA"


def test_what_belongs_to_a_party_is_that_partys(extract):
    doc = extract("وقال شهود إن طائرة مسيرة تابعة للجيش أغارت على سيارة للمسلحين مساء الأحد.")
    assert _event(doc, "ASSAULT").actors[0].sector == "MIL"


def test_preparing_to_be_exposed_is_no_attack(extract):
    doc = extract("ونصح الضابط الأهالي بالاستعداد للتعرض لغارات إذا تجدد القتال.")
    assert not [e for e in doc.events if e.type == "ASSAULT"]


@pytest.mark.parametrize("text, country", [
    ("قصفت تركيا مواقع المسلحين شمال العراق أمس.", "TUR"),
    ("شنت الولايات المتحدة غارات جوية على مواقع التنظيم.", "USA"),
])
def test_a_state_named_by_its_country_attacks_with_its_forces(extract, text, country):
    actor = _event(extract(text), "ASSAULT").actors[0]
    assert (actor.country, actor.sector) == (country, "MIL") and "GOV" in actor.also_sectors


def test_a_state_named_by_its_country_still_talks_as_its_government(extract):
    assert _event(extract("رحبت تركيا بالاتفاق."), "SUPPORT").actors[0].sector == "GOV"


@pytest.mark.parametrize("text", [
    "وكانت «حركة حماس»، الفصيل الأكبر في غزة، قد قصفت مستوطنات قريبة.",
    "وكانت «حركة حماس»، الفصيل الأكبر في غزة، قد أطلقت صواريخ على مستوطنات قريبة ليلة أمس.",
])
def test_the_subject_between_kana_and_qad_across_an_aside(extract, text):
    assert _event(extract(text), "ASSAULT").actors[0].country == "PSE"


def test_kana_does_not_reach_across_a_complementiser(extract):
    ev = _event(extract("وكانت الحكومة قالت إن المسلحين قد قتلوا الرهائن."), "ASSAULT")
    assert ev.actors[0].sector == "REB"


def test_a_bomb_is_an_unclaimed_attack_only_when_it_explodes(extract):
    ev = _event(extract("انفجرت قنبلة قرب محطة الحافلات في المدينة مساء أمس."), "ASSAULT")
    assert [a.sector for a in ev.actors] == ["UAF"]
    for text in ("تمتلك الدولة قنابل نووية.", "وعثرت الشرطة على قنبلة في السوق أمس.",
                 "وأطلقت الشرطة قنابل الغاز لتفريق المحتجين أمس."):
        assert not any(a.sector == "UAF" for e in extract(text).events for a in e.actors)


def test_to_open_a_door_is_no_party(extract):
    doc = extract("واستخدم اللصوص أداة حادة لفتح أحد أبواب المخزن.")
    assert not any(a.text == "فتح" for e in doc.events for a in e.actors)


def test_shots_fired_at_people_are_an_attack(extract):
    ev = _event(extract("وكان المسلح أطلق عدة أعيرة نارية على مجموعة من السياح في الساحة."), "ASSAULT")
    assert ev.mode == "firearms" and [r.sector for r in ev.recipients] == ["CVL"]


def test_holding_people_hostage_is_an_abduction_not_an_arrest(extract):
    ev = _event(extract("وقال المصدر إن مسلحين احتجزوا أربعة من الشرطة رهائن منذ مساء أمس."), "ASSAULT")
    assert ev.mode == "abduct" and ev.actors[0].sector == "REB"
    assert _event(extract("احتجزت الشرطة عشرة متظاهرين أمس."), "COERCE").mode == "arrest"


def test_prisoners_beaten_by_guards(extract):
    ev = _event(extract("وأكد التقرير أن النزلاء تعرضوا للضرب المبرح من قبل الحراس."), "ASSAULT")
    assert ev.mode == "beat" and [r.sector for r in ev.recipients] == ["CVL"]


def test_one_person_killed_is_a_toll_of_one(extract):
    ev = _event(extract("وأعلن مصدر في الشرطة مقتل شخص إثر انفجار عبوة ناسفة شمال المدينة."), "ASSAULT")
    assert [a.sector for a in ev.actors] == ["UAF"]
    assert ev.size["dead"]["min"] == 1 == ev.size["dead"]["max"]


def test_exposure_reaches_across_a_long_aside(extract):
    doc = extract("وأشار البيان إلى تعرض مراكز للجيش، خلال الأسابيع الماضية وفي عدد من أحياء العاصمة، "
                  "لاعتداءات متكررة أوقعت جرحى أمس.")
    assert [r.sector for r in _event(doc, "ASSAULT").recipients] == ["MIL"]


@pytest.mark.parametrize("text", [
    "وتساءل الموظف عن فائدة هذا الانفجار المالي للمواطن.",
    "ويحذر الخبراء من الانفجار السكاني في المدن الكبرى.",
])
def test_a_financial_or_population_explosion_is_no_attack(extract, text):
    assert not [e for e in extract(text).events if e.type == "ASSAULT"]


def test_the_accused_in_an_assassination_tells_it_as_background(extract):
    doc = extract("وسافر المتهم الرئيسي في اغتيال الوزير إلى الخارج أمس.")
    assert all("background" in e.context for e in doc.events if e.type == "ASSAULT")


def test_an_old_date_about_another_event_does_not_age_a_present_one(extract):
    doc = extract("ويعتصم مئات المتظاهرين أمام البرلمان، ويطالبون برحيل الرئيس الذي جاء به انقلاب عام 1999.",
                  published="2008-06-01")
    assert "historical" not in _event(doc, "PROTEST").context
