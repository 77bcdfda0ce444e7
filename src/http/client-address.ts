import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/**
 * The address a request comes from, for the failed-authentication limit, the work pool's fair
 * share and the loopback check of /metrics: the TCP peer, unless that peer is a proxy the
 * deployment trusts (COPNET_TRUST_PROXY), whose X-Forwarded-For then names the client.
 * proxy-addr reads the header right to left and stops at the first address that is not a
 * trusted proxy, so a client cannot choose its own address by sending the header: with no
 * trusted proxy the header is ignored.
 */
export type ClientAddressOf = (request: IncomingMessage) => string;

const addresses = new WeakMap<IncomingMessage, string>();

/** How to find a request's client address, trusting the proxies listed (addresses, subnets, or proxy-addr's names). */
export function clientAddressResolver(trustedProxies: readonly string[]): ClientAddressOf {
  if (trustedProxies.length === 0) return peerAddress;
  const trust = proxyaddr.compile([...trustedProxies]);
  return (request) => (request.socket.remoteAddress === undefined ? 'unknown' : proxyaddr(request, trust));
}

/** The reason a COPNET_TRUST_PROXY entry is not one proxy-addr accepts, or null when it is. */
export function trustedProxyProblem(entry: string): string | null {
  try {
    proxyaddr.compile(entry);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Records a request's client address once, when it arrives, for every route that needs it. */
export function rememberClientAddress(request: IncomingMessage, addressOf: ClientAddressOf): void {
  addresses.set(request, addressOf(request));
}

/** The request's client address as recorded on arrival (its TCP peer, for a request the server did not record). */
export function clientAddressOf(request: IncomingMessage): string {
  return addresses.get(request) ?? peerAddress(request);
}

function peerAddress(request: IncomingMessage): string {
  return request.socket.remoteAddress ?? 'unknown';
}
