"""Malformed exercise folders and the exact problem lines jointex must report for each.

Each case: (name, files, expected). ``expected`` lists every problem line, ``file:line:col: field: message
(expected ...)``, exactly as `jointex validate` prints them.
"""

from __future__ import annotations

from tests.conftest import MINIMAL


def swap(old: str, new: str, text: str = MINIMAL) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
)

CASES: list[tuple[str, dict[str, str | bytes], list[str]]] = [
    (
        "yaml-syntax-unclosed-flow",
        {"exercise.yaml": swap("owners: [NOR, USA],", "owners: [NOR, USA,")},
        [
            "exercise.yaml:17:149: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)",
        ],
    ),
    (
        "yaml-syntax-bad-indent",
        {"exercise.yaml": swap("name: Test exercise", "name: Test exercise\n  bad: indent")},
        [
            "exercise.yaml:4:6: YAML syntax error: mapping values are not allowed in this context",
        ],
    ),
    (
        "yaml-tab-indent",
        {"exercise.yaml": swap("  boundary:", "\tboundary:")},
        [
            "exercise.yaml:9:1: YAML syntax error: found character that cannot start any token (while scanning for the next token)",
        ],
    ),
    (
        "top-level-list",
        {"exercise.yaml": "- just\n- a list\n"},
        [
            "exercise.yaml:1:1: the top level is a list (expected a mapping of fields (key: value))",
        ],
    ),
    (
        "empty-file",
        {"exercise.yaml": ""},
        [
            "exercise.yaml:1:1: the file is empty (expected a YAML mapping)",
        ],
    ),
    (
        "comments-only",
        {"exercise.yaml": "# nothing here\n"},
        [
            "exercise.yaml:1:1: the file holds no YAML document (expected a YAML mapping)",
        ],
    ),
    (
        "binary-garbage",
        {"exercise.yaml": b"id: X\n\xff\xfe\x00\x01garbage"},
        [
            "exercise.yaml:2:1: the file is not UTF-8 text (binary data?) (expected a UTF-8 encoded YAML file)",
        ],
    ),
    (
        "nul-character",
        {"exercise.yaml": "id: X\nname: a\x00b\n"},
        [
            "exercise.yaml:2:8: YAML syntax error: unacceptable character #x0000: control characters are not allowed",
        ],
    ),
    (
        "wrong-type-personnel",
        {"exercise.yaml": swap("personnel: 500", "personnel: many")},
        [
            "exercise.yaml:14:102: units[0].personnel: Input should be a valid integer, unable to parse string as an integer",
        ],
    ),
    (
        "negative-personnel",
        {"exercise.yaml": swap("personnel: 150", "personnel: -3")},
        [
            "exercise.yaml:15:96: units[1].personnel: Input should be greater than or equal to 0",
        ],
    ),
    (
        "unknown-field",
        {"exercise.yaml": swap("type: ftx", "type: ftx\nhost_natoin: NOR")},
        [
            "exercise.yaml:5:14: host_natoin: unknown field 'host_natoin'; did you mean 'host_nation'?",
        ],
    ),
    (
        "missing-required",
        {"exercise.yaml": swap("name: Test exercise\n", "")},
        [
            "exercise.yaml:1:1: name: required field 'name' is missing",
        ],
    ),
    (
        "bad-enum",
        {"exercise.yaml": swap("type: ftx", "type: wargame")},
        [
            "exercise.yaml:4:7: type: Input should be 'seminar', 'workshop', 'tabletop', 'game', 'drill', 'functional', 'full-scale', 'cpx', 'cax', 'ftx' or 'livex'",
        ],
    ),
    (
        "unknown-unit-reference",
        {"exercise.yaml": swap("to: [NOR-1]", "to: [NOR-2]")},
        [
            "exercise.yaml:28:62: scenario.events[0].incidents[0].injects[0].to[0]: unknown unit, controller or actor 'NOR-2'; did you mean NOR-1? (expected the id of a unit, controller or actor declared in the exercise)",
        ],
    ),
    (
        "unknown-objective-reference",
        {"exercise.yaml": swap("method: radio,", "method: radio, objectives: [OBJ-9],")},
        [
            "exercise.yaml:28:98: scenario.events[0].incidents[0].injects[0].objectives[0]: unknown objective 'OBJ-9'; did you mean OBJ-1? (expected the id of an objective declared in the exercise)",
        ],
    ),
    (
        "unknown-controller",
        {"exercise.yaml": swap("method: radio,", "method: radio, controller: LOCON,")},
        [
            "exercise.yaml:28:97: scenario.events[0].incidents[0].injects[0].controller: unknown controller 'LOCON'; did you mean EXCON? (expected the id of a controller declared in the exercise)",
        ],
    ),
    (
        "duplicate-unit-id",
        {"exercise.yaml": swap("id: USA-1", "id: NOR-1")},
        [
            "exercise.yaml:15:10: units[1].id: duplicate unit id 'NOR-1' (also at exercise.yaml:14:10) (expected a unique unit id)",
        ],
    ),
    (
        "duplicate-key",
        {"exercise.yaml": swap("id: EX1", "id: EX1\nid: EX2")},
        [
            "exercise.yaml:3:1: id: duplicate key 'id' (first at line 2) (expected each key once per mapping)",
        ],
    ),
    (
        "bad-calendar-date",
        {"exercise.yaml": swap("end_date: 2027-06-10", "end_date: 2027-06-31")},
        [
            "exercise.yaml:7:11: end_date: not a date (day value is outside expected range) (expected a date written YYYY-MM-DD, such as 2027-05-10)",
            "1 more check could not run until these are fixed: dates and times",
        ],
    ),
    (
        "endex-before-startex",
        {"exercise.yaml": swap("end_date: 2027-06-10", "end_date: 2027-05-10")},
        [
            "exercise.yaml:7:11: end_date: ENDEX 2027-05-10 is before STARTEX 2027-06-01 (expected end_date on or after start_date)",
        ],
    ),
    (
        "inject-after-endex",
        {"exercise.yaml": swap("time: D+1 08:00", "time: D+12 08:00")},
        [
            "exercise.yaml:28:33: scenario.events[0].incidents[0].injects[0].time: inject 1 at D+12 08:00 is after ENDEX (D+10 00:00) (expected a time before ENDEX)",
        ],
    ),
    (
        "bad-scenario-time",
        {"exercise.yaml": swap("time: D+1 08:00", "time: tomorrow")},
        [
            "exercise.yaml:28:33: scenario.events[0].incidents[0].injects[0].time: cannot read the scenario time 'tomorrow'; expected 'D+2 06:30', 'H+54', 'H+54:30', an ISO 8601 duration like 'P2DT6H30M', or seconds",
        ],
    ),
    (
        "unknown-nation",
        {"exercise.yaml": swap("- {nation: USA}", "- {nation: USB}")},
        [
            "exercise.yaml:12:14: participants[1].nation: unknown nation 'USB'; did you mean UZB, USA, SRB? (expected an ISO 3166-1 alpha-3 code such as USA, GBR, POL)",
            "exercise.yaml:15:47: units[1].nation: nation USA is not a participant of the exercise (expected one of NOR, USB)",
            "exercise.yaml:17:75: objectives[0].owners[1]: nation USA is not a participant of the exercise (expected one of NOR, USB)",
        ],
    ),
    (
        "non-participant-nation",
        {"exercise.yaml": swap("nation: USA, service", "nation: FRA, service")},
        [
            "exercise.yaml:15:47: units[1].nation: nation FRA is not a participant of the exercise (expected one of NOR, USA)",
        ],
    ),
    (
        "bad-mgrs",
        {"exercise.yaml": swap('exercise_location: "60.6, 10.6"', 'exercise_location: "32VZZ99"')},
        [
            "exercise.yaml:15:120: units[1].exercise_location.position: '32VZZ99' is not a valid MGRS reference",
        ],
    ),
    (
        "latitude-out-of-range",
        {"exercise.yaml": swap('exercise_location: "60.6, 10.6"', 'exercise_location: "95.0, 10.6"')},
        [
            "exercise.yaml:15:120: units[1].exercise_location.position.lat_deg: Input should be less than or equal to 90",
        ],
    ),
    (
        "outside-area",
        {"exercise.yaml": swap('exercise_location: "60.6, 10.6"', 'exercise_location: "59.0, 10.6"')},
        [
            "exercise.yaml:15:120: units[1].exercise_location: unit USA-1 at 59.00000, 10.60000 is outside the exercise area (expected a position inside the area, or home_base: true for a unit operating from home)",
        ],
    ),
    (
        "unknown-platform",
        {"exercise.yaml": swap("platform: CV90", "platform: CV-90")},
        [
            "exercise.yaml:14:163: units[0].equipment[0].platform: unknown platform 'CV-90'; did you mean CV90, C-390, KC-30A? (expected a platform id from the catalogue (jointex catalogue list platforms) or your own catalogue file)",
        ],
    ),
    (
        "label-looser-than-parent",
        {
            "exercise.yaml": swap(
                "type: ftx",
                "type: ftx\nlabel: NATO RESTRICTED",
                swap("personnel: 150,", "personnel: 150, label: NATO UNCLASSIFIED,"),
            )
        },
        [
            "exercise.yaml:16:108: units[1].label: label is less restrictive than the exercise's (NATO RESTRICTED): classification UNCLASSIFIED is lower than RESTRICTED (expected a label at least as restrictive as its parent's)",
        ],
    ),
    (
        "label-names-outsider",
        {"exercise.yaml": swap("type: ftx", "type: ftx\nlabel: NATO RESTRICTED // REL TO NOR, USA, CHN")},
        [
            "exercise.yaml:5:8: label.releasable_to: releasable to CHN, which is not participating (expected participating nations only)",
        ],
    ),
    (
        "alias-bomb",
        {"exercise.yaml": BILLION_LAUGHS},
        [
            "exercise.yaml:1:43: f[0][3][3][7][3][7]: aliases expand to over 100,000 values; refused as a possible YAML bomb (expected anchors and aliases used sparingly)",
        ],
    ),
    (
        "recursive-alias",
        {"exercise.yaml": "id: &a [*a]\n"},
        [
            "exercise.yaml:1:5: id[0]: recursive alias: a value contains itself",
        ],
    ),
    (
        "merge-key",
        {"exercise.yaml": "base: &b {x: 1}\nid:\n  <<: *b\n"},
        [
            "exercise.yaml:3:3: id: merge keys (<<) are not supported (expected the fields written out, or an include: file)",
        ],
    ),
    (
        "python-tag",
        {"exercise.yaml": "id: !!python/object/apply:os.system [echo hacked]\n"},
        [
            "exercise.yaml:1:5: id: unsupported YAML tag tag:yaml.org,2002:python/object/apply:os.system (expected plain YAML values)",
        ],
    ),
    (
        "include-missing",
        {"exercise.yaml": MINIMAL + "include: [nations/fra.yaml]\n"},
        [
            "exercise.yaml:29:11: include[0]: included file nations/fra.yaml: file not found",
        ],
    ),
    (
        "include-escapes-folder",
        {"exercise.yaml": MINIMAL + "include: [../outside.yaml]\n"},
        [
            "exercise.yaml:29:11: include[0]: include ../outside.yaml is outside the exercise folder (expected a file in the folder of the main exercise file, or below it)",
        ],
    ),
    (
        "include-absolute",
        {"exercise.yaml": MINIMAL + "include: [/etc/passwd]\n"},
        [
            "exercise.yaml:29:11: include[0]: include '/etc/passwd' is absolute (expected a path relative to this file, such as 'nations/usa.yaml')",
        ],
    ),
    (
        "include-cycle",
        {
            "exercise.yaml": MINIMAL + "include: [a.yaml]\n",
            "a.yaml": "include: [b.yaml]\n",
            "b.yaml": "include: [a.yaml]\n",
        },
        [
            "b.yaml:1:11: include[0]: include cycle: a.yaml -> b.yaml -> a.yaml",
        ],
    ),
    (
        "include-sets-name",
        {"exercise.yaml": MINIMAL + "include: [a.yaml]\n", "a.yaml": "name: Other\n"},
        [
            "a.yaml:1:7: name: an included file cannot set 'name' (expected only phases, participants, controllers, actors, units, objectives, vignettes, scenario, include, catalogue (the main file sets the rest))",
        ],
    ),
    (
        "include-wrong-type-in-nation-file",
        {
            "exercise.yaml": MINIMAL + "include: [fra.yaml]\n",
            "fra.yaml": "units:\n  - {id: X, name: Y, nation: USA, service: land, echelon: team, personnel: lots}\n",
        },
        [
            "fra.yaml:2:76: units[0].personnel: Input should be a valid integer, unable to parse string as an integer",
        ],
    ),
]
