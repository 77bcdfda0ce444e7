/**
 * The one order of actor ids everywhere in copnet's networks and snapshots: JavaScript's
 * default string order (UTF-16 code units), as `Array#sort()` without a comparator.
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
