#!/bin/sh
# dafu as a map-side filter for Hadoop Streaming, RDD.pipe or anything that pipes lines:
# {"id","text"|"base64"} JSONL in, one record per line out (dafu extract --stdin-jsonl).
# dafu exits 1 when some records are error records, which still is one record per input line:
# success for a map task. Only a real failure (exit 2 or a signal) fails the task.
# DAFU picks the binary (default: ./dafu beside this script, as Hadoop's -files places it, else
# dafu on PATH); DAFU_THREADS the worker threads per process (default 1: the engine runs many).
here=$(dirname "$0")
if [ -z "$DAFU" ]; then
    if [ -x "$here/dafu" ]; then DAFU="$here/dafu"; else DAFU=dafu; fi
fi
"$DAFU" extract --stdin-jsonl --quiet --threads "${DAFU_THREADS:-1}" "$@"
status=$?
if [ "$status" -le 1 ]; then exit 0; fi
exit "$status"
