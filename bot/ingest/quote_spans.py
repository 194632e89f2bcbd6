"""Finding quoted stretches of text by their quotation marks.

Works on plain text and character offsets only, so it is cheap and testable
without spaCy. Handles straight and curly double marks, curly single marks
when they open and close a quotation (not apostrophes as in "Ukraine’s" or
"don’t"), guillemets, and quotations that run over several paragraphs: a
paragraph that opens a quotation without closing it continues into the next
paragraph when that one opens with a quotation mark (the newspaper convention).
Only top-level quotations are returned; quotes nested inside a quote belong to
the outer one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DOUBLE_OPENERS = {"“": "”", "„": "”", "«": "»", '"': '"'}
SINGLE_OPENER, SINGLE_CLOSER = "‘", "’"
MAX_SINGLE_QUOTE_CHARS = 400
OPENING_CONTEXT = set(" \t([{—–-/:;,") | {"", "\n"}


@dataclass
class QuoteSpan:
    """One quotation: its inner text segments (one per paragraph), marks excluded."""

    segments: list[tuple[int, int]] = field(default_factory=list)
    mark: str = "“"
    closed: bool = True

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]

    @property
    def outer_start(self) -> int:
        """Offset of the opening mark."""
        return self.segments[0][0] - 1

    @property
    def outer_end(self) -> int:
        """Offset just after the closing mark (or the paragraph end if unclosed)."""
        return self.segments[-1][1] + (1 if self.closed else 0)

    def text(self, source: str) -> str:
        return " ".join(source[a:b] for a, b in self.segments)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Line-based paragraphs with offsets (blank lines and single newlines both separate)."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            spans.append((match.start(), match.end()))
    return spans


def _is_apostrophe(text: str, i: int) -> bool:
    """’ between letters (don’t, Ukraine’s) or after s/digits before a space (the Joneses’ car)."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return before.isalnum() and after.isalnum()


def _opens_single(text: str, i: int, para_start: int) -> bool:
    before = text[i - 1] if i > para_start else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return (before in OPENING_CONTEXT or before in DOUBLE_OPENERS) and (
        after.isalpha() or after in "…."
    )


def _opens_straight(text: str, i: int, para_start: int, para_end: int) -> bool:
    before = text[i - 1] if i > para_start else ""
    after = text[i + 1] if i + 1 < para_end else ""
    if not after or after.isspace():
        return False
    return before in OPENING_CONTEXT or before in "“‘(" or not before.isalnum()


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """All top-level quotations in `text`, in order of appearance."""
    paragraphs = _paragraphs(text)
    found: list[QuoteSpan] = []
    carry: QuoteSpan | None = None  # a quotation continuing from the previous paragraph
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        current = carry
        carry = None
        closer = DOUBLE_OPENERS.get(current.mark, "”") if current else ""
        seg_start = -1
        i = p_start
        if current is not None:
            # the continuation paragraph begins with its opening mark
            first = p_start
            while first < p_end and text[first].isspace():
                first += 1
            seg_start = first + 1
            i = seg_start
        single_open = -1
        nested = 0  # curly quotes opened inside a straight-quoted passage
        while i < p_end:
            ch = text[i]
            if current is None:
                if ch in DOUBLE_OPENERS and (
                    ch != '"' or _opens_straight(text, i, p_start, p_end)
                ):
                    current = QuoteSpan(mark=ch)
                    closer = DOUBLE_OPENERS[ch]
                    nested = 0
                    seg_start = i + 1
                    single_open = -1
                elif (
                    ch == SINGLE_OPENER
                    and single_open < 0
                    and _opens_single(text, i, p_start)
                ):
                    single_open = i
                elif (
                    ch == SINGLE_CLOSER
                    and single_open >= 0
                    and not _is_apostrophe(text, i)
                ):
                    if (
                        i - single_open <= MAX_SINGLE_QUOTE_CHARS
                        and i > single_open + 1
                    ):
                        span = QuoteSpan(
                            segments=[(single_open + 1, i)], mark=SINGLE_OPENER
                        )
                        found.append(span)
                    single_open = -1
            else:
                if closer == '"' and ch == "“":
                    nested += 1
                    i += 1
                    continue
                closes = (
                    ch == closer
                    or (closer == "”" and ch == '"' and _closes_loosely(text, i, p_end))
                    or (closer == '"' and ch == "”" and not nested)  # "mixed” marks
                )
                if closer == '"' and ch == "”" and nested:
                    nested -= 1
                elif closes:
                    current.segments.append((seg_start, i))
                    found.append(current)
                    current = None
            i += 1
        if current is not None:
            # unclosed at paragraph end: continue if the next paragraph opens a quotation
            seg = _strip(text, seg_start, p_end)
            if seg[1] > seg[0]:
                current.segments.append(seg)
            nxt = paragraphs[p_index + 1] if p_index + 1 < len(paragraphs) else None
            if nxt is not None and text[nxt[0] : nxt[1]].lstrip()[:1] in (
                current.mark,
                "“",
                '"',
            ):
                carry = current
            elif current.segments:
                current.closed = False
                found.append(current)
    found.sort(key=lambda q: q.start)
    return [q for q in found if q.end > q.start]


def _closes_loosely(text: str, i: int, para_end: int) -> bool:
    """A straight mark closing a curly-opened quote (mixed marks in sloppy copy)."""
    after = text[i + 1] if i + 1 < para_end else ""
    return (not after or after.isspace() or after in ",.;:!?)") and "”" not in text[
        i:para_end
    ]
