/**
 * The `csv` export: nodes.csv and edges.csv (see csv.ts) in one zip archive, written by
 * archiver as a stream.
 */
import { Readable } from 'node:stream';
import archiver from 'archiver';
import { edgesCsvChunks, nodesCsvChunks } from './csv';
import type { PreparedNetwork } from './export-data';

export const ZIP_ENTRY_NODES = 'nodes.csv';
export const ZIP_ENTRY_EDGES = 'edges.csv';

export function csvZipStream(prepared: PreparedNetwork): Readable {
  const archive = archiver('zip', { zlib: { level: 6 } });
  archive.append(Readable.from(nodesCsvChunks(prepared), { objectMode: false }), { name: ZIP_ENTRY_NODES });
  archive.append(Readable.from(edgesCsvChunks(prepared), { objectMode: false }), { name: ZIP_ENTRY_EDGES });
  // finalize() only settles once the archive has been read; errors also surface as stream errors.
  archive.finalize().catch((error: unknown) => archive.destroy(error instanceof Error ? error : new Error(String(error))));
  return archive;
}
