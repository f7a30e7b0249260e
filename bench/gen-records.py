#!/usr/bin/env python3
"""Writes about MB megabytes of 0.1.0 serve records into 8 JSONL files of a folder.

Usage: bench/gen-records.py FOLDER MB
       bench/gen-records.py --installation FOLDER MB   (FOLDER/data plus VERSION 0.1.0; kept when complete)

The records have the 0.1.0 shape (id, model, ts, latency_ms, prompt_tokens, completion_tokens,
client_ip, api_key); every third ts has a fraction. The output depends only on MB.
"""
import os
import shutil
import sys


def installation(folder, mb):
    """A 0.1.0 installation of the records; one made before (marked .complete) is reused."""
    if os.path.exists(os.path.join(folder, ".complete")):
        return
    print(f"generating {mb} MB of 0.1.0 records in 8 files ...", file=sys.stderr)
    shutil.rmtree(folder, ignore_errors=True)
    records(os.path.join(folder, "data"), mb)
    with open(os.path.join(folder, "VERSION"), "w") as fh:
        fh.write("0.1.0\n")
    open(os.path.join(folder, ".complete"), "w").close()


def main():
    if sys.argv[1] == "--installation":
        installation(sys.argv[2], int(sys.argv[3]))
    else:
        records(sys.argv[1], int(sys.argv[2]))


def records(out, mb):
    os.makedirs(out, exist_ok=True)
    target = mb * 1000 * 1000 // 8
    for f in range(8):
        with open(os.path.join(out, f"requests-{f}.jsonl"), "w", encoding="utf-8") as fh:
            size, i = 0, 0
            while size < target:
                i += 1
                ts = 1700000000 + i if i % 3 else f"{1700000000 + i}.{i % 1000:03d}"
                line = ('{"id":"req-%d-%d","model":"llama-7b","ts":%s,"latency_ms":%d,"prompt_tokens":%d,'
                        '"completion_tokens":%d,"client_ip":"10.1.%d.%d","api_key":"sk-%08x"}\n'
                        % (f, i, ts, 50 + i % 900, 5 + i % 200, 10 + i % 400, i % 255, f, i))
                fh.write(line)
                size += len(line)


if __name__ == "__main__":
    main()
