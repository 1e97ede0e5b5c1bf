"""Statements out of article text: a pure function, no I/O.

    >>> from tracker.extract import extract
    >>> [s.text for s in extract('"We will win," she said.')]
    ['We will win.']
"""
from .model import CUE_CLASSES, KINDS, Statement
from .pipeline import extract

__all__ = ["CUE_CLASSES", "KINDS", "Statement", "extract"]
