"""When a statement was said, from what the text says and when the article was published.

`resolve_date_mention(mention, published)` is a pure function: it turns an expression like
"on Monday", "yesterday", "last week" or "on Nov. 3" into a date, reading it against the
publication date. A weekday or a day of a month without a year is the latest such day on or
before publication; a period ("last week", "last month", "in June") resolves to its first day.

    >>> import datetime
    >>> resolve_date_mention("on Monday", datetime.date(2022, 11, 16))
    datetime.date(2022, 11, 14)

`find_date_mention(text, statement)` finds such an expression in the attribution around a
statement when the cue step gave none; `date_statements` is the extraction step that dates
every statement.
"""
import datetime
import re

from .lexicon import DAYS_BACK, FUTURE, WEEKDAYS
from .lexicon import MONTH_NUMBERS as MONTHS

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?",  # Nov. 3, November 3rd, 2022
        rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?",  # 3 November 2022
        r"\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b",
        r"\b(?P<which>last|this|next|earlier this|later this)\s+(?P<period>week|month|year)\b",
        rf"\b(?:(?P<last>last|this|on|this past)\s+)?{_WEEKDAY}\b",
        r"\b(?P<relative>" + "|".join(sorted(DAYS_BACK, key=len, reverse=True)) + r")\b",
        rf"\b(?:in|earlier in|early|late|last)\s+{_MONTH}(?:\s+{_YEAR})?\b",
    )
]
# Any of the patterns, to rule a region out at once (their group names dropped: one regex may
# not repeat a name).
_ANY_DATE = re.compile("|".join(f"(?:{re.sub(r'[(][?]P<[a-z]+>', '(', p.pattern)})" for p in _PATTERNS),
                       re.IGNORECASE)
# Every match of a pattern holds one of these in lower case: a month's first three letters, a
# weekday, a period, a relative expression, the dash before an ISO date's month ("-0", "-1");
# or a letter IGNORECASE reads as an ASCII one that lower() leaves alone (dotless ı, long ſ). A
# region without any is dateless without running the regex (ten times cheaper, and most
# attributions are dateless). "day" and "night" stand for the clues holding them.
_ALL_DATE_CLUES = ({month[:3] for month in MONTHS} | set(WEEKDAYS) | {"week", "month", "year"} | set(DAYS_BACK)
                   | {"-0", "-1", "ı", "ſ", "day", "night"})
_DATE_CLUES = tuple(sorted(clue for clue in _ALL_DATE_CLUES
                           if not any(other != clue and other in clue for other in _ALL_DATE_CLUES)))


def _may_hold_date(text, start, end):
    return any(map(text[start:end].lower().__contains__, _DATE_CLUES))


def as_date(value):
    """A publication date or datetime (ISO text or object) as a date; None when there is none."""
    if value is None or isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.datetime):
        return value.date()
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _latest_month_day(month, day, year, published):
    """That day of that month in `year`, or when no year is given the latest one on or before publication."""
    try:
        if year:
            return datetime.date(int(year), month, day)
        if published is None:
            return None
        candidate = datetime.date(published.year, month, day)
        if candidate > published:
            candidate = datetime.date(published.year - 1, month, day)
        return candidate
    except ValueError:  # Feb. 30, or Feb. 29 in a year without one
        return None


def _period_start(period, which, published):
    if period == "week":
        this_week = published - datetime.timedelta(days=published.weekday())
        return this_week - datetime.timedelta(weeks=1) if which == "last" else this_week
    if period == "month":
        this_month = published.replace(day=1)
        return (this_month - datetime.timedelta(days=1)).replace(day=1) if which == "last" else this_month
    return published.replace(year=published.year - 1 if which == "last" else published.year, month=1, day=1)


def _resolve_match(match, published):
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    if "iso" in groups:
        return as_date(groups["iso"])
    if "day" in groups:
        return _latest_month_day(MONTHS[groups["month"].lower()], int(groups["day"]), groups.get("year"), published)
    if "month" in groups:
        return _latest_month_day(MONTHS[groups["month"].lower()], 1, groups.get("year"), published)
    if published is None:
        return None
    if "relative" in groups:
        return published - datetime.timedelta(days=DAYS_BACK[groups["relative"].lower()])
    if "weekday" in groups:
        back = (published.weekday() - WEEKDAYS.index(groups["weekday"].lower())) % 7
        if back == 0 and (groups.get("last") or "").lower() == "last":
            back = 7
        return published - datetime.timedelta(days=back)
    if "period" in groups:
        which = groups["which"].lower()
        if which in FUTURE:
            return None
        return _period_start(groups["period"].lower(), which, published)
    return None


def resolve_date_mention(mention, published):
    """The date `mention` points to, read against `published` (date, datetime or ISO text).

    None when the mention holds no date expression this module knows, or needs a
    publication date that is missing. Never a date after publication."""
    if not mention:
        return None
    published = as_date(published)
    for pattern in _PATTERNS:
        match = pattern.search(mention)
        if match:
            resolved = _resolve_match(match, published)
            if resolved is not None and (published is None or resolved <= published):
                return resolved
    return None


_SENTENCE_WINDOW = 800
# A sentence end: its mark, closing quotes or brackets, and a space; or a newline. The newline
# is one of the first character's class (tried first) so that the regex engine skips ahead to
# marks instead of trying two branches at every character.
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=\n)|[\"”’')\]]*(?:\s|$))")


# How far before a cue the end of the sentence before it is looked for, in growing stretches.
_SENTENCE_REACHES = (100, 300, _SENTENCE_WINDOW)


def _sentence_start(text, anchor):
    """End of the last `_SENTENCE_END` match in the window before `anchor`, or the window's start.

    Short stretches just before the anchor are scanned first. A match is a mark, closing quotes
    and one space (or a newline alone), so a scan starting inside a match of the full scan
    finds nothing before that match's end, or the newline ending it: from there on both scans
    find the same matches, and the last one found in a stretch is the last one of all."""
    for reach in _SENTENCE_REACHES:
        last = None
        for last in _SENTENCE_END.finditer(text, max(0, anchor - reach), anchor):
            pass
        if last is not None:
            return last.end()
    return max(0, anchor - _SENTENCE_WINDOW)


def find_date_mention(text, statement):
    """(mention, start, end) of a date expression in the attribution of `statement`: the sentence
    holding its cue, outside the statement itself (a date inside a paraphrase is about what was
    said, not when). None when there is none or the statement has no cue."""
    anchor = statement.cue_start if statement.cue_start is not None else statement.speaker_start
    if anchor is None:
        return None
    # The sentence's start: the last sentence end before the cue, looked for in a window before
    # it (a scan from the text's start for each statement would grow with the square of the text).
    sentence_start = _sentence_start(text, anchor)
    after = _SENTENCE_END.search(text, anchor)
    sentence_end = after.start() + 1 if after else len(text)
    outside = [(sentence_start, min(statement.start, sentence_end)), (max(statement.end, sentence_start), sentence_end)]
    for start, end in outside:
        if start >= end or not _may_hold_date(text, start, end) or not _ANY_DATE.search(text, start, end):
            continue  # most attributions name no date: one search instead of one per pattern
        for pattern in _PATTERNS:
            match = pattern.search(text, start, end)
            if match and (match.groupdict().get("which") or "").lower() not in FUTURE:
                return match.group(0), match.start(), match.end()
    return None


def when_said(date_mention, published):
    """(said_on, said_on_basis): the date the text gives ('text'), else the publication date
    ('published'), as ISO dates; (None, None) with neither."""
    resolved = resolve_date_mention(date_mention, published)
    if resolved is not None:
        return resolved.isoformat(), "text"
    published_on = as_date(published)
    return (published_on.isoformat(), "published") if published_on else (None, None)


def date_statements(text, statements, published=None):
    """Give each statement its date mention (from its attribution sentence when the cue step
    found none) and the date it was said, read against `published`."""
    for statement in statements:
        if not statement.date_mention:
            found = find_date_mention(text, statement)
            if found:
                statement.date_mention, statement.date_start, statement.date_end = found
        statement.said_on, statement.said_on_basis = when_said(statement.date_mention, published)
