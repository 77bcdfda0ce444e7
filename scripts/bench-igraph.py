#!/usr/bin/python3
"""Times python-igraph on the graphs written by scripts/bench-metrics.ts.

Usage: bench-igraph.py GRAPHS OUT [--closeness]
GRAPHS: little-endian int32s: graph count, then per graph n, m and m (u, v) pairs.
OUT: per graph, n float64s: igraph's betweenness normalized like networkx,
     2 b / ((n - 1)(n - 2)) for n > 2 (igraph counts each unordered pair once).
Prints one JSON line: igraph's version and, per graph, the seconds taken by
Graph.betweenness() alone, wall clock and CPU (and by Graph.closeness() with
--closeness). Building the graphs is not timed. Without igraph, prints {"error": ...}.
"""
import json
import sys
import time
from array import array

try:
    import igraph
except ImportError as error:  # the benchmark reports this and goes on
    print(json.dumps({"error": f"python-igraph is not installed for {sys.executable}: {error}"}))
    sys.exit(0)


def main():
    graphs_path, out_path = sys.argv[1], sys.argv[2]
    with_closeness = "--closeness" in sys.argv[3:]
    data = array("i")
    with open(graphs_path, "rb") as f:
        data.frombytes(f.read())
    if sys.byteorder != "little":
        data.byteswap()
    count, pos = data[0], 1
    betweenness_seconds, betweenness_cpu, closeness_seconds = [], [], []
    with open(out_path, "wb") as out:
        for _ in range(count):
            n, m = data[pos], data[pos + 1]
            pos += 2
            ends = data[pos : pos + 2 * m]
            pos += 2 * m
            g = igraph.Graph(n=n, edges=list(zip(ends[0::2], ends[1::2])), directed=False)
            start, start_cpu = time.perf_counter(), time.process_time()
            b = g.betweenness(directed=False)
            betweenness_seconds.append(time.perf_counter() - start)
            betweenness_cpu.append(time.process_time() - start_cpu)
            if with_closeness:
                start = time.perf_counter()
                g.closeness()
                closeness_seconds.append(time.perf_counter() - start)
            scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
            array("d", (x * scale for x in b)).tofile(out)
    print(json.dumps({
        "version": igraph.__version__,
        "betweenness": betweenness_seconds,
        "betweennessCpu": betweenness_cpu,
        "closeness": closeness_seconds,
    }))


main()
