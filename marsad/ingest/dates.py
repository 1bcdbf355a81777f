"""Publication dates from bylines, datelines and page metadata — never an invented one.

A date is taken only when it is written out in full (day, month and year) or given as an ISO
timestamp in the page's metadata. A year alone (a footer's "© 2016"), a month and a year, or a
date next to a copyright sign is not a publication date and yields ``None``.

Month names (Egyptian/Gulf, Levantine and Maghrebi) come from the time stage's data file
``marsad/resources/months.tsv``; nothing here lists them again.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from importlib import resources

from ..text.normalize import normalize, normalize_string

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d|\s*$|Z|[+-]\d)")
_NUMERIC = re.compile(r"(?<!\d)(?:(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})|(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}))(?!\d)")
# Within this many characters before a date, a copyright mark disqualifies it.
_COPYRIGHT = re.compile(r"(©|\(c\)|حقوق|copyright|جميع الحقوق)", re.IGNORECASE)


def _read_months(text: str) -> dict[str, int]:
    """``month<TAB>form|form|...`` lines (a header and ``#`` comments are skipped)."""
    months: dict[str, int] = {}
    for line in text.splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 2 or not cols[0].strip().isdigit():
            continue
        number = int(cols[0])
        for form in cols[1].split("|"):
            key = normalize_string(form.strip())
            if key and 1 <= number <= 12:
                months[key] = number
    return months


@lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    """Normalised month name → month number, read once from the time stage's data file."""
    path = resources.files("marsad.resources").joinpath("months.tsv")
    return _read_months(path.read_text("utf-8")) if path.is_file() else {}


@lru_cache(maxsize=1)
def _named_date_re() -> re.Pattern:
    names = sorted(month_names(), key=len, reverse=True)
    if not names:
        return re.compile("(?!)")
    alt = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    # "28 جوان 2016", "14 ديسمبر/كانون الأول 2016", "28 (يونيو) 2016"; the view has spaces
    # inserted between digits and letters, so "28جوان" reads as "28 جوان".
    return re.compile(
        rf"(?<!\d)(\d{{1,2}})\s*(?:من\s+)?[(]?\s*({alt})\s*[)]?(?:\s*[/-]\s*(?:{alt}))?\s*[,،]?\s*(?:عام\s+|سنه\s+)?(\d{{4}})(?!\d)"
    )


def _valid(year: int, month: int, day: int) -> str | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_iso(value: object) -> str | None:
    """``YYYY-MM-DD`` from an ISO date or timestamp string, else ``None``."""
    if not isinstance(value, str):
        return None
    m = _ISO.match(value)
    if not m:
        return None
    return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def find_date(text: str, *, limit: int = 600) -> tuple[str, int, int] | None:
    """The first full date written in the first ``limit`` characters of ``text``.

    Returns ``(YYYY-MM-DD, start, end)`` with original offsets, or ``None``. A date preceded
    closely by a copyright mark is skipped.
    """
    head = text[:limit]
    view = normalize(head)
    found: list[tuple[int, int, str]] = []
    for m in _named_date_re().finditer(view.text):
        month = month_names().get(re.sub(r"\s+", " ", m.group(2)))
        iso = _valid(int(m.group(3)), month or 0, int(m.group(1))) if month else None
        if iso:
            found.append((m.start(), m.end(), iso))
    for m in _NUMERIC.finditer(view.text):
        if m.group(1):
            iso = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        else:  # day/month/year, the Arabic order
            iso = _valid(int(m.group(6)), int(m.group(5)), int(m.group(4)))
        if iso:
            found.append((m.start(), m.end(), iso))
    for start, end, iso in sorted(found):
        before = view.text[max(0, start - 30):start]
        if _COPYRIGHT.search(before):
            continue
        o_start, o_end = view.to_original(start, end)
        return iso, o_start, o_end
    return None
