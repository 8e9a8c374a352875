"""What a laid-out PDF document holds, page by page: which elements each page shows and how full it is.

Reads WeasyPrint's layout boxes (``Page._page_box``, the one way to reach them) so that layout rules can
be checked on the document itself: the executive summary fits its page, no table row is split across
pages, no page but the last is nearly empty.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from weasyprint.document import Document, Page

Box = Any  # weasyprint.formatting_structure.boxes.Box: untyped


def descendants(box: Box) -> Iterator[Box]:
    """``box`` and every box inside it, in document order."""
    stack: list[Box] = [box]
    while stack:
        box = stack.pop()
        yield box
        stack.extend(reversed(getattr(box, "children", ())))


def boxes(page: Page) -> Iterator[Box]:
    """Every box laid out on ``page`` except the page margins (the running label and page number)."""
    from weasyprint.formatting_structure.boxes import MarginBox

    for child in page._page_box.children:
        if not isinstance(child, MarginBox):
            yield from descendants(child)


def has_class(box: Box, name: str) -> bool:
    element = getattr(box, "element", None)
    return element is not None and name in (element.get("class") or "").split()


def pages_holding(document: Document, name: str) -> list[int]:
    """Numbers (from 1) of the pages that show some of the element(s) with class ``name``."""
    return [
        number
        for number, page in enumerate(document.pages, start=1)
        if any(has_class(box, name) for box in boxes(page))
    ]


def fill(page: Page) -> float:
    """How much of the page's content area, top to bottom, holds content: the bottom of its lowest line
    of text, table row or picture, as a share of the area's height."""
    from weasyprint.formatting_structure.boxes import LineBox, ReplacedBox, TableRowBox

    area = page._page_box
    top, height = area.content_box_y(), area.height
    bottom = max(
        (
            box.position_y + box.margin_height()
            for box in boxes(page)
            if isinstance(box, LineBox | ReplacedBox | TableRowBox)
        ),
        default=top,
    )
    return float(min(max((bottom - top) / height, 0.0), 1.0))


def split_rows(document: Document) -> list[str]:
    """Table rows (their text) laid out on more than one page; a repeated table header does not count."""
    from weasyprint.formatting_structure.boxes import TableRowBox, TableRowGroupBox

    seen: dict[int, tuple[int, str]] = {}
    split: list[str] = []
    for number, page in enumerate(document.pages, start=1):
        for group in boxes(page):
            if not isinstance(group, TableRowGroupBox) or group.is_header or group.is_footer:
                continue
            for row in group.children:
                if not isinstance(row, TableRowBox) or row.element is None:
                    continue
                key = id(row.element)
                if key in seen and seen[key][0] != number:
                    split.append(seen[key][1])
                seen[key] = (number, " ".join("".join(row.element.itertext()).split())[:80])
    return split
