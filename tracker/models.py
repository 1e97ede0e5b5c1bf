"""Which attribution model extraction uses: one place that turns a choice into a model.

A choice is a path to a model file (`tracker train` writes them), `PACKAGED` (None: the model
shipped in the package) or `RULES_ONLY` (the rules alone). The CLI takes it from `--model` /
`--rules-only`, the servers from `TRACKER_MODEL`; it stays a plain string so that it can go to a
worker process, which loads the model itself (once).

    >>> extractor(RULES_ONLY)("Ann Lee said taxes would rise.")[0].kind    # doctest: +SKIP
    'indirect'
"""
from functools import lru_cache, partial

from .extract import extract
from .extract.learned import AttributionModel, ModelError, packaged

PACKAGED = None
RULES_ONLY = "rules-only"

__all__ = ["PACKAGED", "RULES_ONLY", "ModelError", "load", "extractor"]


@lru_cache(maxsize=8)
def load(choice):
    """The `AttributionModel` for `choice`, or None for the rules alone; ModelError names the
    file when it is missing, unreadable, corrupt or made for other features."""
    if choice == RULES_ONLY:
        return None
    if not choice:
        return packaged()
    try:
        with open(choice, "rb") as fh:
            data = fh.read()
    except OSError as error:
        raise ModelError(f"{choice}: cannot read the model ({error.strerror})") from None
    return AttributionModel.from_bytes(data, choice)


def extractor(choice=PACKAGED):
    """`extract` with the model `choice` names."""
    return partial(extract, model=load(choice))
