#!/usr/bin/python3
"""
Reference values for copnet's metrics, computed by networkx (Debian's python3-networkx).

Writes one JSON file per graph to test/fixtures/reference/. Each holds the node list, the
edge list, the actor kind chosen for every node (for peerTieShare), every per-actor metric
(with Burt's constraint and effective size, null where networkx gives NaN, and the core
number), every network metric, the main core (k_core) and the Adamic-Adar index of every
untied pair with a common neighbour, so the Jest suite compares copnet's TypeScript to networkx to
1e-6 without running Python.

All graphs are simple, undirected and UNWEIGHTED: networkx's karate club carries edge
weights and several networkx functions use a `weight` attribute by default, so every
graph is rebuilt from its bare edge list before measuring.

Run with:  npm run fixtures:reference   (= /usr/bin/python3 scripts/reference-fixtures.py)
"""

import json
import math
import os
import sys

import networkx as nx

OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "reference")

# networkx's eigenvector_centrality stops after max_iter=100 iterations; copnet keeps
# iterating the same way up to this many (src/metrics/actor/eigenvector.ts). For graphs
# where networkx needs more than 100, the fixture records networkx's value at this cap.
EIGENVECTOR_MAX_ITER = 10000


def bare(graph):
    """The same nodes and edges, without attributes; node ids become strings."""
    g = nx.Graph()
    g.add_nodes_from(str(v) for v in graph.nodes())
    g.add_edges_from((str(u), str(v)) for u, v in graph.edges())
    return g


def eigenvector(g):
    try:
        return nx.eigenvector_centrality(g, weight=None), 100
    except nx.PowerIterationFailedConvergence:
        return nx.eigenvector_centrality(g, weight=None, max_iter=EIGENVECTOR_MAX_ITER), EIGENVECTOR_MAX_ITER


def hub_of(g):
    """Highest degree; ties broken by the smallest id (Python and JavaScript order ASCII ids alike)."""
    if g.number_of_nodes() == 0:
        return None
    return min(g.nodes(), key=lambda v: (-g.degree(v), v))


def largest_component(g):
    if g.number_of_nodes() == 0:
        return 0
    return max(len(c) for c in nx.connected_components(g))


def finite(value):
    """NaN (networkx's constraint and effective size of an actor without ties) as JSON null."""
    return None if math.isnan(value) else value


def main_core(g):
    """networkx k_core(G): the k-core of the largest k; its k, size and induced density."""
    if g.number_of_nodes() == 0:
        return {"k": 0, "size": 0, "density": 0.0}
    cores = nx.core_number(g)
    core = nx.k_core(g)
    n = core.number_of_nodes()
    return {"k": max(cores.values()), "size": n, "density": nx.density(core) if n > 1 else 0.0}


def adamic_adar(g):
    """networkx adamic_adar_index over every untied pair with a common neighbour, as [u, v, score], u < v."""
    pairs = [(u, v) if u < v else (v, u) for u, v in nx.non_edges(g)]
    scored = [[u, v, score] for u, v, score in nx.adamic_adar_index(g, pairs) if score > 0]
    return sorted(scored)


def network_figures(g, kinds, betweenness, partition):
    n = g.number_of_nodes()
    m = g.number_of_edges()
    degrees = dict(g.degree())
    max_degree = max(degrees.values(), default=0)
    max_b = max(betweenness.values(), default=0.0)
    hub = hub_of(g)
    without_hub = g.copy()
    if hub is not None:
        without_hub.remove_node(hub)
    return {
        "actorCount": n,
        "tieCount": m,
        "density": nx.density(g),
        "degreeCentralization": (
            sum(max_degree - d for d in degrees.values()) / ((n - 1) * (n - 2)) if n > 2 else 0.0
        ),
        "betweennessCentralization": (
            sum(max_b - b for b in betweenness.values()) / (n - 1) if n > 2 else 0.0
        ),
        "averageClustering": nx.average_clustering(g) if n > 0 else 0.0,
        "transitivity": nx.transitivity(g),
        "componentCount": nx.number_connected_components(g),
        "largestComponentFraction": largest_component(g) / n if n > 0 else 0.0,
        "hubId": hub,
        "hubTieShare": g.degree(hub) / m if m > 0 else 0.0,
        "peerTieShare": (
            sum(1 for u, v in g.edges() if kinds[u] != "FOUNDATION" and kinds[v] != "FOUNDATION") / m
            if m > 0
            else 0.0
        ),
        "largestComponentWithoutHubFraction": largest_component(without_hub) / (n - 1) if n > 1 else 0.0,
        # Modularity of the fixture's own partition (not of a Louvain run: Louvain
        # implementations differ); 0 without edges, where networkx would divide by zero.
        "modularity": nx.community.modularity(g, partition, weight=None) if m > 0 else 0.0,
    }


def fixture(name, description, graph, foundations=(), partition=None):
    g = bare(graph)
    nodes = list(g.nodes())
    kinds = {v: ("FOUNDATION" if v in foundations else "INTERMEDIARY") for v in nodes}
    if partition is None:
        partition = [set(c) for c in nx.connected_components(g)]
    partition = [sorted(str(v) for v in block) for block in partition]
    betweenness = nx.betweenness_centrality(g, normalized=True)
    closeness = nx.closeness_centrality(g)  # wf_improved=True: Wasserman-Faust scaling
    eig, eig_iter = eigenvector(g)
    pagerank = nx.pagerank(g, alpha=0.85, weight=None) if nodes else {}
    clustering = nx.clustering(g)
    degree_centrality = nx.degree_centrality(g)
    constraint = nx.constraint(g)
    effective_size = nx.effective_size(g)
    core_number = nx.core_number(g)
    actors = [
        {
            "id": v,
            "kind": kinds[v],
            "degree": g.degree(v),
            "degreeCentrality": degree_centrality[v],
            "betweenness": betweenness[v],
            "closeness": closeness[v],
            "eigenvector": eig[v],
            "pagerank": pagerank[v],
            "clustering": clustering[v],
            "constraint": finite(constraint[v]),
            "effectiveSize": finite(effective_size[v]),
            "coreNumber": core_number[v],
        }
        for v in nodes
    ]
    return {
        "name": name,
        "description": description,
        "generator": f"scripts/reference-fixtures.py, networkx {nx.__version__}",
        "nodes": nodes,
        "edges": [[u, v] for u, v in g.edges()],
        "eigenvectorMaxIter": eig_iter,
        "partition": [[str(v) for v in block] for block in partition],
        "components": sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c)),
        "actors": actors,
        "network": network_figures(g, kinds, betweenness, [set(b) for b in partition]),
        "mainCore": main_core(g),
        "adamicAdar": adamic_adar(g),
    }


def karate():
    g = nx.karate_club_graph()
    clubs = {}
    for v, data in g.nodes(data=True):
        clubs.setdefault(data["club"], set()).add(v)
    # Mr. Hi (0) and the club's officer (33) play the foundation.
    return fixture(
        "karate",
        "Zachary's karate club, networkx numbering as string ids; nodes 0 and 33 are FOUNDATION; partition = the two clubs",
        g,
        foundations={"0", "33"},
        partition=[clubs["Mr. Hi"], clubs["Officer"]],
    )


def florentine():
    g = nx.florentine_families_graph()
    return fixture(
        "florentine",
        "Padgett's Florentine families (marriage ties, 15 families); Medici is FOUNDATION; partition from greedy modularity",
        g,
        foundations={"Medici"},
        partition=nx.community.greedy_modularity_communities(bare(g)),
    )


def two_cliques_of_close_size():
    """K5 (largest eigenvalue of A+I: 5) next to a 5-node graph whose A+I has eigenvalue just
    below 5: power iteration needs far more than networkx's 100 iterations."""
    g = nx.complete_graph(["a1", "a2", "a3", "a4", "a5"])
    near = nx.complete_graph(["b1", "b2", "b3", "b4", "b5"])
    near.remove_edge("b1", "b2")
    g.add_edges_from(near.edges())
    return g


PATH_DIR = os.path.join(os.path.dirname(OUT_DIR), "path-metrics")


def path_fixtures():
    """Betweenness and closeness only, for the path-metrics kernel's larger test graphs
    (test/fixtures/path-metrics/): the 20 x 20 grid (many equal shortest paths; graphology-metrics
    is off by 0.04 there) and a grid with trees and isolated nodes hanging off it (degree-1 folding)."""
    grid = nx.relabel_nodes(nx.grid_2d_graph(20, 20), lambda v: f"g{v[0]}_{v[1]}")
    hung = nx.relabel_nodes(nx.grid_2d_graph(6, 6), lambda v: f"g{v[0]}_{v[1]}")
    for i in range(60):  # node t<i> tied to an earlier node, deterministic: trees of every depth
        hung.add_edge(f"t{i}", f"t{(i * 7) // 11}" if i % 3 else f"g{i % 6}_{(i // 6) % 6}")
    hung.add_nodes_from(["lone1", "lone2"])
    out = []
    for name, graph in (("grid-20", grid), ("grid-6-with-trees", hung)):
        g = bare(graph)
        b = nx.betweenness_centrality(g)
        c = nx.closeness_centrality(g)
        out.append({
            "name": name,
            "nodes": sorted(g.nodes()),
            "edges": sorted([sorted([u, v]) for u, v in g.edges()]),
            "actors": [{"id": v, "betweenness": b[v], "closeness": c[v]} for v in sorted(g.nodes())],
        })
    return out


def main():
    os.makedirs(PATH_DIR, exist_ok=True)
    for f in path_fixtures():
        path = os.path.join(PATH_DIR, f"{f['name']}.json")
        with open(path, "w") as out:
            json.dump(f, out, indent=1)
            out.write("\n")
        print(f"wrote {os.path.relpath(path)} ({len(f['nodes'])} nodes, {len(f['edges'])} edges)")
    triangle_pendant = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d")])
    disconnected = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("e", "f"), ("g", "h")])
    single = nx.Graph()
    single.add_node("solo")
    fixtures = [
        karate(),
        florentine(),
        fixture("star", "star with hub h and 5 leaves; h is FOUNDATION", nx.star_graph(["h", "l1", "l2", "l3", "l4", "l5"]), foundations={"h"}),
        fixture("path", "path p0-p1-p2-p3-p4; p0 is FOUNDATION", nx.relabel_nodes(nx.path_graph(5), lambda i: f"p{i}"), foundations={"p0"}),
        fixture(
            "disconnected",
            "triangle a-b-c, path d-e-f, edge g-h; d is FOUNDATION",
            disconnected,
            foundations={"d"},
            partition=[{"a", "b", "c"}, {"d", "e", "f", "g", "h"}],
        ),
        fixture(
            "krackhardt-kite",
            "Krackhardt's kite (10 nodes); node 3 (Diane) is FOUNDATION",
            nx.krackhardt_kite_graph(),
            foundations={"3"},
            partition=[{0, 1, 2, 3, 4, 5, 6}, {7, 8, 9}],
        ),
        fixture("triangle-pendant", "triangle a-b-c with pendant d on c; c is FOUNDATION", triangle_pendant, foundations={"c"}),
        fixture("complete-bipartite-2-3", "K(2,3): x1,x2 each tied to y1..y3; x1 is FOUNDATION", nx.Graph(
            [(f"x{i}", f"y{j}") for i in (1, 2) for j in (1, 2, 3)]), foundations={"x1"}),
        fixture(
            "two-near-cliques",
            "K5 (a*) beside K5 minus one edge (b*): eigenvector power iteration needs more than 100 steps",
            two_cliques_of_close_size(),
            foundations={"a1"},
            partition=[{"a1", "a2", "a3", "a4", "a5"}, {"b1", "b2", "b3", "b4", "b5"}],
        ),
        fixture("two-nodes", "a single tie a-b; a is FOUNDATION", nx.Graph([("a", "b")]), foundations={"a"}),
        fixture("one-node", "one node, no tie", single),
    ]
    os.makedirs(OUT_DIR, exist_ok=True)
    for f in fixtures:
        path = os.path.join(OUT_DIR, f"{f['name']}.json")
        with open(path, "w") as out:
            json.dump(f, out, indent=1)
            out.write("\n")
        print(f"wrote {os.path.relpath(path)} ({len(f['nodes'])} nodes, {len(f['edges'])} edges, eigenvector max_iter {f['eigenvectorMaxIter']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
