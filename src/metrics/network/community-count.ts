/** communityCount: the number of distinct Louvain communities (../actor/community.ts); 0 for an empty network. */
export function communityCount(membership: ArrayLike<number>): number {
  const seen = new Set<number>();
  for (let i = 0; i < membership.length; i++) seen.add(membership[i]!);
  return seen.size;
}
