import { useEffect, useMemo, useRef, useState } from 'react';
import Graph from 'graphology';
import Sigma from 'sigma';
import { useQuery } from '../api/use-query';
import { DataTable } from '../components/DataTable';
import { Status } from '../components/Status';
import { ExportLinks } from '../exports/ExportLinks';
import { SeriesDocument, WindowFiguresDocument } from '../generated/graphql';
import { communityColour, KIND_COLOURS, KIND_NAMES, kindColour, networkColour, TIE_CLASS_COLOURS, TIE_CLASS_NAMES } from '../palette';
import { COLOUR_BY, scopeOf, seriesOf, SIZE_BY, type ViewState } from '../state/url-state';
import { hrefOf } from '../state/use-view-state';
import { chosenWindowIndex, windowName } from '../story/series-data';
import { windowExportLinks } from '../story/window-exports';
import type { LayoutRequest, LayoutResponse } from './layout.worker';
import { hashUnit, seedPositions, type Point } from './positions';
import { loadWindowNetwork, type WindowNetwork } from './window-network';

/**
 * The network map of one window: WebGL (sigma.js over graphology), ForceAtlas2 in a web
 * worker, positions carried over from the window shown before, a timeline to step through
 * the series, search, and the actors as a table for keyboards and screen readers.
 */
export default function MapView({
  state,
  navigate,
}: {
  state: ViewState;
  navigate: (change: Partial<ViewState>, options?: { replace?: boolean }) => void;
}) {
  const series = useQuery(SeriesDocument, { series: seriesOf(state), scope: scopeOf(state) });
  const snapshots = series.status === 'done' ? series.data.networkMetricSeries.snapshots : [];
  const index = chosenWindowIndex(snapshots, state.window);
  const chosen = index >= 0 ? snapshots[index]! : null;
  const figures = useQuery(
    WindowFiguresDocument,
    chosen ? { window: { from: chosen.window.from, to: chosen.window.to }, scope: scopeOf(state) } : null,
  );
  const [network, setNetwork] = useState<WindowNetwork | null>(null);
  const [layoutDone, setLayoutDone] = useState(false);
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<string | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const renderer = useRef<Sigma | null>(null);
  const positions = useRef(new Map<string, Point>());
  const worker = useRef<Worker | null>(null);
  const jsonUrl = figures.status === 'done' ? figures.data.networkMetrics.json : null;
  const hubId = figures.status === 'done' ? (figures.data.networkMetrics.hub?.id ?? null) : null;
  // Sigma's event handlers outlive a render: they read the latest navigate and hub through refs.
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;
  const hubRef = useRef(hubId);
  hubRef.current = hubId;

  useEffect(() => {
    worker.current = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    return () => worker.current?.terminate();
  }, []);

  useEffect(() => {
    if (jsonUrl === null) return;
    let live = true;
    setLayoutDone(false);
    loadWindowNetwork(jsonUrl).then(
      (loaded) => live && setNetwork(loaded),
      () => live && setNetwork(null),
    );
    return () => {
      live = false;
    };
  }, [jsonUrl]);

  // Layout in the worker, from carried-over positions, then draw.
  useEffect(() => {
    if (!network || !worker.current || !container.current) return;
    let live = true;
    const ids = network.nodes.map((node) => node.key);
    const position = new Map(ids.map((id, i) => [id, i]));
    const edges = network.edges.map((edge) => [position.get(edge.source)!, position.get(edge.target)!, edge.attributes.weight] as const);
    const carried = ids.some((id) => positions.current.has(id));
    const seeded = seedPositions({ ids, edges: edges.map(([a, b]) => [a, b] as const) }, positions.current);
    const requestId = Math.random();
    const request: LayoutRequest = {
      id: requestId,
      ids,
      xs: Float64Array.from(seeded, (p) => p.x),
      ys: Float64Array.from(seeded, (p) => p.y),
      edges,
      iterations: carried ? 60 : 200,
    };
    const current = worker.current;
    const onMessage = (event: MessageEvent<LayoutResponse>) => {
      if (!live || event.data.id !== requestId) return;
      const { xs, ys } = event.data;
      ids.forEach((id, i) => positions.current.set(id, { x: xs[i]!, y: ys[i]! }));
      draw(network, xs, ys);
      setLayoutDone(true);
    };
    current.addEventListener('message', onMessage);
    current.postMessage(request);
    return () => {
      live = false;
      current.removeEventListener('message', onMessage);
    };
    // draw reads the colour and size choice too; a change of those redraws below without a new layout.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [network]);

  useEffect(() => {
    if (network && layoutDone) {
      const xs = Float64Array.from(network.nodes, (n) => positions.current.get(n.key)?.x ?? 0);
      const ys = Float64Array.from(network.nodes, (n) => positions.current.get(n.key)?.y ?? 0);
      draw(network, xs, ys);
    }
    // Only a change of colour, size, search or hub redraws here: a new network is drawn by the layout above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.colourBy, state.sizeBy, found, hubId]);

  useEffect(() => () => renderer.current?.kill(), []);

  function draw(net: WindowNetwork, xs: Float64Array, ys: Float64Array) {
    const graph = new Graph({ type: 'undirected', multi: false });
    const sizeKey = state.sizeBy;
    const max = Math.max(1e-9, ...net.nodes.map((n) => n.attributes[sizeKey]));
    net.nodes.forEach((node, i) => {
      const a = node.attributes;
      const isHub = node.key === hubId;
      graph.addNode(node.key, {
        x: xs[i],
        y: ys[i],
        size: 2 + 12 * Math.sqrt(a[sizeKey] / max),
        color:
          state.colourBy === 'community'
            ? communityColour(a.community)
            : state.colourBy === 'network'
              ? networkColour(typeof a.network === 'string' ? a.network : null, hashUnit)
              : kindColour(a.kind),
        label: isHub ? `Hub: ${a.name}` : a.name,
        forceLabel: isHub || node.key === found,
        highlighted: isHub || node.key === found,
        zIndex: isHub ? 2 : 0,
      });
    });
    for (const edge of net.edges) {
      const tieClass = typeof edge.attributes.tieClass === 'string' ? edge.attributes.tieClass : null;
      graph.addEdgeWithKey(edge.key, edge.source, edge.target, {
        size: Math.min(4, 0.5 + Math.log1p(edge.attributes.weight) / 2),
        color: tieClass ? (TIE_CLASS_COLOURS[tieClass] ?? '#cccccc') : '#cfcfcf',
      });
    }
    if (!renderer.current) {
      renderer.current = new Sigma(graph, container.current!, {
        zIndex: true,
        labelRenderedSizeThreshold: 9,
        labelFont: 'system-ui, sans-serif',
        defaultEdgeColor: '#cfcfcf',
      });
      renderer.current.on('clickNode', ({ node }) => navigateRef.current({ view: 'actor', actor: node }));
      renderer.current.on('afterRender', () => markHub());
    } else {
      renderer.current.setGraph(graph);
    }
    renderer.current.refresh();
    markHub();
  }

  // For tests and for the legend: where the hub is on screen, in CSS pixels of the map.
  function markHub() {
    const host = container.current;
    const sigma = renderer.current;
    if (!host || !sigma) return;
    const graph = sigma.getGraph();
    host.dataset.nodeCount = String(graph.order);
    host.dataset.edgeCount = String(graph.size);
    if (hubRef.current && graph.hasNode(hubRef.current)) {
      const attributes = sigma.getNodeDisplayData(hubRef.current);
      if (attributes) {
        const point = sigma.framedGraphToViewport(attributes);
        host.dataset.hubX = point.x.toFixed(1);
        host.dataset.hubY = point.y.toFixed(1);
      }
    }
  }
  const names = useMemo(
    () => (network ? [...network.nodes].sort((a, b) => a.attributes.name.localeCompare(b.attributes.name)) : []),
    [network],
  );

  function find(event: React.FormEvent) {
    event.preventDefault();
    const text = search.trim().toLowerCase();
    const node =
      names.find((n) => n.key.toLowerCase() === text || n.attributes.name.toLowerCase() === text) ??
      names.find((n) => n.attributes.name.toLowerCase().includes(text));
    setFound(node?.key ?? null);
    const sigma = renderer.current;
    if (node && sigma) {
      const display = sigma.getNodeDisplayData(node.key);
      if (display) void sigma.getCamera().animate({ x: display.x, y: display.y, ratio: 0.3 }, { duration: 400 });
    }
  }

  if (series.status !== 'done') return <Status result={series} what="the series" />;
  if (!chosen) return <p>The series has no windows.</p>;
  const foundNode = found ? names.find((n) => n.key === found) : undefined;
  return (
    <>
      <h2>Network map of {windowName(chosen.window)}</h2>
      <div className="timeline" role="group" aria-label="Timeline">
        <button
          type="button"
          onClick={() => navigate({ window: snapshots[index - 1]!.window.from.slice(0, 10) }, { replace: true })}
          disabled={index <= 0}
        >
          ← Earlier
        </button>
        <label>
          Window
          <input
            type="range"
            min={0}
            max={snapshots.length - 1}
            value={index}
            aria-valuetext={windowName(chosen.window)}
            onChange={(event) => navigate({ window: snapshots[Number(event.target.value)]!.window.from.slice(0, 10) }, { replace: true })}
          />
        </label>
        <output data-testid="map-window">{windowName(chosen.window)}</output>
        <button
          type="button"
          onClick={() => navigate({ window: snapshots[index + 1]!.window.from.slice(0, 10) }, { replace: true })}
          disabled={index >= snapshots.length - 1}
        >
          Later →
        </button>
      </div>
      <div className="map-controls">
        <label>
          Colour by{' '}
          <select
            value={state.colourBy}
            onChange={(e) => navigate({ colourBy: e.target.value as ViewState['colourBy'] }, { replace: true })}
          >
            {COLOUR_BY.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          Size by{' '}
          <select value={state.sizeBy} onChange={(e) => navigate({ sizeBy: e.target.value as ViewState['sizeBy'] }, { replace: true })}>
            {SIZE_BY.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <form role="search" onSubmit={find}>
          <label>
            Find an actor <input list="map-actor-names" value={search} onChange={(e) => setSearch(e.target.value)} />
          </label>
          <datalist id="map-actor-names">
            {names.map((n) => (
              <option key={n.key} value={n.attributes.name} />
            ))}
          </datalist>
          <button type="submit">Find</button>
        </form>
        <div role="group" aria-label="Zoom">
          <button type="button" onClick={() => void renderer.current?.getCamera().animatedZoom({ duration: 250 })}>
            Zoom in
          </button>{' '}
          <button type="button" onClick={() => void renderer.current?.getCamera().animatedUnzoom({ duration: 250 })}>
            Zoom out
          </button>{' '}
          <button type="button" onClick={() => void renderer.current?.getCamera().animatedReset({ duration: 250 })}>
            Whole network
          </button>
        </div>
        {foundNode && (
          <a
            href={hrefOf(state, { view: 'actor', actor: foundNode.key })}
            onClick={(e) => (e.preventDefault(), navigate({ view: 'actor', actor: foundNode.key }))}
          >
            Open {foundNode.attributes.name}'s page
          </a>
        )}
      </div>
      <p role="status" data-testid="map-status">
        {network && layoutDone ? `${network.nodes.length} actors and ${network.edges.length} ties` : 'Laying out the network…'}
        {figures.status === 'done' && figures.data.networkMetrics.hub ? `; the hub is ${figures.data.networkMetrics.hub.name}` : ''}
      </p>
      <div
        className="map"
        ref={container}
        data-testid="map"
        data-layout={layoutDone ? 'done' : 'running'}
        aria-label={`Network map of ${windowName(chosen.window)}; the actors are listed in the table below`}
        role="img"
      />
      <ul className="legend" aria-label="Legend">
        {state.colourBy === 'kind' ? (
          Object.entries(KIND_COLOURS).map(([kind, colour]) => (
            <li key={kind}>
              <span className="swatch" style={{ background: colour }} aria-hidden="true" /> {KIND_NAMES[kind as keyof typeof KIND_NAMES]}
            </li>
          ))
        ) : state.colourBy === 'network' ? (
          <li>Colours mark networks (an intermediary and its schools; colours repeat, grey: no network)</li>
        ) : (
          <li>Colours mark Louvain communities (colours repeat)</li>
        )}
        {network?.edges.some((e) => typeof e.attributes.tieClass === 'string') &&
          Object.entries(TIE_CLASS_COLOURS).map(([tieClass, colour]) => (
            <li key={tieClass}>
              <span className="swatch tie" style={{ background: colour }} aria-hidden="true" /> tie {TIE_CLASS_NAMES[tieClass]}
            </li>
          ))}
        <li>Size: {state.sizeBy}; the hub's label is always shown</li>
      </ul>
      {network && (
        <details>
          <summary>Table view: the {network.nodes.length} actors of this window</summary>
          <DataTable
            caption={`Actors of ${windowName(chosen.window)} by degree`}
            columns={['Actor', 'Kind', 'Degree', 'Betweenness']}
            rows={[...network.nodes]
              .sort((a, b) => b.attributes.degree - a.attributes.degree || a.key.localeCompare(b.key))
              .map((n) => [
                <a
                  key={n.key}
                  href={hrefOf(state, { view: 'actor', actor: n.key })}
                  onClick={(e) => (e.preventDefault(), navigate({ view: 'actor', actor: n.key }))}
                >
                  {n.attributes.name}
                </a>,
                KIND_NAMES[n.attributes.kind as keyof typeof KIND_NAMES] ?? n.attributes.kind,
                String(n.attributes.degree),
                n.attributes.betweenness.toFixed(4),
              ])}
          />
        </details>
      )}
      {figures.status === 'done' && (
        <ExportLinks
          title={`Download the network of ${windowName(chosen.window)}`}
          links={windowExportLinks(figures.data.networkMetrics)}
        />
      )}
    </>
  );
}
