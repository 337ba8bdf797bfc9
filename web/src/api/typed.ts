/**
 * The typed way for a page to call the API: `call('GET /overview')` answers with the type the contract
 * (src/shared/contract.ts) promises for that route, the type the server's code is checked against
 * (test/contract). Paths are built from the route key: `:name` parts come from `params`, `query` becomes the
 * query string. Organisation mode needs nothing here: request() sends case paths to the open case.
 */
import type { ApiContract, LocalApiContract, OrgApiContract, OrgCaseApiContract } from '../../../src/shared/contract.js';
import { query as queryString, request } from './client.js';

type Contract = ApiContract & LocalApiContract & OrgCaseApiContract & OrgApiContract;
/** JSON routes only: a file download goes through download(), an upload through uploadFile(). */
export type JsonRoute = { [K in keyof Contract]: [Contract[K]] extends [never] ? never : K }[keyof Contract];

type PathOf<K> = K extends `${string} ${infer P}` ? P : never;
type ParamNames<P> = P extends `${string}:${infer N}/${infer Rest}` ? N | ParamNames<`/${Rest}`> : P extends `${string}:${infer N}` ? N : never;
type Params<K> = [ParamNames<PathOf<K>>] extends [never] ? { params?: undefined } : { params: Record<ParamNames<PathOf<K>>, string | number> };

export type CallOptions<K extends JsonRoute> = Params<K> & {
  query?: Record<string, string | number | boolean | null | undefined>;
  body?: unknown;
  signal?: AbortSignal;
};

/** The /api path of a route key with its parameters filled in (each one URI-encoded). */
export function routePath(key: string, params: Record<string, string | number> = {}): string {
  const path = key.slice(key.indexOf(' ') + 1).replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`missing route parameter ${name} for ${key}`);
    return encodeURIComponent(String(v));
  });
  return `/api${path}`;
}

type Args<K extends JsonRoute> = [ParamNames<PathOf<K>>] extends [never] ? [opts?: CallOptions<K>] : [opts: CallOptions<K>];

export function call<K extends JsonRoute>(route: K, ...[opts]: Args<K>): Promise<Contract[K]> {
  const o = (opts ?? {}) as CallOptions<K> & { params?: Record<string, string | number> };
  const method = route.slice(0, route.indexOf(' '));
  return request<Contract[K]>(method, routePath(route, o.params) + (o.query ? queryString(o.query) : ''), o.body, { signal: o.signal });
}
