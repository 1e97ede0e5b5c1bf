"""A learned attribution tagger over the rules' output: a CRF (CRFsuite) that labels the tokens
of each sentence as Source, Cue or Content of an attribution, with the rule engine's own
statements and cue lexicon among its features. It acts on reported speech only: the rules'
direct and mixed statements stay as they are, and the model's indirect statements replace the
rules' (a rule statement is kept, with its speaker and cue, where the model finds that content).

A model file is a header line, a JSON line (feature version, labels, a SHA-256 of the CRF) and
the CRFsuite model bytes: anything else is refused with `ModelError`, before CRFsuite reads it.

    >>> model = AttributionModel.from_bytes(open(path, "rb").read(), path)   # doctest: +SKIP
    >>> extract(text, model=model)                                           # doctest: +SKIP
"""
import hashlib
import json
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from importlib import resources
from itertools import compress

import pycrfsuite

from .attribution import CueTokens, cue_lemma, letter_runs, plausible_subject
from .lexicon import (
    BE_FORMS,
    CUE_FORMS,
    DETERMINERS,
    EVIDENCE_LEMMAS,
    EXTRA_CUE_FORMS,
    ORGANISATION_NOUNS,
    PERSON_NOUNS,
    PRONOUNS,
    SEEMING_VERBS,
    THOUGHT_LEMMAS,
)
from .model import Statement

MAGIC = b"tracker-attribution-model\n"
# Bumped whenever the features change: a model trained on other features is refused.
FEATURE_VERSION = 3
LABELS = ("O", "B-Source", "I-Source", "B-Cue", "I-Cue", "B-Content", "I-Content")
PACKAGED = "attribution.model"
DEFAULT = "packaged"  # extract()'s default: the model shipped in the package

_TOKEN = re.compile(r"\w+(?:['’.\-]\w+)*|[^\w\s]")
_DOUBLED_APOSTROPHES = re.compile(r"''[^'\n]{1,2000}?''")
_WHITESPACE = re.compile(r"\s")
_STRIP = " \t\n,;:.\"“”'’‘"
_SOURCE_STRIP = " \t\n,;:(—–-"  # `Sarah Buckley,` and `Mr. Burman (` name their speakers


class ModelError(Exception):
    """A model file that is not one this version of tracker can use."""


def tokens(text, start, end):
    """(start, end) spans of the words and punctuation marks of text[start:end]."""
    return list(map(re.Match.span, _TOKEN.finditer(text, start, end)))


def sentence_tokens(text, start, end):
    """(token spans, their words) of text[start:end] (see `tokens`)."""
    matches = list(_TOKEN.finditer(text, start, end))
    return list(map(re.Match.span, matches)), list(map(re.Match.group, matches))


def _shape(word):
    if word.isdigit():
        return "d"
    if word.isupper():
        return "X" if len(word) > 1 else "X1"
    if word[0].isupper():
        return "Xx"
    if word[0].isalpha():
        return "x"
    return word if len(word) == 1 else "p"


def rule_roles(statements):
    """(start, end, role) spans the rule statements mark: their content by kind, cue, speaker."""
    spans = []
    for st in statements:
        spans.append((st.start, st.end, "r" + st.kind[0]))
        if st.cue_start is not None:
            spans.append((st.cue_start, st.cue_end, "rcue"))
        if st.speaker_start is not None:
            spans.append((st.speaker_start, st.speaker_end, "rsrc"))
    spans.sort()
    return spans


_CACHE_LIMIT = 200_000  # distinct words remembered: a long-running server's vocabulary keeps growing
# Attribute names are short bytes, for CRFsuite's time grows with their number and length:
#   said          the token's word           mayor said   the previous word and the token's
#   <said         the word before            >said        the word after ("< ", "> ": no word)
# and after a mark no word of two characters or more begins with: "~" a suffix, "^" a shape,
# "#" a word class (also as "<#pron"), "@" a rule or quotation mark (see `_marks`), "*" the place
# relative to the nearest cue. Tokens hold no space, so none of these names can be another's.
# The words two before and two after were features up to version 2: the model did as well
# without them (PolNeAR dev, GGT dev) and CRFsuite tags a quarter fewer attributes.
_BEFORE_EDGE, _AFTER_EDGE = (b"< ",), (b"> ",)


class Featurizer:
    """CRFsuite attributes for the tokens of a sentence, given a model's cue lexicon (the words
    gold Cues are made of most). What depends on the word alone, as the token itself and as a
    neighbour of others, is computed once per word."""

    def __init__(self, cues=()):
        self.cues = frozenset(cues)
        self._words = {}
        cue_words = {word for word in self.cues | CUE_FORMS.keys() if " " not in word}  # a token has no space
        self._letter_cues = frozenset(word.encode() for word in cue_words if word.isascii() and word.isalpha())
        self._other_cues = tuple(word for word in cue_words if not (word.isascii() and word.isalpha()))

    def may_hold_cue(self, text, start, end):
        """Whether text[start:end] may hold a cue word, told without tokenising it: never False
        where `sentence` would find one."""
        if not self._letter_cues.isdisjoint(letter_runs(text, start, end)):
            return True
        lowered = text[start:end].lower()
        return any(word in lowered for word in self._other_cues)

    def _word(self, word):
        lower = word.lower()
        classes = []
        lemma = CUE_FORMS.get(lower)
        if lemma:
            classes.append(b"#=" + lemma.encode())
        if lower in self.cues:
            classes.append(b"#cue")
        if lower in PRONOUNS:
            classes.append(b"#pron")
        elif lower in PERSON_NOUNS:
            classes.append(b"#pnoun")
        elif lower in ORGANISATION_NOUNS:
            classes.append(b"#onoun")
        encoded = lower.encode("utf-8", "surrogatepass")  # a lone surrogate is text too, if broken
        own = [encoded, *classes]
        if len(lower) > 3:  # a shorter word's suffix is the word
            own.append(b"~" + encoded[-3:])
        shape = _shape(word)
        if shape not in ("x", word):  # a lower-case word's shape, or a mark's (itself), adds nothing to its word
            own.append(b"^" + shape.encode("utf-8", "surrogatepass"))
        # (the token's own attributes, as the word before another, as the word after, the word
        # with a space to begin a bigram with, whether it is a cue word)
        entry = (tuple(own), (b"<" + encoded, *(b"<" + c for c in classes)),
                 (b">" + encoded, *(b">" + c for c in classes)), encoded + b" ", bool(lemma) or lower in self.cues)
        if len(self._words) >= _CACHE_LIMIT:
            self._words.clear()
        self._words[word] = entry
        return entry

    def sentence(self, words, toks, quote_spans, roles):
        """The attributes of each token of one sentence (`words`, their `toks` spans, see
        `tokens`), or None when the sentence is not worth tagging: no rule statement meets it and
        it has no cue word outside quotation marks (the model is trained on the sentences worth
        tagging only). `quote_spans` and `roles` (`rule_roles`): the (start, end[, role]) spans
        meeting the sentence (see `Sweep`)."""
        entries = list(map(self._words.get, words))
        if None in entries:  # a word not seen before
            entries = [entry or self._word(word) for entry, word in zip(entries, words)]
        s0, s1 = toks[0][0], toks[-1][1]
        roles = [r for r in roles if r[0] < s1 and r[1] > s0]
        quote_spans = [q for q in quote_spans if q[0] < s1 and q[1] > s0]
        owns, befores, afters, starts, is_cue = zip(*entries)
        cues = list(compress(range(len(is_cue)), is_cue))
        if not roles and not any(not any(q0 <= toks[i][0] and toks[i][1] <= q1 for q0, q1 in quote_spans)
                                 for i in cues):
            return None
        marks, rule_cues = _marks(toks, quote_spans, roles)
        if rule_cues:
            cues = sorted({*cues, *rule_cues})
        bigrams = [b" " + owns[0][0], *[p + own[0] for p, own in zip(starts, owns[1:])]]
        return [[*own, *mark, place, bigram, *before, *after]
                for own, mark, place, bigram, before, after in zip(
                    owns, marks, _relative_to_cues(cues, len(toks)), bigrams,
                    (_BEFORE_EDGE, *befores), (*afters[1:], _AFTER_EDGE))]


_ROLE_MARKS = {}


def _role_marks(role):
    """(inside, left edge, right edge, left of it, right of it) attribute names of a role."""
    found = _ROLE_MARKS.get(role)
    if found is None:
        encoded = role.encode()
        found = _ROLE_MARKS[role] = tuple(mark + encoded for mark in (b"@", b"<-", b">-", b">+", b"<+"))
    return found


def _marks(toks, quote_spans, roles):
    """For each token, what the rules (`roles`) and the quotation marks say of it, and where
    that changes from its neighbours' (a mark its neighbour has and it has not, or the other
    way round): inside a span the neighbours' marks are its own, so only the edges say more.
    Also the indexes of the tokens a rule cue covers."""
    count = len(toks)
    marks = [()] * count
    cues = []
    if not roles and not quote_spans:
        return marks, cues
    starts, ends = [a for a, _ in toks], [b for _, b in toks]
    for r0, r1, role in [*roles, *((q0, q1, "inq") for q0, q1 in quote_spans)]:
        first, last = bisect_left(starts, r0), bisect_right(ends, r1)
        if first >= last:
            continue
        inside, left_edge, right_edge, before, after = _role_marks(role)
        if role == "rcue":
            cues += range(first, last)
        for i in range(first, last):
            here = marks[i]
            if here:
                here.append(inside)
            else:
                marks[i] = [inside]
        marks[first].append(left_edge)  # its left neighbour has not this mark
        marks[last - 1].append(right_edge)
        if first > 0:
            here = marks[first - 1]
            if here:
                here.append(before)  # its right neighbour has it, it has not
            else:
                marks[first - 1] = [before]
        if last < count:
            here = marks[last]
            if here:
                here.append(after)
            else:
                marks[last] = [after]
    return marks, cues


def _distance_labels(side):
    """A side's attributes by distance to the cue, 0 to 6 (6: any further)."""
    return [b"*" + side + name for name in (b"0", b"1", b"2", b"5", b"5", b"5", b"f")]


_AFTER, _BEFORE = _distance_labels(b"a"), _distance_labels(b"b")


def _run(labels, length):
    """`labels` at distances 1 to `length`."""
    return labels[1:length + 1] + [labels[6]] * (length - 6) if length > 6 else labels[1:length + 1]


def _relative_to_cues(cues, count):
    """For each of `count` tokens, where it stands to the nearest cue word of its sentence (`cues`:
    their indexes, in order): before or after it, by distance (0, 1, 2, 3-5, further), or no cue.
    Runs of labels, not a token at a time."""
    if not cues:
        return [b"*n"] * count
    out = _run(_BEFORE, cues[0])[::-1]
    for here, following in zip(cues, cues[1:]):
        gap = following - here
        after = gap // 2  # a token as far from both cues counts as after the first
        out += [_AFTER[0], *_run(_AFTER, after), *_run(_BEFORE, gap - 1 - after)[::-1]]
    out += [_AFTER[0], *_run(_AFTER, count - 1 - cues[-1])]
    return out


_TAG_PARTS = {label: (label[0] == "B", label[2:]) for label in LABELS if label != "O"}


def spans_from_tags(toks, tags):
    """(role, start, end) spans of the B-/I- runs in `tags`."""
    spans = []
    current = None
    for (a, b), tag in zip(toks, tags):
        if tag == "O":
            current = None
            continue
        begin, role = _TAG_PARTS[tag]
        if begin or current is None or current[0] != role:
            current = [role, a, b]
            spans.append(current)
        else:
            current[2] = b
    return [tuple(s) for s in spans]


class AttributionModel:
    def __init__(self, tagger, crf, name, cues):
        self._tagger = tagger
        self._crf = crf  # CRFsuite reads the model from these bytes for as long as it tags
        self.name = name
        self.featurizer = Featurizer(cues)

    @classmethod
    def from_bytes(cls, data, name):
        """The model stored in `data` (a model file's bytes); `name` goes into errors."""
        head, _, rest = data.partition(b"\n")
        meta_line, _, crf = rest.partition(b"\n")
        if head + b"\n" != MAGIC:
            raise ModelError(f"{name}: not a tracker attribution model")
        try:
            meta = json.loads(meta_line)
        except ValueError:
            raise ModelError(f"{name}: corrupt model header") from None
        if not isinstance(meta, dict) or meta.get("feature_version") != FEATURE_VERSION \
                or meta.get("labels") != list(LABELS):
            raise ModelError(f"{name}: made for other features (version {meta.get('feature_version')!r}, "
                             f"this tracker reads version {FEATURE_VERSION}): retrain it with `tracker train`")
        if hashlib.sha256(crf).hexdigest() != meta.get("sha256"):
            raise ModelError(f"{name}: corrupt model (checksum mismatch)")
        tagger = pycrfsuite.Tagger()
        try:
            tagger.open_inmemory(crf)
        except ValueError as error:  # CRFsuite: "Invalid model"
            raise ModelError(f"{name}: unreadable model ({error})") from None
        return cls(tagger, crf, name, meta.get("cues", ()))

    def revise(self, text, sentences, quote_spans, statements):
        """`statements` (the rules', speakers unresolved) with their indirect ones revised by the
        model: a rule statement stays when a Content span the model tags overlaps it by half; a
        Content span the rules missed becomes a new statement with the model's Source and Cue,
        a mixed one when it holds a quotation no rule statement has taken (`Reid described Trump
        as a "con artist"`)."""
        quote_spans = sorted(quote_spans)
        no_new = sorted(quote_spans + _doubled_apostrophe_quotes(text))  # no new statement meets these
        revised = [st for st in statements if st.kind != "indirect"]
        rule_indirect = [st for st in statements if st.kind == "indirect"]
        taken = sorted((st.start, st.end) for st in revised)  # the rules' direct and mixed statements
        quotes, roles = Sweep(quote_spans), Sweep(rule_roles(statements))
        rules = Sweep(rule_indirect, key=lambda st: (st.start, st.end))
        for s0, s1 in sentences:
            near_quotes = quotes.meeting(s0, s1)
            near_rules = rules.meeting(s0, s1)
            if not _may_change(text, s0, s1, near_quotes, near_rules):
                continue
            near_roles = roles.meeting(s0, s1)
            if not near_roles and not self.featurizer.may_hold_cue(text, s0, s1):
                continue  # what `Featurizer.sentence` would find after tokenising: nothing to tag
            toks, words = sentence_tokens(text, s0, s1)
            if not toks or not _room_beside_quotes(toks, near_quotes, near_rules):
                continue
            features = self.featurizer.sentence(words, toks, near_quotes, near_roles)
            if features is None:
                continue
            tags = self._tagger.tag(features)
            if "B-Content" in tags or "I-Content" in tags:
                revised += _statements(text, spans_from_tags(toks, tags), near_rules, no_new, (s0, s1), taken)
        # A rule statement cued by a verb of speech stands whatever the model says: those are the
        # rules' surest, and what a reader asking "what did she say" wants.
        revised += [st for st in rule_indirect if _speech_cue(st)]
        unique = {(st.start, st.end, st.kind): st for st in revised}
        return sorted(unique.values(), key=lambda s: (s.start, s.end))


class Sweep:
    """The spans meeting each of a series of ranges given in increasing order: linear time over
    an article, where filtering every span for every sentence would be quadratic."""

    def __init__(self, spans, key=lambda span: span[:2]):
        self._spans = sorted(spans, key=key)
        bounds = [key(span) for span in self._spans]
        self._starts = [bound[0] for bound in bounds]
        self._ends = [bound[1] for bound in bounds]
        self._next = 0
        self._active = []  # the indexes of the spans that met the last range

    def meeting(self, start, end):
        starts, active = self._starts, self._active
        if self._next < len(starts) and starts[self._next] < end:
            following = bisect_left(starts, end, self._next)
            active = [*active, *range(self._next, following)]
            self._next = following
        elif not active:
            return []
        ends, spans = self._ends, self._spans
        self._active = [i for i in active if ends[i] > start]
        return [spans[i] for i in self._active]


def _may_change(text, start, end, quote_spans, rule_indirect):
    """Whether the model may change what stands in text[start:end], given the quotations and the
    rules' indirect statements meeting it."""
    if rule_indirect:
        # Those cued by a verb of speech stand whatever the model says (see `revise`), and it
        # seldom finds another beside them (in PolNeAR dev and GGT dev, 17 sentences of 682
        # would change, no better for it).
        return not all(_speech_cue(st) for st in rule_indirect)
    # Whatever the model tags in a quotation, what stands is what stands without it.
    return not _quoted(text, start, end, quote_spans)


def _room_beside_quotes(toks, quote_spans, rule_indirect):
    """`"...," he said.`: a quotation with a few words beside it leaves no room for reported speech."""
    return not quote_spans or bool(rule_indirect) or _outside_quotes(toks, quote_spans) >= _FEW_WORDS


_FEW_WORDS = 12  # fewer words outside quotation marks than this: no room for reported speech


def _outside_quotes(toks, quote_spans):
    """How many of `toks` (a sentence's, in order) begin outside `quote_spans`."""
    inside = 0
    for q0, q1 in quote_spans:
        inside += bisect_left(toks, (q1,)) - bisect_left(toks, (q0,))
    return len(toks) - inside


def _quoted(text, start, end, quote_spans):
    """Whether one quotation holds all of text[start:end] but the marks a Content span is
    stripped of: no new statement can come of it (see `_statements`)."""
    if not quote_spans:
        return False
    sentence = text[start:end]
    inner_start = start + len(sentence) - len(sentence.lstrip(_STRIP))
    inner_end = end - len(sentence) + len(sentence.rstrip(_STRIP))
    return inner_start < inner_end and any(q0 <= inner_start and inner_end <= q1 for q0, q1 in quote_spans)


def _doubled_apostrophe_quotes(text):
    """Spans of ''quotations like this'', as some archives write them (not quotes to the rules)."""
    return [m.span() for m in _DOUBLED_APOSTROPHES.finditer(text)]


def _meets(spans, start, end):
    """Whether [start, end) overlaps one of `spans`, sorted (start, end) pairs."""
    index = bisect_left(spans, (end,))
    return any(s1 > start for _, s1 in spans[max(0, index - 8):index])


def subject_of_cue(text, sentence, cue):
    """The rules' reading of the subject of a cue the model tagged without a Source: "Britain
    blocked any discussion ...", "environmentalists worry that ..."."""
    words = CueTokens(text, *sentence)
    at = bisect_left(words.starts, cue[0])
    if at >= words.n or words.starts[at] != cue[0]:
        return None
    verb = words.lows[at]
    if not (cue_lemma(verb) or verb.endswith("ed")) or words.low(words.prev_verbal(at)) in BE_FORMS \
            or words.low(at - 1) in DETERMINERS:
        return None  # "was accused of": the subject is who is spoken of; "the criticism": no verb
    found = words.subject_left(words.skip_left_aux(at))
    if found is None:
        return None
    start, end = words.starts[found[0]], words.ends[found[1]]
    return (start, end) if plausible_subject(text[start:end]) else None


def _statements(text, spans, rule_indirect, quote_spans, sentence=None, taken=()):
    """A statement per Content span of one sentence: the rule statement it overlaps by half, or
    else a new one with the nearest Cue span as its cue and the nearest Source span as its
    speaker: indirect outside `quote_spans`, mixed when it holds one that no statement in
    `taken` (sorted spans) meets and it has a speaker, a verbatim fragment being nobody's
    without one; an indirect one with neither a cue nor a speaker is none."""
    sources = [(a, b) for role, a, b in spans if role == "Source"]
    cues = [(a, b) for role, a, b in spans if role == "Cue"]
    out = []
    for role, a, b in spans:
        if role != "Content":
            continue
        a, b = _inside(text, a, b, _STRIP)
        if b - a < 2:
            continue
        rule = _overlapping(rule_indirect, a, b)
        if rule is not None:
            out.append(rule)
            continue
        if not _WHITESPACE.search(text, a, b):
            continue  # a single word ("it", "documents") is no claim anyone can read
        kind = "indirect"
        if _meets(quote_spans, a, b):
            if _meets(taken, a, b) or _quoted(text, a, b, quote_spans):
                continue
            kind = "mixed"
            a, b = _around_quotes(quote_spans, a, b)
        cue = _nearest(cues, a, b)
        if cue and _seeming(text[cue[0]:cue[1]]):
            continue
        st = Statement(kind=kind, text=text[a:b], start=a, end=b)
        if cue:  # else the cue is in another sentence
            st.cue, st.cue_start, st.cue_end = text[cue[0]:cue[1]], cue[0], cue[1]
        source = _nearest(sources, a, b)
        if source and cue and source[1] <= cue[0] and _passive(text, cue):
            source = None  # "Oz has been called a charlatan by physicians": who is spoken of
        source = source or (cue and subject_of_cue(text, sentence, cue))
        if source:
            source = _inside(text, *source, _SOURCE_STRIP)
            st.speaker_start, st.speaker_end = source
            st.speaker_mention = text[source[0]:source[1]]
        elif kind == "mixed" or not cue:
            continue  # nobody's by no word: a sentence of the article, not a statement a reader can place
        out.append(st)
    return out


def _seeming(cue):
    """Whether a cue is a verb of seeming with no verb of speech or thought in it ("seemed",
    "appears", "seems clear:", not "appeared to suggest"): the writer's impression, not a
    statement anyone made."""
    words = [word.strip(",:;") for word in cue.lower().split()]
    return any(word in SEEMING_VERBS for word in words) \
        and not any(word in CUE_FORMS or word in EXTRA_CUE_FORMS for word in words)


def _passive(text, cue):
    """Whether a Cue span is a passive ("has been called", "was described"): a participle after
    a be-form, in the span or just before it."""
    words = text[max(0, cue[0] - 12):cue[1]].lower().split()
    return len(words) >= 2 and words[-2] in BE_FORMS and words[-1].endswith(("ed", "en"))


def _inside(text, start, end, marks):
    """[start, end) without the `marks` it begins or ends with."""
    while start < end and text[start] in marks:
        start += 1
    while end > start and text[end - 1] in marks:
        end -= 1
    return start, end


def _around_quotes(quote_spans, start, end):
    """[start, end) widened to the whole of any quotation it begins or ends inside: a Content
    span is stripped of quotation marks, a mixed statement keeps them."""
    index = bisect_left(quote_spans, (end,))
    for q0, q1 in quote_spans[max(0, index - 8):index]:
        if q0 < start < q1:
            start = q0
        if q0 < end < q1:
            end = q1
    return start, end


def _speech_cue(statement):
    lemma = CUE_FORMS.get((statement.cue or "").lower())
    return lemma is not None and lemma not in THOUGHT_LEMMAS and lemma not in EVIDENCE_LEMMAS


def _overlapping(rule_statements, start, end):
    best, best_shared = None, 0
    for st in rule_statements:
        shared = min(end, st.end) - max(start, st.start)
        if shared > best_shared and shared * 2 >= min(end - start, st.end - st.start):
            best, best_shared = st, shared
    return best


def _nearest(spans, start, end):
    return min(spans, key=lambda s: min(abs(s[1] - start), abs(s[0] - end)), default=None)


@lru_cache(maxsize=1)
def packaged():
    """The model shipped in the package (read once)."""
    path = resources.files(__package__) / "models" / PACKAGED
    return AttributionModel.from_bytes(path.read_bytes(), str(path))
