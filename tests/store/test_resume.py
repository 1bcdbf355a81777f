"""``marsad ingest`` killed with SIGKILL in the middle of a batch, then run again: every article
is stored exactly once and the database is intact."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from marsad.store import open_store

WORDS = ["قصفت", "الطائرات", "مواقع", "في", "ريف", "حلب", "وقالت", "مصادر", "محلية", "إن", "القصف",
         "أسفر", "عن", "سقوط", "قتلى", "وجرحى", "بين", "المدنيين", "وأعلن", "الجيش", "السيطرة", "على", "بلدة"]


def _corpus(path, n: int) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            words = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(60)]
            text = f"خبر رقم {i}. " + " ".join(words) + "."
            fh.write(json.dumps({"id": f"k{i}", "title": f"خبر {i}", "text": text, "source": f"outlet{i % 5}",
                                 "date": "2016-03-10", "url": f"http://kill.test/{i}"}, ensure_ascii=False) + "\n")


def _count(db: str) -> int:
    try:
        conn = sqlite3.connect(db, timeout=5)
        try:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_sigkill_mid_batch_then_rerun_stores_every_article_once(tmp_path):
    n, batch = 1200, 50
    src = tmp_path / "news.jsonl"
    db = str(tmp_path / "kill.sqlite")
    _corpus(src, n)
    cmd = [sys.executable, "-m", "marsad.cli", "ingest", str(src), "--db", db, "--batch-size", str(batch),
           "--stages", "segment", "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=dict(os.environ))
    deadline = time.monotonic() + 60
    while _count(db) < 2 * batch and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    time.sleep(0.05)  # inside a later batch: reading and segmenting, or writing it
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    interrupted = _count(db)
    assert 2 * batch <= interrupted < n, "the kill must land in the middle of the run"
    assert interrupted % batch == 0, "a batch is committed whole or not at all"

    again = subprocess.run(cmd + ["--json"], capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    summary = json.loads(again.stdout)
    assert summary["already_present"] == interrupted
    assert summary["stored"] == n - interrupted
    with open_store(db) as store:
        assert store.integrity_ok()
        assert store.scalar("SELECT COUNT(*) FROM articles") == n
        assert store.scalar("SELECT COUNT(DISTINCT url) FROM articles") == n
        assert store.scalar("SELECT COUNT(DISTINCT hash) FROM articles") == n
        assert store.scalar("SELECT COUNT(*) FROM articles_fts") == n
