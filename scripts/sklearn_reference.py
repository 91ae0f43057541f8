#!/usr/bin/python3
"""scikit-learn reference for fenjian's complexity classifier.

Trains a plain, well-understood text classifier on the same labelled JSONL
that `triagectl train` / `triagectl eval` read (one protojson LabeledFiling
per line, as in api/fenjian/triage/v1/triage.proto) and prints the same metric fields as
`triagectl eval` (accuracy, macro_f1, per_class, confusion, ordinary_recall),
so a trained golearn model has an outside yardstick.

Model: TF-IDF of character n-grams of filing.text (analyzer='char', 1-2 by
default, -ngram 3 for 1-3) + one-hot of cause, case_kind and court_level + the
log of the claimed amount in yuan (-features full adds the province, every
circumstance flag and the party counts and flags), scaled by MaxAbsScaler,
into LogisticRegression(class_weight='balanced'). Its predictions are plain argmax:
unlike `triagectl eval` they are NOT restricted to the procedures the rules
allow and do not lean to ordinary, so compare with care.

Held-out split (the same rule as evaluation.HeldOut in Go, which
`triagectl train` and `triagectl eval -holdout F` use): a record is held out
for evaluation iff

    fnv1a_64(filing.id as UTF-8 bytes) % 1000 < floor(F * 1000 + 0.5)

where fnv1a_64 starts from 0xcbf29ce484222325 and, for each byte b, does
h ^= b; h = (h * 0x100000001b3) mod 2**64. Records without a label are
skipped; unparsable lines are counted and skipped.

Usage (Debian's python3 with python3-sklearn; no pip):
    scripts/sklearn_reference.py -data corpus.jsonl [-holdout 0.2] [-ngram 2]
    scripts/sklearn_reference.py -train train.jsonl -test test.jsonl
    scripts/sklearn_reference.py -data corpus.jsonl -holdout 0.2 -list-heldout
The last form prints the ids of the held-out records, one per line, and
needs no scikit-learn (tests use it to check both languages split alike).
"""

import argparse
import json
import math
import sys

FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3
MASK64 = (1 << 64) - 1

# Procedure enum of fenjian.triage.v1, in number order.
PROCEDURES = [
    "PROCEDURE_UNSPECIFIED",
    "PROCEDURE_SMALL_CLAIMS",
    "PROCEDURE_SIMPLIFIED",
    "PROCEDURE_ORDINARY",
    "PROCEDURE_FAST_TRACK",
]
ORDINARY = "PROCEDURE_ORDINARY"


def fnv1a_64(data: bytes) -> int:
    h = FNV_OFFSET
    for b in data:
        h ^= b
        h = (h * FNV_PRIME) & MASK64
    return h


def held_out(filing_id: str, fraction: float) -> bool:
    """The split rule of evaluation.HeldOut."""
    if not fraction > 0:
        return False
    if fraction >= 1:
        return True
    return fnv1a_64(filing_id.encode("utf-8")) % 1000 < math.floor(fraction * 1000 + 0.5)


def procedure_name(v):
    """protojson writes enum names; numbers are accepted too."""
    if isinstance(v, int):
        return PROCEDURES[v] if 0 <= v < len(PROCEDURES) else None
    return v if v in PROCEDURES else None


def read_jsonl(path):
    """Returns (records, counts). A record is (filing dict, label name)."""
    records = []
    counts = {"lines": 0, "invalid": 0, "unlabeled": 0}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            counts["lines"] += 1
            try:
                obj = json.loads(line)
            except ValueError:
                counts["invalid"] += 1
                continue
            if not isinstance(obj, dict):
                counts["invalid"] += 1
                continue
            filing = obj.get("filing")
            if filing is None:  # a bare Filing: no label
                counts["unlabeled"] += 1
                continue
            label = procedure_name(obj.get("label", "PROCEDURE_UNSPECIFIED"))
            if label is None:
                counts["invalid"] += 1
                continue
            if label == "PROCEDURE_UNSPECIFIED":
                counts["unlabeled"] += 1
                continue
            records.append((filing, label))
    return records, counts


def text_of(filing):
    return filing.get("text", "")


def structured(filing, full=False):
    """One-hot categoricals (DictVectorizer turns string values into
    indicator columns) and the log amount in yuan; with full, also the
    province, every stated circumstance and the party structure."""
    amount_fen = int(filing.get("claim_amount_fen", 0) or 0)
    d = {
        "cause": filing.get("cause", ""),
        "case_kind": str(filing.get("case_kind", "CASE_KIND_UNSPECIFIED")),
        "court_level": str(filing.get("court_level", "COURT_LEVEL_UNSPECIFIED")),
        "log_amount_yuan": math.log1p(max(amount_fen, 0) / 100.0),
    }
    if not full:
        return d
    d["province"] = filing.get("province", "")
    for k, v in (filing.get("circumstances") or {}).items():
        if isinstance(v, bool):
            d["c_" + k] = float(v)
        elif isinstance(v, (int, float)):
            d["c_" + k] = math.log1p(max(float(v), 0))
    for p in filing.get("parties") or []:
        role = str(p.get("role", "PARTY_ROLE_UNSPECIFIED"))
        d["n_" + role] = d.get("n_" + role, 0.0) + 1
        for flag in ("whereabouts_unknown", "foreign", "minor", "impaired"):
            if p.get(flag):
                d["any_" + flag] = 1.0
    for k in list(d):
        if k.startswith("n_"):
            d[k] = math.log1p(d[k])
    return d


def metrics(y_true, y_pred):
    """The metric fields of `triagectl eval`, computed with scikit-learn."""
    from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support

    present = set(y_true) | set(y_pred)
    labels = [p for p in PROCEDURES if p in present]
    precision, recall, f1, support = precision_recall_fscore_support(
        y_true, y_pred, labels=labels, zero_division=0)
    cm = confusion_matrix(y_true, y_pred, labels=labels)
    per_class = []
    for i, p in enumerate(labels):
        per_class.append({
            "procedure": p,
            "precision": float(precision[i]),
            "recall": float(recall[i]),
            "f1": float(f1[i]),
            "support": int(support[i]),
            "predicted": int(cm[:, i].sum()),
        })
    out = {
        "accuracy": float(accuracy_score(y_true, y_pred)),
        "macro_f1": float(sum(c["f1"] for c in per_class) / len(per_class)) if per_class else 0.0,
        "ordinary_recall": 0.0,
        "ordinary_missed": 0,
        "per_class": per_class,
        "confusion": {"labels": labels, "matrix": cm.tolist()},
    }
    if ORDINARY in labels:
        i = labels.index(ORDINARY)
        out["ordinary_recall"] = per_class[i]["recall"]
        out["ordinary_missed"] = int(per_class[i]["support"] - cm[i, i])
    return out


def train_and_predict(train, test, ngram, full):
    import numpy as np
    import scipy.sparse as sp
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import MaxAbsScaler

    tfidf = TfidfVectorizer(analyzer="char", ngram_range=(1, ngram), min_df=2, sublinear_tf=True, dtype=np.float64)
    dv = DictVectorizer()
    scaler = MaxAbsScaler()

    def features(records, fit):
        texts = [text_of(f) for f, _ in records]
        dicts = [structured(f, full) for f, _ in records]
        if fit:
            x = sp.hstack([tfidf.fit_transform(texts), dv.fit_transform(dicts)]).tocsr()
            return scaler.fit_transform(x)
        x = sp.hstack([tfidf.transform(texts), dv.transform(dicts)]).tocsr()
        return scaler.transform(x)

    x_train = features(train, True)
    x_test = features(test, False)
    y_train = [label for _, label in train]
    clf = LogisticRegression(class_weight="balanced", max_iter=3000)
    clf.fit(x_train, y_train)
    return list(clf.predict(x_test)), x_train.shape[1], int(clf.n_iter_.max())


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-data", help="labelled JSONL to split with -holdout")
    ap.add_argument("-holdout", type=float, default=0.2, help="held-out fraction of -data (default 0.2)")
    ap.add_argument("-train", help="labelled JSONL to train on (with -test, instead of -data)")
    ap.add_argument("-test", help="labelled JSONL to evaluate on")
    ap.add_argument("-ngram", type=int, default=2, choices=[2, 3], help="character n-grams 1..N (default 2)")
    ap.add_argument("-features", default="basic", choices=["basic", "full"],
                    help="basic: text, cause, case kind, court level, amount (default); "
                         "full: also province, circumstances and parties")
    ap.add_argument("-list-heldout", action="store_true", help="print the held-out ids of -data and stop")
    args = ap.parse_args(argv)

    if args.data and (args.train or args.test):
        ap.error("give -data, or -train and -test, not both")
    if not args.data and not (args.train and args.test):
        ap.error("give -data FILE, or -train FILE and -test FILE")
    if not 0 <= args.holdout <= 1:
        ap.error("-holdout must be between 0 and 1")
    if args.list_heldout and not args.data:
        ap.error("-list-heldout needs -data")

    if args.data:
        records, counts = read_jsonl(args.data)
        if args.list_heldout:
            for f, _ in records:
                if held_out(f.get("id", ""), args.holdout):
                    print(f.get("id", ""))
            return 0
        test = [r for r in records if held_out(r[0].get("id", ""), args.holdout)]
        train = [r for r in records if not held_out(r[0].get("id", ""), args.holdout)]
        data = {"path": args.data, "holdout": args.holdout}
    else:
        train, train_counts = read_jsonl(args.train)
        test, counts = read_jsonl(args.test)
        counts = {k: counts[k] + train_counts[k] for k in counts}
        data = {"train": args.train, "test": args.test}
    if not train or not test:
        print(f"need labelled records on both sides: {len(train)} to train, {len(test)} to test", file=sys.stderr)
        return 1
    if len({label for _, label in train}) < 2:
        print("the training records have fewer than two labels", file=sys.stderr)
        return 1

    import sklearn

    y_pred, n_features, n_iter = train_and_predict(train, test, args.ngram, args.features == "full")
    y_true = [label for _, label in test]
    report = {
        "model": f"sklearn-logreg-char1{args.ngram}-{args.features}",
        "sklearn_version": sklearn.__version__,
        "features": n_features,
        "iterations": n_iter,
        "data": data,
        "counts": dict(counts, train=len(train), evaluated=len(test)),
    }
    report.update(metrics(y_true, y_pred))
    json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
