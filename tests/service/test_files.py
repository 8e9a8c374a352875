"""Writing documents: each file whole or not at all, and a set of documents all of them or none."""

from __future__ import annotations

from pathlib import Path

import pytest

from jointex.errors import InputError, Problem, Severity
from jointex.service import files
from jointex.service.files import Document, write_document, write_documents

MAP_MISSING = Problem("written without its map", severity=Severity.WARNING)


def _documents() -> list[Document]:
    return [
        Document.text("report.html", "<p>report</p>", "text/html", (MAP_MISSING,)),
        Document("report.pdf", b"%PDF-1.7", "application/pdf"),
        Document.text("interop.html", "<p>interop</p>", "text/html").under("per-nation/POL"),
    ]


def test_documents_are_written_under_their_names_and_their_warnings_name_the_file(tmp_path: Path) -> None:
    written = write_documents(_documents(), tmp_path)
    assert [w.path for w in written] == [
        tmp_path / "report.html",
        tmp_path / "report.pdf",
        tmp_path / "per-nation" / "POL" / "interop.html",
    ]
    assert (tmp_path / "per-nation" / "POL" / "interop.html").read_text(encoding="utf-8") == "<p>interop</p>"
    assert [p.file for w in written for p in w.warnings] == [tmp_path / "report.html"]
    assert sorted(p.name for p in tmp_path.rglob(".*")) == [], "no temporary file is left"


def test_a_folder_in_the_way_of_one_document_writes_none_of_them(tmp_path: Path) -> None:
    (tmp_path / "report.pdf").mkdir()
    with pytest.raises(InputError, match="is in the way"):
        write_documents(_documents(), tmp_path)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["report.pdf"]


def test_a_failure_while_writing_leaves_the_older_set_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up while the PDF is written: the HTML of the last run stays beside its PDF, and no
    temporary file is left."""
    (tmp_path / "report.html").write_text("old", encoding="utf-8")
    temporary_beside = files._temporary_beside

    def full_disk(path: Path, data: bytes) -> Path:
        if path.name == "report.pdf":
            raise OSError(28, "No space left on device")
        return temporary_beside(path, data)

    monkeypatch.setattr(files, "_temporary_beside", full_disk)
    with pytest.raises(OSError, match="No space left"):
        write_documents(_documents(), tmp_path)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["report.html"]
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == "old"


def test_one_document_is_written_where_the_shell_says(tmp_path: Path) -> None:
    written = write_document(_documents()[0], tmp_path / "elsewhere.html")
    assert (tmp_path / "elsewhere.html").read_text(encoding="utf-8") == "<p>report</p>"
    assert [p.file for p in written.warnings] == [tmp_path / "elsewhere.html"]
