# The jq peer of `migrate data --from 0.1.0 --to 2.1.0` for bench/peers.sh (run with jq -c per file): the transform
# of bench/peer-serve.py, except that jq has no SHA-256, so api_key_fingerprint is the first 12 characters of the
# key's base64 (a stand-in of the same shape), and jq writes numbers as doubles (215.69, but 120 for 120.00).
def stamp:
  if type != "number" then .
  elif . == floor then todate
  else (. * 1000 | round) as $m
    | (($m / 1000 | floor) | todate | .[0:19]) + "." + ((($m % 1000) + 1000) | tostring | .[1:]) + "Z"
  end;
def speed($completion; $latency):
  if ($completion | type) == "number" and ($latency | type) == "number" and $latency != 0
  then ($completion * 100000 / $latency | round) / 100 else null end;
. as $r
| reduce to_entries[] as $e ({};
    if $e.key == "ts" then . + {timestamp: ($e.value | stamp)}
    elif $e.key == "prompt_tokens" or $e.key == "completion_tokens" then
      if has("usage") then . else . + {usage: ({prompt_tokens: $r.prompt_tokens, completion_tokens: $r.completion_tokens}
        | with_entries(select(.key as $k | $r | has($k))))} end
    elif $e.key == "latency_ms" then . + {metrics: {latency_ms: $e.value}}
    elif $e.key == "api_key" then . + {api_key_fingerprint: ($e.value | if . == null then null else @base64 | .[0:12] end)}
    else . + {($e.key): $e.value} end)
| .metrics.tokens_per_second = speed($r.completion_tokens; $r.latency_ms)
| .schema_version = 3
