import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { exportToBuffer } from '../../src/export/write-export';
import type { SeriesFiguresRow } from '../../src/export/export-data';
import {
  ACTORS,
  CANONICAL_TIE_CLASSES,
  CANONICAL_TIES,
  FIGURES,
  ISO,
  SCHOOL_YEAR,
  buildNetwork,
  fixtureExport,
  snakeMetrics,
} from './fixture';

type Row = Record<string, string>;

async function csvOf(format: 'csv-nodes' | 'csv-edges'): Promise<string> {
  return (await exportToBuffer({ format, data: fixtureExport() })).toString('utf8');
}

function rows(text: string): Row[] {
  return parse<Row>(text, { columns: true });
}

describe('CSV exports', () => {
  it('nodes.csv: one row per actor with id, name, kind, region, network and every metric', async () => {
    const text = await csvOf('csv-nodes');
    expect(text.split('\n')[0]).toBe(
      'id,name,kind,region,network,degree,degree_centrality,betweenness,closeness,eigenvector,pagerank,clustering,community,' +
        'constraint,effective_size,core_number',
    );
    const records = rows(text);
    expect(records.map((r) => r.id)).toEqual(['fnd', 'int-1', 'sch-1', 'sch-2', 'sp']);
    for (const actor of ACTORS) {
      const record = records.find((r) => r.id === actor.id)!;
      const metrics = Object.fromEntries(Object.entries(snakeMetrics(actor.id)).map(([k, v]) => [k, String(v)]));
      expect(record).toEqual({
        id: actor.id,
        name: actor.name,
        kind: actor.kind,
        region: actor.region ?? '',
        network: actor.networkId ?? '',
        ...metrics,
      });
      // Numbers survive the text round trip exactly.
      for (const [key, value] of Object.entries(snakeMetrics(actor.id))) expect(Number(record[key])).toBe(value);
    }
  });

  it('edges.csv: one row per tie, source < target, with interactions, weight, ISO dates and tie class', async () => {
    const text = await csvOf('csv-edges');
    expect(text.split('\n')[0]).toBe('source,target,interactions,weight,first_at,last_at,tie_class');
    expect(rows(text)).toEqual(
      CANONICAL_TIES.map(([source, target, tie], i) => ({
        source,
        target,
        interactions: String(tie.interactions),
        weight: String(tie.weight),
        first_at: ISO(tie.firstAt),
        last_at: ISO(tie.lastAt),
        tie_class: CANONICAL_TIE_CLASSES[i],
      })),
    );
  });

  it('csv: a zip holding exactly nodes.csv and edges.csv, byte for byte the single-file exports', async () => {
    const zip = await exportToBuffer({ format: 'csv', data: fixtureExport() });
    expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    const entries = unzipSync(new Uint8Array(zip));
    expect(Object.keys(entries).sort()).toEqual(['edges.csv', 'nodes.csv']);
    expect(Buffer.from(entries['nodes.csv']!).toString('utf8')).toBe(await csvOf('csv-nodes'));
    expect(Buffer.from(entries['edges.csv']!).toString('utf8')).toBe(await csvOf('csv-edges'));
  });

  it('an empty window gives header-only files', async () => {
    const data = { window: SCHOOL_YEAR, network: buildNetwork([], []), actors: [] };
    expect((await exportToBuffer({ format: 'csv-nodes', data })).toString('utf8')).toBe(
      'id,name,kind,region,network,degree,degree_centrality,betweenness,closeness,eigenvector,pagerank,clustering,community,' +
        'constraint,effective_size,core_number\n',
    );
    expect((await exportToBuffer({ format: 'csv-edges', data })).toString('utf8')).toBe(
      'source,target,interactions,weight,first_at,last_at,tie_class\n',
    );
  });

  it('csv-series: one row per window with its bounds, label and every network figure', async () => {
    const series: SeriesFiguresRow[] = [
      { window: SCHOOL_YEAR, label: '2019–20, "pilot"', ...FIGURES },
      {
        window: { from: new Date('2020-08-01T00:00:00Z'), to: new Date('2021-08-01T00:00:00Z') },
        ...FIGURES,
        actorCount: 0,
        hubId: null,
      },
    ];
    const text = (await exportToBuffer({ format: 'csv-series', data: series })).toString('utf8');
    expect(text.split('\n')[0]).toBe(
      'window_from,window_to,label,actor_count,tie_count,interaction_count,density,degree_centralization,' +
        'betweenness_centralization,average_clustering,transitivity,component_count,largest_component_fraction,' +
        'hub_id,hub_tie_share,peer_tie_share,largest_component_without_hub_fraction,modularity,community_count,' +
        'cross_network_tie_share,ei_index,foundation_initiated_share,stage,' +
        'tie_mix_foundation,tie_mix_within_network,tie_mix_cross_network,tie_mix_other,' +
        'initiated_by_foundation,initiated_by_foundation_share,initiated_by_intermediary,initiated_by_intermediary_share,' +
        'initiated_by_school,initiated_by_school_share,initiated_by_support_partner,initiated_by_support_partner_share,' +
        'main_core_k,main_core_size,main_core_density',
    );
    const figures = (overrides: Partial<Record<string, string>>) => ({
      actor_count: '5',
      tie_count: '5',
      interaction_count: '12',
      density: '0.5',
      degree_centralization: '0.16666666666666666',
      betweenness_centralization: '0.6041666666666666',
      average_clustering: '0.2',
      transitivity: '0',
      component_count: '1',
      largest_component_fraction: '1',
      hub_id: 'int-1',
      hub_tie_share: '0.6',
      peer_tie_share: '0.6',
      largest_component_without_hub_fraction: '0.75',
      modularity: '0.07999999999999996',
      community_count: '2',
      cross_network_tie_share: '0',
      ei_index: '-1',
      foundation_initiated_share: '0.25',
      stage: 'HUB_AND_SPOKE',
      tie_mix_foundation: '0.4',
      tie_mix_within_network: '0.2',
      tie_mix_cross_network: '0',
      tie_mix_other: '0.4',
      initiated_by_foundation: '3',
      initiated_by_foundation_share: '0.25',
      initiated_by_intermediary: '6',
      initiated_by_intermediary_share: '0.5',
      initiated_by_school: '2',
      initiated_by_school_share: '0.16666666666666666',
      initiated_by_support_partner: '1',
      initiated_by_support_partner_share: '0.08333333333333333',
      main_core_k: '1',
      main_core_size: '5',
      main_core_density: '0.5',
      ...overrides,
    });
    expect(rows(text)).toEqual([
      { window_from: '2019-08-01T00:00:00.000Z', window_to: '2020-08-01T00:00:00.000Z', label: '2019–20, "pilot"', ...figures({}) },
      {
        window_from: '2020-08-01T00:00:00.000Z',
        window_to: '2021-08-01T00:00:00.000Z',
        label: '',
        ...figures({ actor_count: '0', hub_id: '' }),
      },
    ]);
  });
});
