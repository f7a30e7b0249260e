#!/usr/bin/env python3
"""The peer of `migrate data --from 0.1.0 --to 2.1.0` for bench/peers.sh: the same transform of the serve records
with the standard json module, as a user would script it. Every *.jsonl file under FOLDER is rewritten in place
(a temporary file renamed over it), one record a line.

Usage: bench/peer-serve.py FOLDER

The transform is the one of the built-in serve data rules (rules-builtin DataRules), fused into one function:
- ts (Unix seconds) becomes timestamp, RFC 3339 UTC, in its place: whole seconds for an integer, milliseconds
  rounded half-up for a number with a fraction (1700000000.5 -> 2023-11-14T22:13:20.500Z); null stays null;
- prompt_tokens and completion_tokens move into a usage object made where the first of them stood;
- latency_ms moves into a metrics object made where it stood, with tokens_per_second = completion_tokens /
  (latency_ms / 1000) rounded half-up to two decimals and written with both (120.00), null when either is missing
  or latency is 0 (metrics is added at the end when there is no latency_ms);
- api_key becomes api_key_fingerprint in its place: the first 12 hex characters of the SHA-256 of its UTF-8 bytes;
- schema_version 3, in its place when set, else at the end.
Output is compact JSON in UTF-8. On the generated records of bench/gen-records.py the bytes are the same as
migrate's (peers.sh checks that). Unlike migrate it does not keep the bytes of untouched values (escapes, number
spellings, spacing), check the records against the schema, nor handle the collisions the rules warn about.
"""
import hashlib
import json
import os
import sys
import time
from decimal import Decimal, ROUND_HALF_UP

SPEED = "\u0000tokens_per_second\u0000"  # stands for the number literal json.dumps cannot write (two decimals)
SPEED_JSON = json.dumps(SPEED)
CENT = Decimal("0.01")


def timestamp(ts):
    if ts is None:
        return None
    if isinstance(ts, int):
        return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ts)) + "Z"
    millis = int((Decimal(ts) * 1000).quantize(Decimal(1), ROUND_HALF_UP))
    seconds, ms = divmod(millis, 1000)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + ".%03dZ" % ms


def speed(completion, latency):
    numbers = (int, Decimal)
    if not isinstance(completion, numbers) or not isinstance(latency, numbers) or isinstance(completion, bool) \
            or isinstance(latency, bool) or latency == 0:
        return None
    return str((Decimal(completion) * 1000 / Decimal(latency)).quantize(CENT, ROUND_HALF_UP))


def fingerprint(key):
    if key is None:
        return None
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def migrate(record):
    out = {}
    usage = metrics = None
    for name, value in record.items():
        if name == "ts":
            out["timestamp"] = timestamp(value)
        elif name in ("prompt_tokens", "completion_tokens"):
            if usage is None:
                usage = out.setdefault("usage", {})
        elif name == "latency_ms":
            metrics = out.setdefault("metrics", {})
            metrics["latency_ms"] = value
        elif name == "api_key":
            out["api_key_fingerprint"] = fingerprint(value)
        else:
            out[name] = value
    if usage is not None:
        for name in ("prompt_tokens", "completion_tokens"):
            if name in record:
                usage[name] = record[name]
    if metrics is None:
        metrics = out.setdefault("metrics", {})
    literal = speed(record.get("completion_tokens"), record.get("latency_ms"))
    metrics["tokens_per_second"] = SPEED if literal else None
    out["schema_version"] = 3
    line = json.dumps(out, ensure_ascii=False, separators=(",", ":"), default=float)
    return line.replace(SPEED_JSON, literal) if literal else line


def migrate_file(path):
    temporary = path + ".peer-partial"
    with open(path, "r", encoding="utf-8", newline="\n") as source, \
            open(temporary, "w", encoding="utf-8", newline="\n") as target:
        for line in source:
            ended = line.endswith("\n")
            text = line.rstrip("\r\n")
            if text.strip(" \t"):
                target.write(migrate(json.loads(text, parse_float=Decimal)))
            if ended:
                target.write("\n")
    os.replace(temporary, path)


def main():
    folder = sys.argv[1]
    for root, _, names in sorted(os.walk(folder)):
        for name in sorted(names):
            if name.endswith(".jsonl"):
                migrate_file(os.path.join(root, name))


if __name__ == "__main__":
    main()
