"""The quality gate: every pinned floor against the figure measured on ../shared, the gate
failing on a deliberately lowered figure, and floors that only rise."""

from __future__ import annotations

import json
import subprocess

import pytest

from marsad.cli import main
from marsad.errors import EvaluationError
from marsad.evaluate import gate


# -- the gate itself, on the shared data ----------------------------------------------------------
def test_every_floor_holds(shared, nlp):
    checks = gate.run_gate(shared, gate.FLOORS_FILE, pipeline=nlp)
    assert checks, "quality/floors.json pins no floor"
    failed = [f"{c.name}: {c.value} < floor {c.floor} {c.note}" for c in checks if not c.ok]
    assert not failed, "quality gate failed:\n" + "\n".join(failed)


def test_gate_fails_when_the_pipeline_loses_events(shared, nlp, tmp_path):
    """A deliberately degraded coder (every other event dropped) brings the seed figures below
    their floors, and the gate, run exactly as CI runs it, refuses it."""

    def degraded(doc):
        doc = nlp(doc)
        doc.events = doc.events[::2]
        return doc

    floors = {k: v for k, v in gate.load_floors().items() if k.startswith("seed.")}
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"floors": floors}), "utf-8")
    assert all(c.ok for c in gate.run_gate(shared, path, pipeline=nlp))
    failed = [c.name for c in gate.run_gate(shared, path, pipeline=degraded) if not c.ok]
    assert "seed.events.f1" in failed and "seed.coded.f1" in failed


# -- the gate's logic, pure ----------------------------------------------------------------------
def test_a_lowered_figure_fails_and_an_unmeasured_one_too(tmp_path):
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"floors": {"dev.events.f1": 0.5, "gsr.assault.f1": 0.3,
                                           "ner.anercorp_test.f1": 0.7}}), "utf-8")
    floors = gate.load_floors(path)
    good = {"dev.events.f1": 0.52, "gsr.assault.f1": 0.3, "ner.anercorp_test.f1": 0.8}
    assert all(c.ok for c in gate.check(good, floors))
    lowered = dict(good, **{"dev.events.f1": 0.49})
    checks = gate.check(lowered, floors)
    assert [c.name for c in checks if not c.ok] == ["dev.events.f1"]
    missing = {k: v for k, v in good.items() if not k.startswith("ner.")}
    checks = gate.check(missing, floors, {"ner": "no model"})
    bad = [c for c in checks if not c.ok]
    assert [c.name for c in bad] == ["ner.anercorp_test.f1"] and bad[0].note == "no model"


def test_gate_command_exits_1_when_a_floor_is_not_met(tmp_path, capsys):
    empty_shared = tmp_path / "shared"
    empty_shared.mkdir()
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"floors": {"dev.events.f1": 0.5}}), "utf-8")
    assert main(["eval", "gate", "--shared", str(empty_shared), "--floors", str(path)]) == 1
    out = capsys.readouterr().out
    assert "FAIL" in out and "dev.events.f1" in out and "gate FAILED" in out


def test_floors_file_is_checked(tmp_path):
    for bad in ({"floors": {"no.such.figure": 0.5}}, {"floors": {"dev.events.f1": 1.5}},
                {"floors": {"dev.events.f1": "high"}}, {"dev.events.f1": 0.5}):
        path = tmp_path / "floors.json"
        path.write_text(json.dumps(bad), "utf-8")
        with pytest.raises(EvaluationError):
            gate.load_floors(path)


def test_lowered_floors_are_found_and_must_be_explained():
    old = {"dev.events.f1": 0.5, "gsr.assault.f1": 0.3}
    assert gate.lowered(old, {"dev.events.f1": 0.55, "gsr.assault.f1": 0.3}) == []
    changes = gate.lowered(old, {"dev.events.f1": 0.45})
    assert changes == ["dev.events.f1: floor 0.5 lowered to 0.45", "gsr.assault.f1: floor 0.3 removed"]
    assert not gate.lowering_explained("Tune the coder", changes)
    assert not gate.lowering_explained("x\n\nfloor-lowered: dev.events.f1 — new gold", changes)
    assert gate.lowering_explained(
        "Re-annotate dev\n\nfloor-lowered: dev.events.f1 — the new gold is stricter\n"
        "floor-lowered: gsr.assault.f1 — GSR files replaced", changes)


# -- floors only rise, in this repository's history -----------------------------------------------
def _git(*args: str) -> str | None:
    try:
        proc = subprocess.run(["git", *args], cwd=gate.REPO, capture_output=True, text=True,
                              timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout if proc.returncode == 0 else None


def test_floors_only_rise():
    rel = str(gate.FLOORS_FILE.relative_to(gate.REPO))
    commits = _git("log", "--format=%H", "-n", "50", "--", rel)
    if commits is None or not commits.split():
        pytest.skip("quality/floors.json has no git history here")
    commits = commits.split()
    versions = [gate.parse_floors(json.loads(_git("show", f"{c}:{rel}") or "null"), f"{c[:10]}:{rel}")
                for c in commits]
    # the working copy against the last committed floors
    changes = gate.lowered(versions[0], gate.load_floors())
    assert not changes, ("uncommitted floors are lower than committed ones; commit them with "
                         "'floor-lowered: NAME — why' lines:\n" + "\n".join(changes))
    # each committed change to the floors against the version before it
    for commit, new, old in zip(commits, versions, versions[1:]):
        changes = gate.lowered(old, new)
        message = _git("log", "-1", "--format=%B", commit) or ""
        assert gate.lowering_explained(message, changes), (
            f"commit {commit[:10]} lowers floors without saying why:\n" + "\n".join(changes))
