"""The statement record every extraction step produces and every consumer reads."""
from dataclasses import asdict, dataclass
from typing import Optional

KINDS = ("direct", "mixed", "indirect")
# speech: said, told, wrote; thought: believes, wants, hopes; evidence: a poll shows, according to a report.
CUE_CLASSES = ("speech", "thought", "evidence")


@dataclass
class Statement:
    kind: str  # one of KINDS
    text: str  # the clean statement: no quotation marks, multi-paragraph quotes joined
    start: int  # offsets are Python str indices into the text as given
    end: int
    speaker: Optional[str] = None  # the resolved name: the article's fullest form
    speaker_mention: Optional[str] = None  # the words the attribution rests on ("she")
    speaker_start: Optional[int] = None
    speaker_end: Optional[int] = None
    speaker_kind: Optional[str] = None  # "person" | "organisation" | None when unknown
    cue: Optional[str] = None
    cue_start: Optional[int] = None
    cue_end: Optional[int] = None
    addressee: Optional[str] = None  # "AFP" in "told AFP": never the speaker
    addressee_start: Optional[int] = None
    addressee_end: Optional[int] = None
    date_mention: Optional[str] = None  # "on Monday": when the text says it was said
    date_start: Optional[int] = None
    date_end: Optional[int] = None
    said_on: Optional[str] = None  # ISO date: what date_mention points to, else the publication date
    said_on_basis: Optional[str] = None  # "text" | "published" | None when neither is known
    cue_class: Optional[str] = None  # one of CUE_CLASSES: what kind of attribution the cue makes

    def to_dict(self):
        return asdict(self)
