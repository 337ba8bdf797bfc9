/**
 * Loaded before every test file: any connection to a host other than loopback or a local
 * socket throws, so a test that makes an outbound request fails instead of silently leaking data.
 */
import net from 'node:net';
import dns from 'node:dns';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/i;

export class OutboundNetworkError extends Error {
  constructor(host: string) {
    super(`outbound network connection attempted to ${host}: tests may only reach loopback`);
    this.name = 'OutboundNetworkError';
  }
}

function check(host: unknown): void {
  if (host == null || host === '') return; // default host is localhost
  if (typeof host !== 'string' || !LOOPBACK.test(host)) throw new OutboundNetworkError(String(host));
}

const origConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function patched(this: net.Socket, ...args: unknown[]) {
  // net.connect() passes its normalised [options, cb] array as the single argument.
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (first && typeof first === 'object') {
    const o = first as { path?: string; host?: string };
    if (!o.path) check(o.host ?? 'localhost');
  } else if (typeof first === 'number') {
    check(typeof args[1] === 'string' ? args[1] : 'localhost');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (origConnect as any).apply(this, args);
} as typeof net.Socket.prototype.connect;

const origLookup = dns.lookup;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
(dns as any).lookup = function patchedLookup(host: string, ...rest: unknown[]) {
  check(host);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (origLookup as any).call(dns, host, ...rest);
};

if (typeof globalThis.fetch === 'function') {
  const origFetch = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    check(url.hostname.replace(/^\[|\]$/g, ''));
    return origFetch(input, init);
  }) as typeof fetch;
}
