"""Direct statements: quoted passages joined to their attribution.

* `"A," she added, "B."` and `"A," she said. "B."` in one paragraph are one statement, as is
  `"A," she said, pointing at the chart, "b."` (the quoted sentence resumes after the phrase), as
  is any later quote of the paragraph with no attribution of its own and at most 20 words
  between it and the statement;
* a quote with no attribution of its own that stands alone in the paragraph right after an
  attributed statement floats on it: a statement of its own sharing the speaker mention;
* a quote after a paragraph ending in `X said:` takes that cue;
* anything else (scare quotes, titles) is not a statement.

    >>> text = '"We lost," she said. "But we will be back."\\n"Next year."\\n\\nA "sham" vote.'
    >>> from .segment import segment
    >>> from .quotes import find_quotes
    >>> [(s.text, s.speaker_mention) for s in direct_statements(text, segment(text), find_quotes(text))[0]]
    [('We lost. But we will be back.', 'she'), ('Next year.', 'she')]
"""
import re
from bisect import bisect_right

from .attribution import attribute, attribute_before
from .model import Statement

# What stands between an attribution and the quote it interrupts: `"A," she said, "B."`.
_JOINER = re.compile(r"\s*[,.:;]?\s*")
# Fewer than this many characters per quote over this many quotes is not prose.
_DENSE_QUOTES = 50
_DENSE_SPACING = 20
# A later quote joins the statement across at most this many words (`"A," X said. "B."`);
# more, and the words between carry news of their own.
_JOIN_WORDS = 20
_WORDS = re.compile(r"\w+")
# An attribution's phrase that a quoted sentence resumes after ("referring to the excuse"):
# no sentence ends in it, and it is short.
_SENTENCE_BREAK = re.compile("[.!?;:\"“”„«»]")
_PHRASE_WORDS = 12
# A sentence opening on a name and introducing what follows: `. Sanders shot back, `.
_NEW_INTRODUCTION = re.compile(r"[.!?]\s+[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){1,4}?\s*[,:]\s*$")
# A transcript's speaker label: a name in capitals and a colon (`PENCE:`, `JAKE TAPPER:`).
_SPEAKER_LABEL = re.compile(r"\s*(?P<name>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s+")
_ASIDE = re.compile(r"\s*\([^()]*\)\.?\s*")
_LETTER = re.compile(r"[^\W\d_]")
_QUOTE_MARK = re.compile("[\"“”„«»]")
# A quoted title: a few capitalised words (and small words) inside a sentence.
_TITLE = re.compile(r"(?:[A-Z0-9][\w'’.-]*|of|the|a|an|and|in|on|for|to|with|at|from)(?:[ ](?:[A-Z0-9][\w'’.-]*|of|the|a|an|and|in|on|for|to|with|at|from)){0,7}[,.]?$")
_BEFORE_TITLE = re.compile(r"(?:\b(?:of|on|in|to|from|titled|called|named|show|film|book|song)|['’]s)\s*$"
                           r"|\b(?:show|film|book|song|album|report|program|series),\s*$")


def direct_statements(text, segments, quotes):
    """(statements of the quotes from quotes.find_quotes that have a speaker, in order; the
    paragraphs that are nothing but a quote with no attribution, for `float_orphans`)."""
    paras = segments.paragraphs
    para_starts = [start for start, _ in paras]
    sentence_starts = [start for start, _ in segments.sentences]
    statements = []
    orphans = []  # paragraphs that are a quote and nothing else, with no attribution
    texts = []  # the text pieces of each statement
    last = None  # (statement, index of the paragraph it ends in)
    index = 0
    while index < len(quotes):
        quote = quotes[index]
        para = bisect_right(para_starts, quote.start) - 1
        para_start = paras[para][0]
        # A quote over several paragraphs is attributed where it ends: `"A.` / `"B," said X.`
        end_para = bisect_right(para_starts, quote.end - 1) - 1
        para_end = paras[end_para][1]
        sentence = bisect_right(sentence_starts, quote.start) - 1
        sentence_start = segments.sentences[sentence][0] if sentence >= 0 else para_start
        if _is_title(text, quote, para_start) or _dense(quotes, index, para_end):
            index += 1
            continue
        turns = _transcript_turns(text, quote)
        if turns:
            # `"WALLACE: ...` / `"PENCE: ...`: a quoted transcript, each turn its speaker's.
            statements += turns
            texts += [[turn.text] for turn in turns]
            last = None
            index += 1
            continue
        previous_end = quotes[index - 1].end if index else 0
        found = attribute(text, quote.start, quote.end, para_start, para_end, sentence_start, previous_end)
        if found is None and quote.start == para_start and para > 0:
            previous_start, previous_end = paras[para - 1]
            if text[previous_start:previous_end].endswith(":"):
                found = attribute_before(text, quote.start, previous_start)
        pieces = [quote]
        if found is not None and found.after and index + 1 < len(quotes):
            following = quotes[index + 1]
            joiner = _JOINER.match(text, found.end, following.start)
            if (following.start < para_end
                    and (joiner and joiner.end() == following.start
                         or _resumes_sentence(text, quote, found, following))
                    and not _attributed_after(text, quotes, index + 1, paras, para_starts)):
                pieces.append(following)
                index += 1
        index += 1
        statement = Statement(
            kind="direct", text=prose(p.clean_text(text) for p in pieces),
            start=quote.start, end=pieces[-1].end,
        )
        if found is not None:
            _set_attribution(text, statement, found)
        elif _NEW_INTRODUCTION.search(text, last[0].end if last else para_start, quote.start):
            # `... transactions. Sanders shot back, "..."`: a sentence of its own hands over to the
            # quote, by a cue unknown here; nobody's words rather than the last speaker's.
            continue
        elif (last is not None and last[1] == para and quote.start - last[0].end <= _JOIN_WORDS * 25
              and not _QUOTE_MARK.search(text, last[0].end, quote.start)
              and len(_WORDS.findall(text, last[0].end, quote.start)) <= _JOIN_WORDS):
            # More of the same speaker's words later in the paragraph: the same statement.
            texts[-1].append(statement.text)  # joined once at the end: no quadratic copying
            last[0].end = statement.end
            continue
        elif last is not None and _floats(text, statement, para, para_start, para_end, last[1]):
            continue_statement(statement, last[0])
        else:
            if statement.start == para_start and not _LETTER.search(text, statement.end, para_end):
                orphans.append(statement)
            continue
        end_para = bisect_right(para_starts, statement.end - 1) - 1
        statements.append(statement)
        texts.append([statement.text])
        last = (statement, end_para)
    for statement, parts in zip(statements, texts):
        statement.text = prose(parts)
    return statements, orphans


def float_orphans(paragraphs, statements, orphans):
    """The orphan quotes (from `direct_statements`) that open the paragraph right after a
    statement of any kind, with that statement's attribution: `Chapman says the union sees
    delays.` / `"Commonly, response times ... can be 45 minutes."` are both Chapman's.
    `statements` is sorted by start; returns the floated ones."""
    para_starts = [start for start, _ in paragraphs]
    starts = [statement.start for statement in statements]
    floated = []
    for orphan in orphans:
        para = bisect_right(para_starts, orphan.start) - 1
        if floated and bisect_right(para_starts, floated[-1].start) - 1 == para - 1:
            earlier = floated[-1]
        else:
            # The previous paragraph's statements with a speaker, but not one reported inside
            # another ("the union sees delays" in "Chapman says the union sees delays"): the last.
            index = bisect_right(starts, orphan.start)
            before = []
            while index > 0 and bisect_right(para_starts, statements[index - 1].end - 1) - 1 == para - 1:
                index -= 1
                if statements[index].speaker_start is not None:
                    before.append(statements[index])
            outer = [s for s in before if not any(o is not s and o.start <= s.start and s.end <= o.end for o in before)]
            earlier = max(outer, key=lambda s: s.end, default=None)
        if earlier is None or earlier.speaker_start is None:
            continue
        continue_statement(orphan, earlier)
        floated.append(orphan)
    return floated


def prose(pieces):
    """Quoted pieces joined as the speaker's prose: `"We lost," she said, "but ..."` reads
    "We lost, but ...", `"We lost," she said. "We will ..."` reads "We lost. We will ...", and a
    comma that only led into the attribution becomes the period it stood for."""
    out = []  # joined once at the end: a paragraph of thousands of pieces stays linear
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if out and out[-1].endswith(",") and piece[:1].isupper():
            out[-1] = out[-1][:-1] + "."
        out.append(piece)
    if out and out[-1].endswith(","):
        out[-1] = out[-1][:-1] + "."
    return " ".join(out)


def _transcript_turns(text, quote):
    """The turns of a quoted transcript, whose paragraphs open on a speaker label (`"PENCE:
    Well, ...`), each a statement of its speaker up to the next label; [] for any other quote.
    A paragraph in parentheses ("(CROSSTALK.)") is no one's words."""
    turns = []
    for start, end in quote.pieces:
        label = _SPEAKER_LABEL.match(text, start, end)
        if label:
            turn = Statement(kind="direct", text="", start=label.end(), end=end,
                             speaker_start=label.start("name"), speaker_end=label.end("name"),
                             speaker_mention=label.group("name"), cue=":",
                             cue_start=label.end("name"), cue_end=label.end("name") + 1)
            turns.append((turn, [(label.end(), end)]))
        elif turns and not _ASIDE.fullmatch(text, start, end):
            turns[-1][0].end = end
            turns[-1][1].append((start, end))
    if len(turns) < 2:
        return []  # one label is no transcript: `"VIDEO: ...`
    for turn, pieces in turns:
        turn.text = prose(text[a:b] for a, b in pieces)
    return [turn for turn, _ in turns]


def _attributed_after(text, quotes, index, paras, para_starts):
    """Whether quotes[index] has an attribution of its own right after it (`"B," Bob Lee said`),
    in the paragraph where it ends: a quote left open runs on into the next paragraph and may
    be attributed there (`"B.` / `"C," added Bob Lee.`)."""
    quote = quotes[index]
    para_end = paras[bisect_right(para_starts, quote.end - 1) - 1][1]
    following = quotes[index + 1].start if index + 1 < len(quotes) else para_end
    found = attribute(text, quote.start, quote.end, quote.start, min(para_end, following), quote.start, quote.start)
    return found is not None and found.after


def _resumes_sentence(text, quote, found, following):
    """Whether the following quote goes on with the sentence the attribution broke off, past a
    phrase of the attribution's own: `"Every time you say that," Tester said, referring to the
    excuse, "you give ammunition ... banks."` (a comma before the break, a small letter after it,
    and the sentence ends in the quote). A quote that the phrase leads into (`he said, adding that
    it is "minimal."`) is the phrase's own, no resumption: the phrase ends on its comma."""
    before, after = quote.clean_text(text), following.clean_text(text)
    if not (before.endswith(",") and after[:1].islower() and after.endswith((".", "!", "?"))):
        return False
    gap = text[found.end:following.start]
    return (gap.lstrip().startswith(",") and gap.rstrip().endswith(",") and not _SENTENCE_BREAK.search(gap)
            and len(_WORDS.findall(gap)) <= _PHRASE_WORDS)


def _floats(text, statement, para, para_start, para_end, last_para):
    """Whether an unattributed quote continues the statement before it: it follows that one
    in its paragraph, or it opens the next paragraph and nothing but punctuation follows it."""
    if last_para == para:
        return True
    return (last_para == para - 1 and statement.start == para_start
            and not _LETTER.search(text, statement.end, para_end))


def _dense(quotes, index, para_end):
    """Whether the quote lies in a run of quotation marks no prose has (dozens of quotes a
    line): such runs are skipped, so that a megabyte of marks costs what news costs."""
    ahead = index + _DENSE_QUOTES
    return (ahead < len(quotes) and quotes[ahead].start < para_end
            and quotes[ahead].start - quotes[index].start < _DENSE_QUOTES * _DENSE_SPACING)


def _is_title(text, quote, para_start):
    """A quoted name of a show, book or film ("on Fox News's "Fox and Friends,""): its words
    are capitalised and it sits inside a sentence after a preposition or a possessive."""
    if len(quote.pieces) > 1 or quote.end - quote.start > 80:
        return False
    inner = text[quote.pieces[0][0]:quote.pieces[0][1]].strip()
    return bool(_TITLE.match(inner) and _BEFORE_TITLE.search(text, max(para_start, quote.start - 30), quote.start))


def _set_attribution(text, statement, found):
    statement.speaker_start, statement.speaker_end = found.subject
    statement.speaker_mention = found.subject.of(text)
    statement.cue_start, statement.cue_end = found.cue
    statement.cue = found.cue.of(text)
    if found.addressee is not None:
        statement.addressee_start, statement.addressee_end = found.addressee
        statement.addressee = found.addressee.of(text)
    if found.date is not None:
        statement.date_start, statement.date_end = found.date
        statement.date_mention = found.date.of(text)


def continue_statement(statement, earlier):
    """A floating quote: the earlier statement's attribution is its own."""
    for field in ("speaker_mention", "speaker_start", "speaker_end", "cue", "cue_start", "cue_end",
                  "addressee", "addressee_start", "addressee_end", "date_mention", "date_start",
                  "date_end"):
        setattr(statement, field, getattr(earlier, field))
