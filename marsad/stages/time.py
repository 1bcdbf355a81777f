"""Stage ``time``: date and time expressions, resolved against the publication date.

Adds ``DATE`` entities whose ``attrs`` hold ``value`` (YYYY-MM-DD), ``precision`` (day, week,
month, year) and, for clock times (السادسة صباحا، 6 صباحا), ``time`` (HH:MM). Understood:
absolute dates with Egyptian/Gulf, Levantine and Maghrebi month names (14 أغسطس 2015، 3 آب،
جويلية 2013), numeric dates (14/8/2015), أمس/اليوم/غدا/أول أمس, weekdays (الخميس، الخميس الماضي،
الجمعة المقبل), relative months and years (يناير المقبل، الشهر الماضي، العام المقبل), and
durations with منذ/قبل (منذ تسعة أشهر، قبل ثلاثة أيام; بعد + a duration
is usually counted from another event, not from the publication date, so it is left alone). Without a publication date, only
absolute dates are resolved.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterator

from ..document import Document, Entity
from ..pipeline import stage
from ..resources import forms, table


@lru_cache(maxsize=1)
def _grammar() -> dict:
    months = {f: int(r["month"]) for r in table("months.tsv") for f in forms(r["forms"])}
    weekdays = {f: int(r["weekday"]) for r in table("weekdays.tsv") for f in forms(r["forms"])}
    numbers = {f: int(r["min"]) for r in table("numbers.tsv") for f in forms(r["forms"])
               if r["min"] == r["max"]}

    def alt(words) -> str:
        return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))

    month_re = alt(months)
    weekday_re = alt(weekdays)
    count_re = r"(?:\d+|" + alt(numbers) + ")"
    relday_re = "اول امس|امس|البارحه|اليوم|غدا|بعد غد|الليله الماضيه"
    unit_re = "الاسبوع|الشهر|العام|السنه"
    duration_re = (rf"(منذ|قبل) ({count_re}|بضعه|عده)? ?(ايام|يوما|يوم|يومين|اسابيع|اسبوعا|اسبوع|"
                   rf"اسبوعين|اشهر|شهرا|شهر|شهرين|اعوام|عاما|عام|عامين|سنوات|سنه|سنتين)")
    daytime_re = "صباحا|مساء|مساءا|ظهرا|فجرا|ليلا|بعد الظهر"
    B, E = r"(?<![\w])(?:[وفب]|ال|في)?", r"(?!\w)"
    # Each pattern with a probe: a simpler expression found in every match of the pattern
    # (its words without the lookarounds and clitics), and the probe's reach: how far into a
    # match, at most, that probe hit starts (the clitics and words the pattern allows before it).
    # A pattern opening with a lookbehind is tried at every character; the probe is scanned for
    # quickly, and the pattern is run only from ``reach`` characters before each probe hit
    # (see :func:`_finditer`).
    patterns = [
        ("dmy", rf"(?<!\d)(\d{{1,2}}) ?(?:من )?(?:شهر )?({month_re})(?: (?:عام |سنه )?(\d{{4}})| (الماضي|المنصرم|المقبل|القادم))?{E}",
         rf"\d ?(?:من )?(?:شهر )?(?:{month_re})", 1),  # the day's last digit
        ("my", rf"{B}(?:شهر )?({month_re})(?: (?:من )?(?:عام |سنه )?(\d{{4}})| (الماضي|المقبل|القادم|المنصرم))?{E}",
         month_re, 6),  # a clitic, شهر
        ("numeric", r"(?<![\d/])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/])",
         r"\d[/.-]\d{1,2}[/.-]\d{4}", 1),
        ("relday", rf"{B}({relday_re}){E}", relday_re, 2),
        ("weekday", rf"{B}(?:يوم )?({weekday_re})(?: (الماضي|المقبل|القادم))?{E}", weekday_re, 6),
        ("relunit", rf"{B}({unit_re})( الماضي| الماضيه| المقبل| المقبله| القادم| الجاري| الحالي)?{E}", unit_re, 2),
        ("duration", rf"{B}{duration_re}{E}", duration_re, 2),
        ("clock", rf"{B}(?:الساعه )?(\d{{1,2}}|الواحده|الثانيه|الثالثه|الرابعه|الخامسه|السادسه|السابعه|الثامنه|التاسعه|العاشره|الحاديه عشره|الثانيه عشره)(?: و(?:النصف|الربع))? ?({daytime_re}){E}",
         daytime_re, 29),  # a clitic, الساعه, الحاديه عشره, والنصف and a space
        ("year", rf"{B}(?:عام|سنه|العام) (\d{{4}}){E}", r"(?:عام|سنه) \d{4}", 4),
    ]
    compiled = [(kind, re.compile(p)) for kind, p, _, _ in patterns]
    probes = {kind: (re.compile(probe), reach) for kind, _, probe, reach in patterns}
    return {"months": months, "weekdays": weekdays, "numbers": numbers, "patterns": compiled,
            "probes": probes}


_ORDINAL_HOURS = {"الواحده": 1, "الثانيه": 2, "الثالثه": 3, "الرابعه": 4, "الخامسه": 5,
                  "السادسه": 6, "السابعه": 7, "الثامنه": 8, "التاسعه": 9, "العاشره": 10,
                  "الحاديه عشره": 11, "الثانيه عشره": 12}


_LAST = ("الماضي", "المنصرم")  # a month or day named with these is the last one before publication
_NEXT = ("المقبل", "القادم")  # … the next one after it


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def resolve(kind: str, m: re.Match, pub: date | None, g: dict) -> tuple[date, str, dict] | None:
    """The date an expression names: ``(date, precision, extra attrs)`` or None."""
    extra: dict = {}
    if kind == "dmy":
        day, month = int(m.group(1)), g["months"][m.group(2)]
        year = int(m.group(3)) if m.group(3) else (pub.year if pub else None)
        if year is None:
            return None
        d = _safe_date(year, month, day)
        rel = m.group(4)
        if d and not m.group(3) and pub:
            if rel in _LAST and d > pub or not rel and d > pub + timedelta(days=31):
                d = _safe_date(year - 1, month, day)  # "3 ديسمبر" read in January is last year's
            elif rel in _NEXT and d < pub:
                d = _safe_date(year + 1, month, day)
        return (d, "day", extra) if d else None
    if kind == "my":
        month = g["months"][m.group(1)]
        if m.group(2):
            return date(int(m.group(2)), month, 1), "month", extra
        rel = m.group(3)
        before = m.string[max(0, m.start() - 5):m.start()]
        if not rel and not before.endswith(("في ", "شهر ", "منذ ", "حتي ", "خلال ")):
            return None  # a bare مارس or اب is as often a verb or a noun as a month
        if not pub:
            return None
        year = pub.year
        if rel in _NEXT:
            year += 1 if month <= pub.month else 0
        elif rel in _LAST or month > pub.month:
            year -= 1 if month >= pub.month else 0
        return date(year, month, 1), "month", extra
    if kind == "numeric":
        d = _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return (d, "day", extra) if d else None
    if kind == "year":
        return date(int(m.group(1)), 1, 1), "year", extra
    if pub is None:
        return None
    if kind == "relday":
        shift = {"اول امس": -2, "امس": -1, "البارحه": -1, "اليوم": 0, "غدا": 1,
                 "بعد غد": 2, "الليله الماضيه": -1}[m.group(1)]
        return pub + timedelta(days=shift), "day", extra
    if kind == "weekday":
        wd, rel = g["weekdays"][m.group(1)], m.group(2)
        if rel in ("المقبل", "القادم"):
            ahead = (wd - pub.weekday()) % 7 or 7
            return pub + timedelta(days=ahead), "day", extra
        back = (pub.weekday() - wd) % 7
        if rel == "الماضي" and back == 0:
            back = 7
        return pub - timedelta(days=back), "day", extra
    if kind == "relunit":
        unit, rel = m.group(1), (m.group(2) or "").strip()
        sign = -1 if rel.startswith("الماضي") else 1 if rel.startswith(("المقبل", "القادم")) else 0
        if unit == "الاسبوع":
            return pub + timedelta(days=7 * sign), "week", extra
        if unit == "الشهر":
            return _add_months(pub, sign), "month", extra
        return date(pub.year + sign, 1, 1), "year", extra
    if kind == "duration":
        word, count_text, unit = m.group(1), m.group(2), m.group(3)
        if count_text and count_text.isdigit():
            count = int(count_text)
        elif count_text in g["numbers"]:
            count = g["numbers"][count_text]
        elif unit in ("يومين", "اسبوعين", "شهرين", "عامين", "سنتين"):
            count = 2
        elif count_text:
            count = 3  # بضعة، عدة: a few
        else:
            count = 1
        sign = -1
        if unit.startswith(("يوم", "ايام")):
            return pub + timedelta(days=sign * count), "day", extra
        if unit.startswith(("اسبوع", "اسابيع")):
            return pub + timedelta(days=7 * sign * count), "week", extra
        if unit.startswith(("شهر", "اشهر")):
            return _add_months(pub, sign * count), "month", extra
        return date(pub.year + sign * count, pub.month, 1), "year", extra
    if kind == "clock":
        hour_text, part = m.group(1), m.group(2)
        hour = int(hour_text) if hour_text.isdigit() else _ORDINAL_HOURS[hour_text]
        if part in ("مساء", "مساءا", "ليلا", "بعد الظهر") and hour < 12:
            hour += 12
        extra["time"] = f"{hour:02d}:00"
        return pub, "day", extra
    return None


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _finditer(pattern: re.Pattern, probe: re.Pattern, reach: int, text: str) -> Iterator[re.Match]:
    """The matches of ``pattern.finditer(text)``, with the pattern run only from ``reach``
    characters before the next probe hit: every match holds a probe hit that starts at most
    ``reach`` characters into it, so no match starts earlier. (The lookbehinds still see the
    text before where the search starts.)"""
    pos = 0
    while (hit := probe.search(text, pos)) is not None:
        m = pattern.search(text, max(pos, hit.start() - reach))
        if m is None:
            return
        yield m
        pos = m.end()


def find_dates(doc: Document) -> list[Entity]:
    g = _grammar()
    view = doc.normalized
    pub = parse_date(doc.published)
    found: list[tuple[int, int, Entity]] = []
    text = view.text
    probes = g["probes"]
    for kind, pattern in g["patterns"]:
        for m in _finditer(pattern, *probes[kind], text):
            resolved = resolve(kind, m, pub, g)
            if resolved is None:
                continue
            day, precision, extra = resolved
            start, end = view.to_original(m.start(), m.end())
            attrs = {"value": day.isoformat(), "precision": precision, "kind": kind, **extra}
            found.append((start, end, Entity(start, end, "DATE", doc.text[start:end], "time",
                                             None, attrs)))
    # Longest expression wins where two overlap (14 أغسطس 2015 over أغسطس 2015).
    found.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
    kept: list[Entity] = []
    for start, end, ent in found:
        if all(end <= k.start or start >= k.end for k in kept):
            kept.append(ent)
    return kept


@stage("time", requires=("tokens",), provides=("dates",))
def make_time(settings):
    _grammar()

    def time_stage(doc: Document) -> Document:
        dates = find_dates(doc)
        doc.entities = sorted(doc.entities + dates, key=lambda e: (e.start, -e.end))
        return doc

    return time_stage
