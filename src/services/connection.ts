/** One page of a Relay-style connection, as the services hand it to the API layer. */
export interface Connection<T> {
  readonly edges: readonly { readonly node: T; readonly cursor: string }[];
  readonly hasNextPage: boolean;
  /** Counted only when a client asks for it. */
  readonly totalCount: () => Promise<number>;
}
