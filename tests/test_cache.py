"""kgraph.cache: entries under the hash of their input; a bad entry is a miss, never a crash."""

from __future__ import annotations

import os
import threading
import time

import pytest

from kgraph import cache


@pytest.fixture
def store(tmp_path):
    return cache.Cache(tmp_path / "c")


def test_round_trip_and_miss(store):
    key = cache.digest("a", 1)
    assert store.get(key) is cache.MISS
    store.put(key, {"quads": b"<a> <b> <c> .\n", "n": 3})
    assert store.get(key) == {"quads": b"<a> <b> <c> .\n", "n": 3}
    assert (store.hits, store.misses) == (1, 1)


def test_digest_is_stable_and_separates_parts():
    assert cache.digest("ab", "c") == cache.digest("ab", "c")
    assert cache.digest("ab", "c") != cache.digest("a", "bc")  # lengths are part of the key
    assert cache.digest(b"x") == cache.digest("x")


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # truncated (a killed writer on a filesystem without atomic rename)
        lambda b: b[:-3] + b"xyz",  # payload changed
        lambda b: b"garbage",  # not an entry
        lambda b: b"",  # empty file
        lambda b: b.replace(b"kgraph-cache-1", b"kgraph-cache-0"),  # another format version
    ],
)
def test_a_damaged_entry_is_a_miss_and_is_removed(store, damage):
    key = cache.digest("k")
    store.put(key, list(range(1000)))
    path = store._path(key)
    path.write_bytes(damage(path.read_bytes()))
    assert store.get(key) is cache.MISS
    assert not path.exists()
    store.put(key, [1])
    assert store.get(key) == [1]


def test_an_entry_under_another_key_is_a_miss(store):
    a, b = cache.digest("a"), cache.digest("b")
    store.put(a, "A")
    store._path(b).parent.mkdir(parents=True, exist_ok=True)
    store._path(b).write_bytes(store._path(a).read_bytes())  # copied under the wrong name
    assert store.get(b) is cache.MISS


def test_unpicklable_payload_is_a_miss(store):
    key = cache.digest("p")
    payload = b"\x80\x05\x95not a pickle"
    import hashlib

    frame = cache.MAGIC + key.encode() + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload
    store._path(key).parent.mkdir(parents=True)
    store._path(key).write_bytes(frame)
    assert store.get(key) is cache.MISS


def test_concurrent_writers_leave_a_whole_entry(store):
    key = cache.digest("shared")
    value = ["x" * 1000] * 200

    def write():
        for _ in range(20):
            store.put(key, value)

    threads = [threading.Thread(target=write) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.get(key) == value
    assert not list(store.root.glob("*/.tmp-*"))


def test_unwritable_cache_is_skipped(tmp_path):
    root = tmp_path / "ro"
    root.mkdir()
    root.chmod(0o500)
    try:
        c = cache.Cache(root / "sub")
        c.put(cache.digest("k"), 1)  # no error
        if os.geteuid() != 0:  # root writes anyway
            assert c.get(cache.digest("k")) is cache.MISS
    finally:
        root.chmod(0o700)


def test_prune_removes_entries_unused_for_days(store):
    old, new = cache.digest("old"), cache.digest("new")
    store.put(old, 1)
    store.put(new, 2)
    past = time.time() - 30 * 86400
    os.utime(store._path(old), (past, past))
    assert store.prune(keep_days=7) == 1
    assert store.get(old) is cache.MISS and store.get(new) == 2


def test_a_hit_keeps_its_entry_fresh(store):
    key = cache.digest("used")
    store.put(key, 1)
    past = time.time() - 30 * 86400
    os.utime(store._path(key), (past, past))
    assert store.get(key) == 1
    assert store.prune(keep_days=7) == 0


def test_no_cache_keeps_nothing():
    c = cache.NoCache()
    c.put("ab" * 32, 1)
    assert c.get("ab" * 32) is cache.MISS


def test_code_version_covers_the_package_and_is_stable():
    v = cache.code_version()
    assert len(v) == 32 and v == cache.code_version()
