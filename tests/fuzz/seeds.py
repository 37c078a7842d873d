#!/usr/bin/env python3
"""Seed corpora for the libFuzzer harnesses, cut from the real corpora in ../shared/data.

Usage: seeds.py DATA_DIR OUT_DIR
Writes OUT_DIR/<harness>/<n> files: a few records of every JSON Lines file, as JSON Lines, a
JSON array, CSV, TSV and plain text (string values cut to 300 characters so that a seed stays
within libFuzzer's input length), their texts for the text harnesses, and a template plus a
record for the field mapping. Deterministic: the same data gives the same seeds.
"""
import csv
import io
import json
import pathlib
import sys

RECORDS_PER_FILE = 3
CUT = 300


def cut(value):
    if isinstance(value, str):
        return value[:CUT]
    if isinstance(value, dict):
        return {k: cut(v) for k, v in value.items()}
    if isinstance(value, list):
        return [cut(v) for v in value[:5]]
    return value


def cell(value):
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def table(records, delimiter):
    header = []
    for r in records:
        header += [k for k in r if k not in header]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for r in records:
        writer.writerow([cell(r.get(k, "")) for k in header])
    return out.getvalue()


def texts(records):
    return [v for r in records for v in r.values() if isinstance(v, str) and v.strip()]


def main():
    data, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    seeds = {}

    def add(harness, text):
        # surrogatepass: a lone surrogate escaped in the data stays a (malformed) seed
        seeds.setdefault(harness, []).append(text.encode("utf-8", "surrogatepass"))

    for path in sorted(data.rglob("*.jsonl")):
        records = []
        with path.open(encoding="utf-8-sig", errors="replace") as f:
            for line in f:
                if len(records) == RECORDS_PER_FILE:
                    break
                try:
                    value = json.loads(line)
                except ValueError:  # blank or malformed lines are not seeds
                    continue
                if isinstance(value, dict) and value:
                    records.append(cut(value))
        if not records:
            continue
        lines = [json.dumps(r, ensure_ascii=False) for r in records]
        add("fuzz_read_jsonl", "\n".join(lines) + "\n")
        add("fuzz_read_json", json.dumps(records, ensure_ascii=False, indent=1))
        add("fuzz_read_csv", table(records, ","))
        add("fuzz_read_tsv", table(records, "\t"))
        ts = texts(records)
        add("fuzz_read_text", "\n".join(t.replace("\n", " ") for t in ts) + "\n")
        keys = list(records[0])
        add("fuzz_field_mapping", "{%s}: {%s}\n" % (keys[0], keys[-1]) + lines[0])
        for t in ts[:2]:
            add("fuzz_tokenizer", t)
            add("fuzz_skeleton", t)
        # Shingle length 3, the lines twice over: near-duplicate groups to find.
        add("fuzz_minhash", "\x02" + "\n".join(t.replace("\n", " ") for t in ts[:3] * 2))

    for harness, files in seeds.items():
        folder = out / harness
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("seed-*"):
            old.unlink()
        for i, content in enumerate(files):
            (folder / f"seed-{i:03d}").write_bytes(content)
    print(f"seeds: {sum(map(len, seeds.values()))} files for {len(seeds)} harnesses in {out}")


if __name__ == "__main__":
    main()
