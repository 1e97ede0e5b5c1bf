"""What kind of attribution a statement is: speech, thought or evidence.

    >>> from tracker.extract.model import Statement
    >>> cue_class(Statement("indirect", "taxes will fall", 0, 0, cue="hopes"))
    'thought'
    >>> cue_class(Statement("indirect", "taxes will fall", 0, 0, cue="shows", speaker_mention="A new poll"))
    'evidence'
"""

from functools import lru_cache

from .lexicon import CUE_FORMS, EVIDENCE_LEMMAS, EVIDENCE_NOUNS, EXTRA_CUE_FORMS, STANCE_ADJECTIVES, THOUGHT_LEMMAS


def cue_class(statement):
    """"speech" (said, told, wrote), "thought" (believes, wants, is confident that) or
    "evidence" (a poll shows, a report found, according to documents); None without a cue."""
    if not statement.cue:
        return None
    head = (statement.speaker_mention or "").lower().rsplit(maxsplit=1)[-1:]
    return _class_of(statement.cue.lower(), head[0] if head else None)


@lru_cache(maxsize=4096)  # an article's cues are a few words, said again and again
def _class_of(cue, head):
    """The class of a lower-case cue whose speaker mention ends on the word `head` (or None)."""
    if head is not None and head in EVIDENCE_NOUNS:
        return "evidence"
    if cue in STANCE_ADJECTIVES:
        return "thought"
    if cue == "according to" or not any(c.isalpha() for c in cue):
        return "speech"  # "according to X", a headline's "X: ...", a byline's dash
    # A cue phrase ("outlined for", "is eager", the learned model's) is read by its first cue word.
    words = [w.strip(",:;") for w in cue.split()]
    lemma = next((CUE_FORMS.get(w) or EXTRA_CUE_FORMS.get(w) for w in words
                  if w in CUE_FORMS or w in EXTRA_CUE_FORMS), None)
    if lemma is None:
        # No verb of speech in it ("seemed", "began to cry"): an attitude the text reports.
        return "thought"
    if lemma in THOUGHT_LEMMAS:
        return "thought"
    if lemma in EVIDENCE_LEMMAS:
        return "evidence"
    return "speech"
