"""What kind of attribution a statement is: speech, thought or evidence.

    >>> from tracker.extract.model import Statement
    >>> cue_class(Statement("indirect", "taxes will fall", 0, 0, cue="hopes"))
    'thought'
    >>> cue_class(Statement("indirect", "taxes will fall", 0, 0, cue="shows", speaker_mention="A new poll"))
    'evidence'
"""

from .lexicon import CUE_FORMS, EVIDENCE_LEMMAS, EVIDENCE_NOUNS, EXTRA_CUE_FORMS, STANCE_ADJECTIVES, THOUGHT_LEMMAS


def cue_class(statement):
    """"speech" (said, told, wrote), "thought" (believes, wants, is confident that) or
    "evidence" (a poll shows, a report found, according to documents); None without a cue."""
    if not statement.cue:
        return None
    cue = statement.cue.lower()
    head = (statement.speaker_mention or "").lower().split()[-1:]
    if head and head[0] in EVIDENCE_NOUNS:
        return "evidence"
    if cue in STANCE_ADJECTIVES:
        return "thought"
    lemma = CUE_FORMS.get(cue) or EXTRA_CUE_FORMS.get(cue)
    if lemma in THOUGHT_LEMMAS:
        return "thought"
    if lemma in EVIDENCE_LEMMAS:
        return "evidence"
    return "speech"
