"""Values nested thousands deep: one clear problem and exit 2, never a crash of the fast YAML parser.

yaml-rs recurses on the C stack: a 24 KB block list nested 12,000 deep used to kill the process (exit 139,
no message), so each case runs `jointex validate` in a subprocess, where a crash cannot take pytest along.
Deep indentation now sends a file to the careful reader first; yaml-rs caps flow nesting itself (the flow
cases guard that).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

JOINTEX = Path(sys.executable).parent / "jointex"


def _indented_mappings(depth: int) -> str:
    return "".join(" " * level + f"k{level}:\n" for level in range(depth)) + " " * depth + "leaf: 1\n"


CASES = {
    "block-list-12000": "- " * 12_000 + "x\n",
    "block-list-100000": "- " * 100_000 + "x\n",
    "block-list-1000000": "- " * 1_000_000 + "x\n",
    "block-list-in-a-mapping-12000": "id: EX\nunits:\n" + "  " + "- " * 12_000 + "x\n",
    "explicit-keys-12000": "? " * 12_000 + "x\n",
    "block-list-after-a-carriage-return-12000": "units:\r" + "- " * 12_000 + "x\r",
    "indented-lists-3000": "units:\n" + "".join("  " * level + "-\n" for level in range(3_000)),
    "indented-mappings-5000": _indented_mappings(5_000),
    "flow-list-12000": "[" * 12_000 + "]" * 12_000 + "\n",
    "flow-list-100000": "id: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "flow-list-1000000-unclosed": "[" * 1_000_000 + "\n",
    "flow-mappings-100000": "{a: " * 100_000 + "}" * 100_000 + "\n",
}


@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_deep_nesting_is_one_problem_and_exit_2(tmp_path: Path, text: str) -> None:
    (tmp_path / "deep.yaml").write_text(text)
    result = subprocess.run(
        [str(JOINTEX), "validate", "deep.yaml"], cwd=tmp_path, capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 2, (result.returncode, result.stderr[-500:])
    lines = result.stderr.splitlines()
    assert lines[0] == "✗ deep.yaml: invalid"
    assert len(lines) == 2, lines
    assert lines[1].startswith("deep.yaml:") and "nesting depth" in lines[1], lines[1]
