import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * The address a request came from, for per-client limits (issue 6, defect 7). Behind a reverse
 * proxy every connection comes from the proxy, so with TRUST_PROXY on it is the right-most
 * X-Forwarded-For entry: the one the nearest proxy appended. Entries to its left were sent by
 * the client and can be anything. Repeated headers count as one list.
 */
export function clientAddress(incoming: IncomingMessage, trustProxy: boolean): string | undefined {
  const socket = incoming.socket.remoteAddress;
  if (!trustProxy) return socket;
  const header = incoming.headers['x-forwarded-for'];
  const nearest = (Array.isArray(header) ? header.join(',') : header)?.split(',').at(-1)?.trim();
  return nearest && isIP(nearest) ? nearest : socket;
}
