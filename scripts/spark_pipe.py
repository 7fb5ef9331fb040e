#!/usr/bin/env python3
"""Run dafu over a folder with PySpark's RDD.pipe and write the records as JSONL part files.

Each file is read as raw bytes (any encoding: dafu detects it), sent to dafu as one
{"id": <path>, "base64": <bytes>} line, and piped through

    dafu extract --stdin-jsonl --quiet --threads 1

once per partition. dafu writes exactly one record per input line, in order, so the job checks
that records out == files in. Local mode by default; pass --master for a cluster (the dafu
binary must then exist at the same path on every worker, e.g. shipped with --files).

    python3 scripts/spark_pipe.py INPUT_DIR OUTPUT_DIR --dafu target/release/dafu
"""

import argparse
import base64
import json
import os
import shlex
import sys

from pyspark.sql import SparkSession


def to_line(path_and_bytes):
    path, data = path_and_bytes
    return json.dumps({"id": path, "base64": base64.b64encode(data).decode("ascii")})


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input_dir", help="folder of documents (walked recursively)")
    ap.add_argument("output_dir", help="where the JSONL part files go (must not exist)")
    ap.add_argument("--dafu", default="dafu", help="path to the dafu binary (default: dafu on PATH)")
    ap.add_argument("--master", default="local[*]", help="Spark master (default: local[*])")
    ap.add_argument("--partitions", type=int, default=0, help="partitions (default: Spark's parallelism)")
    ap.add_argument("--ext", default="txt", help="comma-separated extensions to take (default: txt)")
    args = ap.parse_args()

    dafu = os.path.abspath(args.dafu) if os.path.sep in args.dafu else args.dafu
    exts = tuple("." + e.strip().lstrip(".") for e in args.ext.split(",") if e.strip())
    spark = (
        SparkSession.builder.master(args.master)
        .appName("dafu-pipe")
        # binaryFiles only walks subfolders when asked to
        .config("spark.hadoop.mapreduce.input.fileinputformat.input.dir.recursive", "true")
        .getOrCreate()
    )
    sc = spark.sparkContext
    sc.setLogLevel("WARN")

    files = sc.binaryFiles(os.path.abspath(args.input_dir)).filter(lambda kv: kv[0].endswith(exts))
    files_in = sc.accumulator(0)

    def to_counted_line(kv):
        files_in.add(1)
        return to_line(kv)

    # Sorted by path: the part files come out in a deterministic order.
    partitions = args.partitions or sc.defaultParallelism
    lines = files.sortByKey(numPartitions=partitions).map(to_counted_line)

    # dafu exits 1 when some records are error records (still one record per document): only
    # a fatal exit (2) should fail the task, so the shell maps 0 and 1 to success.
    command = "sh -c %s %s" % (
        shlex.quote('"$0" extract --stdin-jsonl --quiet --threads 1; [ $? -le 1 ]'),
        shlex.quote(dafu),
    )
    lines.pipe(command, checkCode=True).saveAsTextFile(args.output_dir)

    # Count what was written, not what was meant to be (the accumulator may over-count only if
    # Spark retried a task, which then shows as a mismatch to look into).
    n_in = files_in.value
    written = sc.textFile(args.output_dir)
    n_out = written.count()
    n_err = written.filter(lambda l: json.loads(l).get("error") is not None).count()
    spark.stop()
    print(f"spark_pipe: {n_in} files in, {n_out} records out, {n_err} error records -> {args.output_dir}")
    if n_out != n_in:
        print("spark_pipe: record count differs from file count", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
