import { StrictMode } from 'react';
import type React from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import type { ExecutionResult } from 'graphql';
import 'graphiql/style.css';
import { adoptTokenFromUrl, readToken } from '../api/auth';

/**
 * GraphiQL from npm, bundled and served by copnet at /graphql: it works with no internet.
 * Queries go to the same /graphql (POST), with the dashboard's token when there is one.
 */
type Fetcher = React.ComponentProps<typeof GraphiQL>['fetcher'];

// The IDE opened straight from a first-start URL (/graphql#token=…) signs in like the dashboard.
adoptTokenFromUrl(window.location, window.history, sessionStorage);

const fetcher: Fetcher = async (params) => {
  const token = readToken(sessionStorage);
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(params),
  });
  // GraphiQL shows whatever JSON the server answers, errors included.
  return (await response.json()) as ExecutionResult;
};

const DEFAULT_QUERY = `# copnet's API. Ctrl-Enter runs the query; the Docs button lists every type.
query Story {
  networkMetricSeries(series: { from: "2018-08-01", to: "2025-08-01", step: SCHOOL_YEAR }) {
    trend { verdict summary }
    snapshots { window { label } actorCount betweennessCentralization peerTieShare }
  }
}
`;

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />
  </StrictMode>,
);
