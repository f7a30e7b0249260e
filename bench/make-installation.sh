#!/usr/bin/env bash
# A serve 0.1.0 installation for the benchmarks: two weight files of random bytes and request records.
# Usage: bench/make-installation.sh FOLDER [WEIGHT_MB_PER_FILE] (default 1024: 2 GB) [RECORDS_MB] (default 70)
set -euo pipefail
seed=$1
weight_mb=${2:-1024}
records_mb=${3:-70}
mkdir -p "$seed/config" "$seed/data" "$seed/models/big"
printf '0.1.0\n' > "$seed/VERSION"
printf 'host = "0.0.0.0"\nport = 8080\nmodel_dir = "models"\nmax_batch = 8\nlog_level = "info"\n' > "$seed/config/server.toml"
head -c $((weight_mb * 1024 * 1024)) /dev/urandom > "$seed/models/big/model-00001-of-00002.safetensors"
head -c $((weight_mb * 1024 * 1024)) /dev/urandom > "$seed/models/big/model-00002-of-00002.safetensors"
printf '{"hidden":4096}\n' > "$seed/models/big/config.json"
python3 - "$seed/data/requests.jsonl" "$records_mb" <<'PY'
import sys
out, mb = sys.argv[1], int(sys.argv[2])
with open(out, "w") as fh:
    size = i = 0
    while size < mb * 1000 * 1000:
        i += 1
        line = ('{"id":"req-%d","model":"big","ts":%d.%03d,"latency_ms":%d,"prompt_tokens":%d,"completion_tokens":%d,'
                '"client_ip":"10.1.2.3","api_key":"sk-%08x"}\n' % (i, 1700000000 + i, i % 1000, 50 + i % 900, i % 300, 1 + i % 500, i))
        fh.write(line)
        size += len(line)
PY
sync
