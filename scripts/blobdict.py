#!/usr/bin/python3
"""Builds a dictionary for the store's packed blobs (store/blobpack.go).

The dictionary is the text a stored decision repeats from the rules: the
reasons' articles and messages, the time limits' extensions, the provinces'
small-claims limits. It is built once per dictionary id and then frozen: a
packed blob names its dictionary, so a dictionary that is already in use is
never rebuilt or edited (TestBlobDictionariesFrozen pins each one's SHA-256);
new rule texts go into a new id.

    go run ./cmd/triagectl score -local -in <(cat /work/shared/real/*.jsonl) -out decided.jsonl
    scripts/blobdict.py -decided decided.jsonl -rules rules/default_rules.json > store/blobdicts/v1.txt

Which strings: every string of the decisions (protobuf JSON) that at least
two decisions carry (so no filing's own ids, names or text), ordered from
the fewest decisions to the most, so the texts nearly every decision carries
are nearest the end of the dictionary; and, before them, the statistic and
source of each province's latest small-claims limit (a decision carries its
province's). One string per line.
"""
import argparse
import collections
import json
import sys


def strings(v, out):
    if isinstance(v, str):
        out.add(v)
    elif isinstance(v, list):
        for x in v:
            strings(x, out)
    elif isinstance(v, dict):
        for x in v.values():
            strings(x, out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-decided", required=True)
    ap.add_argument("-rules", required=True)
    ap.add_argument("-max", type=int, default=60000, help="bytes of UTF-8 at most")
    a = ap.parse_args()
    count = collections.Counter()
    with open(a.decided, encoding="utf-8") as f:
        for line in f:
            seen = set()
            strings(json.loads(line), seen)
            for s in seen:
                if len(s.encode()) >= 4:
                    count[s] += 1
    common = sorted((s for s, n in count.items() if n >= 2), key=lambda s: (count[s], s))
    with open(a.rules, encoding="utf-8") as f:
        rules = json.load(f)
    latest = {}
    for e in rules["small_claims_limits"]:
        p = e["province"]
        if p not in latest or e["effective_from"] > latest[p]["effective_from"]:
            latest[p] = e
    limits = []
    for p in sorted(latest):
        for k in ("statistic", "source"):
            s = latest[p].get(k)
            if s and s not in count or (s and count[s] < 2):
                limits.append(s)
    lines = limits + common
    size = 0
    keep = []
    for s in reversed(lines):  # the most frequent first, until the budget
        n = len(s.encode()) + 1
        if size + n > a.max:
            break
        keep.append(s)
        size += n
    sys.stdout.write("".join(s + "\n" for s in reversed(keep)))


if __name__ == "__main__":
    main()
