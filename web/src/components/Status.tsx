import type { QueryResult } from '../api/use-query';

/** What a view shows while its data loads or when the API said no. */
export function Status({ result, what }: { result: QueryResult<unknown>; what: string }) {
  if (result.status === 'loading') return <p role="status">Loading {what}…</p>;
  if (result.status === 'error') {
    return (
      <p role="alert" className="error">
        Could not load {what}: {result.error.message}
      </p>
    );
  }
  return null;
}
