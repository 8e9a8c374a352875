"""Random exercises with a confidentiality label on every kind of element, and an oracle of what each
reader may see, computed here from the labels alone (never with the release policy's own functions).

Every id, name and text is distinctive (``QZ``/``ZQ`` plus a number and a terminator) so that finding it
in a document means it leaked, and none contains a nation code. Labels are drawn consistent with the
parent-child rule the loader enforces (a child's REL TO is a subset of its parent's, its classification
at least its parent's, its caveats a superset); some elements carry no label and inherit.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml
from hypothesis import strategies as st

from jointex.catalogue import nation_name

NATIONS = ("DEU", "EST", "LTU", "NLD", "POL", "USA", "GBR")
CLASSIFICATIONS = ("UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET")
CAVEATS = ("EXERCISE", "MISSION")
PLATFORMS = ("CV90", "BOXER", "F-16C", "PATRIOT", "UH-60M")
LAT0, LON0 = 60.0, 11.0
IAMD_VIGNETTE, HADR_VIGNETTE, MOVEMENT_VIGNETTE = "QZV01X", "QZV02X", "QZV03X"


def at(x_km: float, y_km: float) -> str:
    """The "lat, lon" of a point x km east and y km north of the centre of the exercise area."""
    lat = LAT0 + y_km / 111.195
    lon = LON0 + x_km / (111.195 * math.cos(math.radians(LAT0)))
    return f"{lat:.6f}, {lon:.6f}"


@dataclass(frozen=True)
class Lab:
    """A label as the oracle sees it: classification rank, REL TO (None: every participant), caveats."""

    rank: int = 0
    rel: frozenset[str] | None = None
    caveats: frozenset[str] = frozenset()

    @property
    def marking(self) -> str:
        parts = [f"NATO {CLASSIFICATIONS[self.rank]}"]
        if self.rel is not None:
            parts.append("REL TO " + ", ".join(sorted(self.rel)))
        parts.extend(sorted(self.caveats))
        return " // ".join(parts)

    def releases_to(self, nations: Iterable[str]) -> bool:
        return self.rel is None or set(nations) <= self.rel


@dataclass
class Element:
    """One element of the exercise (or of the evaluators' file, or a run file) for the oracle."""

    kind: str
    key: str
    """Its id (serial for an inject, nation code for a participant)."""
    own: Lab | None
    effective: Lab
    texts: tuple[str, ...]
    """Everything of it that must not appear in a document when it is withheld (id, name, text)."""
    refs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Spec:
    """A generated exercise: the YAML data, the evaluators' file and the oracle's elements."""

    data: dict[str, Any]
    observations: dict[str, Any]
    nations: tuple[str, ...]
    host: str
    top: Lab
    elements: list[Element]

    def __repr__(self) -> str:
        """The exercise and evaluators' file as YAML: what a failing example shows."""
        return (
            "Spec <<<\n"
            + yaml.safe_dump(
                {"exercise.yaml": self.data, "observations.yaml": self.observations},
                sort_keys=False,
                width=200,
            )
            + ">>>"
        )

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))

    def of(self, kind: str) -> list[Element]:
        return [e for e in self.elements if e.kind == kind]


@st.composite
def child_labels(draw: st.DrawFn, parent: Lab, nations: tuple[str, ...], none_ok: bool = True) -> Lab | None:
    """A label at least as restrictive as ``parent`` (or, with ``none_ok``, no label: inherit)."""
    if none_ok and draw(st.booleans()):
        return None
    rank = draw(st.integers(parent.rank, len(CLASSIFICATIONS) - 1))
    pool = sorted(parent.rel) if parent.rel is not None else list(nations)
    if parent.rel is None and draw(st.booleans()):
        rel: frozenset[str] | None = None
    else:
        # mostly wide lists, so that most elements reach most readers and the references matter
        keep = draw(
            st.lists(st.sampled_from([True, True, True, False]), min_size=len(pool), max_size=len(pool))
        )
        chosen = [n for n, k in zip(pool, keep, strict=True) if k] or [draw(st.sampled_from(pool))]
        rel = frozenset(chosen)
    caveats = parent.caveats | frozenset(draw(st.sets(st.sampled_from(CAVEATS), max_size=1)))
    return Lab(rank, rel, caveats)


def _label_field(own: Lab | None) -> dict[str, str]:
    return {} if own is None else {"label": own.marking}


@st.composite
def labelled_exercises(draw: st.DrawFn) -> Spec:
    nations = tuple(draw(st.lists(st.sampled_from(NATIONS), min_size=3, max_size=5, unique=True)))
    host = nations[0]
    # the exercise label: mostly releasable to everyone, sometimes to only some (refused to the others)
    top_rank = draw(st.integers(0, 1))
    top_caveats = frozenset(draw(st.sets(st.sampled_from(CAVEATS), max_size=1)))
    top_rel_kind = draw(st.sampled_from(["none"] * 4 + ["all"] * 3 + ["some"]))
    if top_rel_kind == "none":
        top_rel = None
    elif top_rel_kind == "all":
        top_rel = frozenset(nations)
    else:
        top_rel = frozenset(draw(st.lists(st.sampled_from(nations), min_size=1, max_size=len(nations) - 1)))
    top = Lab(top_rank, top_rel, top_caveats)
    elements: list[Element] = []

    def child(parent: Lab) -> Lab | None:
        return draw(child_labels(parent, nations))

    # participants, each with a controller
    participants, controllers, nation_label = [], [], {}
    for i, nation in enumerate(nations):
        # the host's participation is withheld rarely: that refuses the whole version
        own = None if nation == host and draw(st.integers(0, 3)) else child(top)
        nation_label[nation] = own or top
        others = [n for n in nations if n != nation]
        liaison = draw(st.lists(st.sampled_from(others), max_size=2, unique=True))
        contingent, caveat = f"Contingent ZQC{i:02d}J", f"Caveat ZQP{i:02d}J"
        participants.append(
            {
                "nation": nation,
                "role": "host" if nation == host else "participant",
                "contingent": contingent,
                "languages": ["en"],
                "standards": ["STANAG 4172"] if i % 2 == 0 else ["STANAG 4172", "STANAG 5516"],
                "caveats": [caveat],
                "liaison_officers_to": liaison,
                **_label_field(own),
            }
        )
        elements.append(
            Element("participant", nation, own, own or top, (contingent, caveat, nation_name(nation)))
        )
        cid, cname = f"QZK{i:02d}X", f"Controller ZQKN{i:02d}J"
        controllers.append({"id": cid, "name": cname, "nation": nation, "cell": "excon"})
        elements.append(
            Element("controller", cid, None, nation_label[nation], (cid, cname), {"nation": nation})
        )

    # units: one to three per nation
    units = []
    for nation in nations:
        for _ in range(draw(st.integers(1, 3))):
            k = len(units)
            uid, name = f"QZU{k:02d}X", f"Unit name ZQN{k:02d}J"
            own = draw(child_labels(nation_label[nation], nations))
            units.append(
                {
                    "id": uid,
                    "name": name,
                    "nation": nation,
                    "service": "land",
                    "echelon": "company",
                    "personnel": 50 + k,
                    "exercise_location": {"name": f"Place ZQPL{k:02d}J", "position": at(k, 0)},
                    "equipment": [{"platform": draw(st.sampled_from(PLATFORMS)), "count": 2}],
                    **_label_field(own),
                }
            )
            texts = (uid, name, f"Place ZQPL{k:02d}J")
            elements.append(Element("unit", uid, own, own or nation_label[nation], texts, {"nation": nation}))
    unit_ids = [u["id"] for u in units]
    unit_nation = {u["id"]: u["nation"] for u in units}

    # objectives
    objectives = []
    metrics = [
        ("interop.comms.connected_pairs_pct", ">=", 50),
        ("iamd.leak_probability", "<=", 0.5),
        ("hadr.need_met_pct", ">=", 50),
        ("observer.readiness_rating", ">=", 2),
    ]
    for i in range(draw(st.integers(2, 4))):
        oid, statement = f"QZO{i:02d}X", f"Statement ZQS{i:02d}J"
        owners = draw(st.lists(st.sampled_from(nations), min_size=1, max_size=3, unique=True))
        metric, comparator, threshold = metrics[i % len(metrics)]
        measures = [{"metric": metric, "comparator": comparator, "threshold": threshold}]
        if draw(st.integers(0, 3)) == 0:  # a measure whose metric names a nation, an asset or a site
            named = draw(
                st.sampled_from(
                    [
                        f"iamd.shots.{draw(st.sampled_from(nations))}",
                        f"hadr.delivered_t.{draw(st.sampled_from(nations))}",
                        "iamd.leakers.QZDA1X",
                        "hadr.need_met_pct.QZST0X",
                    ]
                )
            )
            measures.append({"metric": named, "comparator": ">=", "threshold": 0, "weight": 0.5})
        own = child(top)
        objectives.append(
            {
                "id": oid,
                "aspect": "interoperability",
                "statement": statement,
                "owners": owners,
                "measures": measures,
                **_label_field(own),
            }
        )
        elements.append(Element("objective", oid, own, own or top, (oid, statement), {"owners": owners}))
    objective_ids = [o["id"] for o in objectives]

    def some_objectives() -> list[str]:
        return draw(st.lists(st.sampled_from(objective_ids), max_size=2, unique=True))

    # vignettes: an IAMD raid, a small relief operation and a plain movement drill
    vignettes = []
    iamd_units = draw(st.lists(st.sampled_from(unit_ids), min_size=1, max_size=4, unique=True))
    own = child(top)
    vignettes.append(
        {
            "id": IAMD_VIGNETTE,
            "name": "Vignette ZQVN1J",
            "kind": "iamd",
            "start": "D+1 00:00",
            "end": "D+1 06:00",
            "units": iamd_units,
            "objectives": some_objectives(),
            "parameters": {
                "note": "Note ZQNT1J",
                "defended_assets": [
                    {"id": "QZDA1X", "name": "Asset ZQDN1J", "position": at(0, 0), "value": 1}
                ],
                "raids": [
                    {
                        "id": "QZRA1X",
                        "threat": "cruise_missile",
                        "count": 3,
                        "target": "QZDA1X",
                        "launch_point": at(-150, 0),
                        "interval_s": 20,
                    }
                ],
                "sensors": [
                    {"unit": u, "antenna_height_m": 5000, "detection_range_km": {"cruise_missile": 120}}
                    for u in iamd_units
                ],
                "shooters": [
                    {
                        "unit": u,
                        "range_km": {"cruise_missile": [0, 30]},
                        "kill_probability": {"cruise_missile": 0.7},
                        "magazine": 8,
                        "salvo": 1,
                        "reaction_s": 0,
                        "reload_s": 0,
                        "time_of_flight_s": 5,
                    }
                    for u in iamd_units
                ],
            },
            **_label_field(own),
        }
    )
    elements.append(
        Element(
            "vignette",
            IAMD_VIGNETTE,
            own,
            own or top,
            (IAMD_VIGNETTE, "Vignette ZQVN1J", "Note ZQNT1J", "QZDA1X", "Asset ZQDN1J", "QZRA1X"),
            {"units": iamd_units, "needs_all_of": None, "drill": iamd_units},
        )
    )
    # relief: transport assets of one or two units, preferably of different nations
    first = draw(st.sampled_from(unit_ids))
    others = [u for u in unit_ids if unit_nation[u] != unit_nation[first]]
    hadr_units = [first] + ([draw(st.sampled_from(others))] if others and draw(st.booleans()) else [])
    sites = draw(st.integers(2, 3))
    own = child(top)
    vignettes.append(
        {
            "id": HADR_VIGNETTE,
            "name": "Vignette ZQVN2J",
            "kind": "hadr",
            "start": "D+1 06:00",
            "end": "D+1 18:00",
            "units": hadr_units,
            "objectives": some_objectives(),
            "parameters": {
                "sites": [
                    {
                        "id": f"QZST{k}X",
                        "name": f"Site ZQSN{k}J",
                        "position": at(10 + 5 * k, 5 * k),
                        "population": 100,
                    }
                    for k in range(sites)
                ],
                "sources": [
                    {
                        "id": "QZSR1X",
                        "name": "Source ZQRN1J",
                        "position": at(0, 0),
                        "stock": {"water": 1e6, "food": 1e9},
                        "throughput_t_per_day": 1000,
                        "load_min": 0,
                    }
                ],
                "assets": [
                    {
                        "id": f"QZAS{k}X",
                        "unit": u,
                        "type": "truck",
                        "count": 1,
                        "capacity_kg": 20000,
                        "capacity_m3": 100,
                        "speed_kmh": 60,
                        "range_km": 1000,
                        "sources": ["QZSR1X"],
                        "crew_duty_h": 12,
                    }
                    for k, u in enumerate(hadr_units)
                ],
                "disruptions": {
                    "aftershock_per_day": 0,
                    "helicopter_weather_per_day": 0,
                    "breakdown_per_vehicle_day": 0,
                },
                "planning": {"iterations": 20},
                "days": 1,
            },
            **_label_field(own),
        }
    )
    elements.append(
        Element(
            "vignette",
            HADR_VIGNETTE,
            own,
            own or top,
            (
                HADR_VIGNETTE,
                "Vignette ZQVN2J",
                "QZSR1X",
                "Source ZQRN1J",
                *(f"QZST{k}X" for k in range(sites)),
                *(f"Site ZQSN{k}J" for k in range(sites)),
            ),
            {"units": hadr_units, "drill": hadr_units},
        )
    )
    for k, u in enumerate(hadr_units):
        elements.append(Element("asset", f"QZAS{k}X", None, top, (f"QZAS{k}X",), {"unit": u}))
    own = child(top)
    movement_units = draw(st.lists(st.sampled_from(unit_ids), max_size=3, unique=True))
    vignettes.append(
        {
            "id": MOVEMENT_VIGNETTE,
            "name": "Vignette ZQVN3J",
            "kind": "movement",
            "start": "D+2 06:00",
            "end": "D+2 12:00",
            "units": movement_units,
            "objectives": some_objectives(),
            **_label_field(own),
        }
    )
    elements.append(
        Element(
            "vignette",
            MOVEMENT_VIGNETTE,
            own,
            own or top,
            (MOVEMENT_VIGNETTE, "Vignette ZQVN3J"),
            {"units": movement_units, "drill": None},
        )
    )

    # the MSEL
    parties = unit_ids + [c["id"] for c in controllers] + ["QZACTX"]
    injects = []
    for i in range(draw(st.integers(2, 5))):
        serial = f"QZI{i:02d}X"
        sender = draw(st.sampled_from(parties))
        recipients = draw(st.lists(st.sampled_from(parties), min_size=1, max_size=3, unique=True))
        controller = draw(st.sampled_from([None, *[c["id"] for c in controllers]]))
        texts = (serial, f"Synopsis ZQY{i:02d}J", f"Expected ZQE{i:02d}J", f"Notes ZQM{i:02d}J")
        own = child(top)
        injects.append(
            {
                "serial": serial,
                "time": f"D+3 {8 + i:02d}:00",
                "from": sender,
                "to": recipients,
                "method": "radio",
                "synopsis": texts[1],
                "expected_action": texts[2],
                "notes": texts[3],
                "objectives": some_objectives(),
                **({"controller": controller} if controller else {}),
                **_label_field(own),
            }
        )
        elements.append(
            Element("inject", serial, own, own or top, texts, {"sender": sender, "recipients": recipients})
        )

    # national waivers and fuel clearances between nations
    waivers, clearances = [], []
    for i in range(draw(st.integers(0, 2))):
        pair = draw(st.lists(st.sampled_from(nations), min_size=2, max_size=2, unique=True))
        note = f"Waiver note ZQW{i:02d}J"
        waivers.append({"domain": "voice", "nations": pair, "note": note})
        elements.append(Element("waiver", note, None, top, (note,), {"nations": pair}))
    for i in range(draw(st.integers(0, 2))):
        pair = draw(st.lists(st.sampled_from(nations), min_size=2, max_size=2, unique=True))
        source = f"Clearance source ZQL{i:02d}J"
        clearances.append(
            {"domain": "fuel", "provider": pair[0], "receiver": pair[1], "cleared": True, "source": source}
        )
        elements.append(Element("clearance", source, None, top, (source,), {"nations": pair}))

    data: dict[str, Any] = {
        "format_version": 1,
        "id": "QZEX1X",
        "name": "Exercise ZQXN1J",
        "type": "cpx",
        "host_nation": host,
        "start_date": "2027-06-01",
        "end_date": "2027-06-10",
        "label": top.marking,
        "area": {"boundary": [at(-300, -300), at(-300, 300), at(300, 300), at(300, -300)]},
        "participants": participants,
        "controllers": controllers,
        "actors": [{"id": "QZACTX", "name": "Role-played actor ZQAN1J"}],
        "units": units,
        "objectives": objectives,
        "vignettes": vignettes,
        "scenario": {
            "name": "Scenario ZQSC1J",
            "events": [
                {
                    "id": "QZEV1X",
                    "name": "Event ZQEN1J",
                    "incidents": [{"id": "QZIN1X", "name": "Incident ZQIN1J", "injects": injects}],
                }
            ],
        },
        "interoperability": {"waivers": waivers, "clearances": clearances},
    }

    # the evaluators' file
    objective_label = {e.key: e.effective for e in elements if e.kind == "objective"}
    serials = [i["serial"] for i in injects]
    observations = []
    for i in range(draw(st.integers(1, 5))):
        objective = draw(st.sampled_from(objective_ids))
        unit = draw(st.sampled_from([None, *unit_ids]))
        serial = draw(st.sampled_from([None, *serials]))
        observer = draw(st.sampled_from([f"Evaluator ZQEV{i:02d}J", *[c["id"] for c in controllers]]))
        text = f"Observation text ZQT{i:02d}J"
        own = draw(child_labels(objective_label[objective], nations))
        observation = {
            "time": f"D+4 {8 + i:02d}:00",
            "observer": observer,
            "objective": objective,
            "rating": draw(st.sampled_from("PSMU")),
            "text": text,
            **_label_field(own),
        }
        if unit:
            observation["unit"] = unit
        if serial:
            observation["inject"] = serial
        if objective_ids.index(objective) % len(metrics) == 3:
            observation["metric"], observation["value"] = "observer.readiness_rating", 3
        observations.append(observation)
        elements.append(
            Element(
                "observation",
                text,
                own,
                own or objective_label[objective],
                (text,),
                {"objective": objective, "unit": unit, "inject": serial, "observer": observer},
            )
        )
    actions = []
    for i in range(draw(st.integers(0, 3))):
        objective = draw(st.sampled_from([None, *objective_ids]))
        parent = objective_label[objective] if objective else top
        owner = draw(st.sampled_from(nations))
        text = f"Action text ZQX{i:02d}J"
        own = draw(child_labels(parent, nations))
        actions.append(
            {
                "action": text,
                "owner": owner,
                "due": "2027-09-30",
                **({"objective": objective} if objective else {}),
                **_label_field(own),
            }
        )
        elements.append(
            Element("action", text, own, own or parent, (text,), {"objective": objective, "owner": owner})
        )
    return Spec(data, {"observations": observations, "actions": actions}, nations, host, top, elements)


@dataclass
class Withheld:
    """What the oracle says of one reader's version."""

    reader: frozenset[str]
    refused: bool
    """The exercise label or the host's participation does not release to the reader."""
    elements: list[Element]
    nations: set[str]
    """Participants withheld: their codes must not appear outside markings."""
    optional: set[str]
    """Keys of vignettes that may be withheld or kept (nothing left to rehearse them with)."""

    def keys(self, kind: str) -> set[str]:
        return {e.key for e in self.elements if e.kind == kind}

    @property
    def texts(self) -> list[str]:
        return [t for e in self.elements for t in e.texts]


def oracle(spec: Spec, reader: str) -> Withheld:
    """What ``reader`` (a nation, or ALL: every participant) must not see of ``spec``."""
    nations = frozenset(spec.nations) if reader == "ALL" else frozenset({reader})
    withheld: list[Element] = []

    def may_see(lab: Lab) -> bool:
        return lab.releases_to(nations)

    gone_nations = {e.key for e in spec.of("participant") if not may_see(e.effective)}
    refused = not may_see(spec.top) or spec.host in gone_nations
    withheld += [e for e in spec.of("participant") if e.key in gone_nations]
    withheld += [e for e in spec.of("controller") if e.refs["nation"] in gone_nations]
    units = {e.key for e in spec.of("unit") if e.refs["nation"] in gone_nations or not may_see(e.effective)}
    withheld += [e for e in spec.of("unit") if e.key in units]
    objectives = {
        e.key
        for e in spec.of("objective")
        if not may_see(e.effective) or all(n in gone_nations for n in e.refs["owners"])
    }
    withheld += [e for e in spec.of("objective") if e.key in objectives]
    vignettes = {e.key for e in spec.of("vignette") if not may_see(e.effective)}
    optional = {
        e.key
        for e in spec.of("vignette")
        if e.refs["drill"] is not None and all(u in units for u in e.refs["drill"])
    } - vignettes
    withheld += [e for e in spec.of("vignette") if e.key in vignettes]
    withheld += [e for e in spec.of("asset") if e.refs["unit"] in units]
    controllers = {e.key for e in spec.of("controller") if e.refs["nation"] in gone_nations}
    gone_parties = units | controllers
    injects = {
        e.key
        for e in spec.of("inject")
        if not may_see(e.effective)
        or e.refs["sender"] in gone_parties
        or all(r in gone_parties for r in e.refs["recipients"])
    }
    withheld += [e for e in spec.of("inject") if e.key in injects]
    withheld += [
        e for e in spec.of("observation") if _observation_withheld(e, objectives, units, injects, may_see)
    ]
    withheld += [
        e
        for e in spec.of("action")
        if (e.refs["objective"] in objectives) or e.refs["owner"] in gone_nations or not may_see(e.effective)
    ]
    withheld += [
        e for kind in ("waiver", "clearance") for e in spec.of(kind) if set(e.refs["nations"]) & gone_nations
    ]
    return Withheld(nations, refused, withheld, gone_nations, optional)


def _observation_withheld(
    e: Element, objectives: set[str], units: set[str], injects: set[str], may_see: Any
) -> bool:
    return (
        e.refs["objective"] in objectives
        or e.refs["unit"] in units
        or e.refs["inject"] in injects
        or not may_see(e.effective)
    )


MARKING = re.compile(
    r"REL TO (?:NONE|[A-Z]{3}(?:, ?[A-Z]{3})*)"  # a banner marking
    r'|"releasable_to": *\[[^\]]*\]'  # a label as JSON (run files)
)
DATA_URI = re.compile(r"data:[a-z/+.-]+;base64,[A-Za-z0-9+/=]+")


def strip_markings(text: str) -> str:
    """The text without REL TO segments of markings and without embedded base64 images."""
    return MARKING.sub("REL TO ...", DATA_URI.sub("data:...", text))


def leaks(text: str, withheld: Withheld, allowed: Iterable[str] = ()) -> list[str]:
    """What of ``withheld`` appears in ``text``: texts of withheld elements, and codes or names of
    withheld nations outside markings. ``allowed`` are strings the reader typed (a requested id)."""
    plain = strip_markings(text)
    for word in allowed:
        plain = plain.replace(word, "")
    found = [t for t in withheld.texts if t in plain]
    own = withheld.reader if len(withheld.reader) == 1 else frozenset()  # the reader's own code: typed
    found += [
        n for n in sorted(withheld.nations - own) if re.search(rf"(?<![A-Za-z0-9]){n}(?![A-Za-z0-9])", plain)
    ]
    return found
