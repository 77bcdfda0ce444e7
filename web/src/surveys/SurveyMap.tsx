import { useEffect, useRef, useState } from 'react';
import Graph from 'graphology';
import Sigma from 'sigma';
import type { ActorKind } from '../generated/graphql';
import type { LayoutRequest, LayoutResponse } from '../map/layout.worker';
import { seedPositions } from '../map/positions';
import { KIND_NAMES, kindColour } from '../palette';
import { TRUST_BANDS, trustColour, UNLOGGED_COLOUR, UNRATED_COLOUR, type TieTrust } from './survey-data';

/**
 * The survey window's ties between roster actors, coloured by mutual trust, and the pairs a
 * respondent said it worked with that the log has no interaction for: the map view's sigma.js
 * drawing and ForceAtlas2 worker, nodes coloured by kind as there. The table view and the list
 * beside it have the same ties, figures and pairs.
 */
export default function SurveyMap({
  actors,
  ties,
  unlogged,
  title,
}: {
  actors: readonly { id: string; name: string; kind: ActorKind }[];
  ties: readonly TieTrust[];
  unlogged: readonly { readonly a: string; readonly b: string }[];
  title: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [done, setDone] = useState(false);

  useEffect(() => {
    const host = container.current;
    if (!host) return;
    const byId = new Map(actors.map((a) => [a.id, a]));
    const ids = [...new Set([...ties, ...unlogged].flatMap((t) => [t.a, t.b]))].sort();
    const index = new Map(ids.map((id, i) => [id, i]));
    // An unlogged pair pulls its ends together in the layout as one interaction would.
    const edges = [
      ...ties.map((t) => [index.get(t.a)!, index.get(t.b)!, t.interactions] as const),
      ...unlogged.map((p) => [index.get(p.a)!, index.get(p.b)!, 1] as const),
    ];
    const seeded = seedPositions({ ids, edges: edges.map(([a, b]) => [a, b] as const) }, new Map());
    const worker = new Worker(new URL('../map/layout.worker.ts', import.meta.url), { type: 'module' });
    let renderer: Sigma | null = null;
    setDone(false);
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      const graph = new Graph({ type: 'undirected', multi: false });
      ids.forEach((id, i) => {
        const actor = byId.get(id);
        graph.addNode(id, {
          x: event.data.xs[i],
          y: event.data.ys[i],
          size: 4,
          color: kindColour(actor?.kind ?? ''),
          label: actor?.name ?? id,
        });
      });
      for (const t of ties) {
        if (!graph.hasEdge(t.a, t.b)) {
          graph.addEdge(t.a, t.b, { size: t.mutual === null ? 1 : 2.5, color: trustColour(t.mutual) });
        }
      }
      let unloggedDrawn = 0;
      for (const p of unlogged) {
        if (graph.hasEdge(p.a, p.b)) continue;
        graph.addEdge(p.a, p.b, { size: 2.5, color: UNLOGGED_COLOUR });
        unloggedDrawn += 1;
      }
      renderer = new Sigma(graph, host, { labelRenderedSizeThreshold: 6, labelFont: 'system-ui, sans-serif' });
      host.dataset.nodeCount = String(graph.order);
      host.dataset.edgeCount = String(graph.size);
      host.dataset.unloggedCount = String(unloggedDrawn);
      setDone(true);
    };
    const request: LayoutRequest = {
      id: 1,
      ids,
      xs: Float64Array.from(seeded, (p) => p.x),
      ys: Float64Array.from(seeded, (p) => p.y),
      edges,
      iterations: 200,
    };
    worker.postMessage(request);
    return () => {
      worker.terminate();
      renderer?.kill();
    };
  }, [actors, ties, unlogged]);

  const kinds = [...new Set(actors.map((a) => a.kind))];
  return (
    <>
      <div
        className="map survey-map"
        ref={container}
        data-testid="survey-map"
        data-layout={done ? 'done' : 'running'}
        role="img"
        aria-label={`${title}; the ties are listed in the table view below`}
      />
      <ul className="legend" aria-label="Legend of the survey map">
        {TRUST_BANDS.map((band) => (
          <li key={band.label}>
            <span className="swatch tie" style={{ background: band.colour }} aria-hidden="true" /> tie with {band.label}, thick
          </li>
        ))}
        <li>
          <span className="swatch tie" style={{ background: UNRATED_COLOUR }} aria-hidden="true" /> tie neither end rated, thin
        </li>
        <li>
          <span className="swatch tie" style={{ background: UNLOGGED_COLOUR }} aria-hidden="true" /> said to have worked together, no logged
          interaction
        </li>
        {kinds.map((kind) => (
          <li key={kind}>
            <span className="swatch" style={{ background: kindColour(kind) }} aria-hidden="true" /> {KIND_NAMES[kind]}
          </li>
        ))}
        <li>Mutual trust: the mean of the trust each end gave the other (one end's when only one rated)</li>
      </ul>
    </>
  );
}
