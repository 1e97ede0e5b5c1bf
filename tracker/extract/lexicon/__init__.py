"""Every word list the extractor reads, one module per language (textacy's way): `en.py` holds
the English cue verbs with their classes, pronouns, titles, determiners, given names, places,
organisation and person nouns, date words. A cue verb is a one-place edit there; a language is
a module beside it with the same names, listed in LANGUAGES.

The extraction steps read the English lists as `lexicon.NAME` (English is the only language
the rules are written for today); `for_language` gives a language's module by its code.

    >>> for_language("en").CUE_FORMS["said"]
    'say'
"""
import unicodedata

from . import en
from .en import *  # noqa: F403 - the English lists, as the extraction steps import them

LANGUAGES = {"en": en}


def for_language(code):
    """The word lists of the language `code` ("en"); ValueError for one there is none for."""
    try:
        return LANGUAGES[code]
    except KeyError:
        raise ValueError(f"no word lists for language {code!r}: there are {', '.join(sorted(LANGUAGES))}") from None


def fold(text):
    """A word or name as the lists are looked up by, in any language: lower case, accents and
    marks dropped ('Tichanóvskaja' -> 'tichanovskaja').

    >>> fold("Tichanóvskaja")
    'tichanovskaja'
    """
    if text.isascii():  # nothing to decompose or drop: most news text, at a fraction of the cost
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
