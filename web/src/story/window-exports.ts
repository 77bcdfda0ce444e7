import type { WindowFiguresQuery } from '../generated/graphql';
import type { ExportLink } from '../exports/ExportLinks';

/** A window's downloads, in every format copnet writes for one window. */
export function windowExportLinks(figures: WindowFiguresQuery['networkMetrics']): ExportLink[] {
  return [
    { label: 'GEXF (Gephi)', href: figures.gexf },
    { label: 'GraphML (networkx, igraph, R)', href: figures.graphml },
    { label: 'CSV nodes and edges (zip)', href: figures.csv },
    { label: 'CSV nodes', href: figures.csvNodes },
    { label: 'CSV edges', href: figures.csvEdges },
    { label: 'JSON (graphology)', href: figures.json },
  ];
}
