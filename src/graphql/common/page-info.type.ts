import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Relay-style paging state of a connection.' })
export class PageInfo {
  @Field({ description: 'True when another page follows this one.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page; null on an empty page.' })
  endCursor!: string | null;
}

export function pageInfoOf(connection: { edges: readonly { cursor: string }[]; hasNextPage: boolean }): PageInfo {
  return { hasNextPage: connection.hasNextPage, endCursor: connection.edges.at(-1)?.cursor ?? null };
}

/** Shared text of every `first` argument, so the cap and default are stated once. */
export const FIRST_DESCRIPTION = 'Page size: default 50, at most 500.';
