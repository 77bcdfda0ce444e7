import { degreeAt, type GraphIndex } from '../graph-index';

/** Degree: the number of distinct actors v is tied to in the window (ties, not interactions). */
export function degrees(index: GraphIndex): Float64Array {
  const out = new Float64Array(index.ids.length);
  for (let i = 0; i < out.length; i++) out[i] = degreeAt(index, i);
  return out;
}
