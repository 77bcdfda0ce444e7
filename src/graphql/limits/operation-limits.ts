/**
 * How big one GraphQL operation may be. Checked before any resolver runs (limits-plugin.ts);
 * configured by COPNET_MAX_QUERY_DEPTH, COPNET_MAX_QUERY_ALIASES, COPNET_MAX_QUERY_COST and
 * COPNET_MAX_QUERY_TOKENS (the last checked on the text, before parsing: query-text.ts).
 */
export interface OperationLimits {
  /** Nesting of fields, the operation's own fields being depth 1 (fragments do not add depth). */
  readonly maxDepth: number;
  /** Aliased fields in the whole operation (`__typename` aliases are free). */
  readonly maxAliases: number;
  /** The operation's cost as `operationCost` estimates it (see cost-estimator.ts). */
  readonly maxCost: number;
  /** Lexical tokens of the query text (names, punctuation, values); variables do not count. */
  readonly maxTokens: number;
}

/**
 * Defaults that let every README example and dashboard query run (a 520-window weekly series
 * of 20 figures with its top 10 actors costs about 58,000; two pages of 50 nested, 7,700) and
 * refuse two nested pages of 500 (1,000,000), three 520-window series or 1,000 aliased windows.
 * The dashboard's largest document has 166 tokens, the IDE's introspection query 163; 20,000
 * parse in a few milliseconds.
 */
export const DEFAULT_OPERATION_LIMITS: OperationLimits = Object.freeze({
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 60_000,
  maxTokens: 20_000,
});
