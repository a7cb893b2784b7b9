#!/usr/bin/env python3
"""Case 6 of tools/bench/run: what `deploy --rehearse` reported against what writers met during the real deploy.

Arguments: the rehearsal's JSON, the real deploy's output with a timestamp before each line, the folder of the
writers' pgbench logs (one subfolder per writer), then writer=table pairs. Prints two markdown tables: per table,
the longest blocking the rehearsal reported and the longest its writer waited; per migration, its time in both.
"""
import glob
import json
import os
import re
import sys

rehearsal_file, deploy_log, writers_dir, *pairs = sys.argv[1:]
rehearsal = json.load(open(rehearsal_file))
writer_of = {table: writer for writer, table in (p.split("=", 1) for p in pairs)}

# The real deploy: when each migration started and ended, and the time it reported.
windows, applied = {}, {}
for line in open(deploy_log):
    stamp, _, text = line.rstrip("\n").partition(" ")
    if m := re.match(r"Applying (\d+) ", text):
        windows[int(m[1])] = [float(stamp), None]
    elif m := re.match(r"Applied (\d+) in ([0-9.]+) s", text):
        windows[int(m[1])][1] = float(stamp)
        applied[int(m[1])] = float(m[2])


def running_at(moment):
    return next((v for v, (start, end) in windows.items() if start <= moment <= (end or start)), None)


# Every transaction of each writer (pgbench -l: client, number, latency in µs, script, epoch s, epoch µs, ...),
# with the migration that was running at its middle.
waits = {}
for writer in os.listdir(writers_dir):
    waits[writer] = []
    for log in glob.glob(os.path.join(writers_dir, writer, "round*")):
        for fields in (l.split() for l in open(log)):
            latency = int(fields[2]) / 1e6
            end = int(fields[4]) + int(fields[5]) / 1e6
            waits[writer].append((latency, running_at(end - latency / 2)))

names = {m["version"]: m["description"] for m in rehearsal["migrations"]}


def label(version):
    return "–" if version is None else f"{version} {names.get(version, '')}"


def worst(table, key):
    found = [(b[key], m["version"]) for m in rehearsal["migrations"] for b in m["blocking"] if b["table"] == table]
    return max(found, default=(0.0, None))


print("| table | rehearsal: writes blocked (s) | reads blocked (s) | by migration | writer's longest wait in that migration, real deploy (s) | writer's longest wait in the whole deploy (s), in migration |")
print("|---|---:|---:|---|---:|---|")
for table in rehearsal["tables"]:
    writes, by = worst(table["table"], "writesBlockedSeconds")
    if writes == 0:
        continue
    reads, _ = worst(table["table"], "readsBlockedSeconds")
    writer = waits.get(writer_of.get(table["table"]))
    there = "–" if writer is None else f"{max((w for w, m in writer if m == by), default=0):.2f}"
    longest = "–" if writer is None else "{:.2f}, {}".format(*max(writer, default=(0, None)))
    print(f"| {table['table']} | {writes:.2f} | {reads:.2f} | {label(by)} | {there} | {longest} |")

print()
print("A writer's wait is its longest transaction (pgbench, 20 a second). The writer on agent_positions also inserts, and each insert checks its "
      "foreign keys (agents, agent_wallets, agent_transactions), so it also waits while one of those is blocked.")
print()
print("| migration | rehearsal (s) | real deploy under the writers (s) |")
print("|---|---:|---:|")
for m in rehearsal["migrations"]:
    print(f"| {m['version']} {m['description']} | {m['seconds']:.2f} | {applied.get(m['version'], float('nan')):.2f} |")
