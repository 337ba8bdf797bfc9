/**
 * The only way the UI talks to the app: the local HTTP API under /api (same origin).
 * Errors arrive as { error: { code, message } }; they become ApiError, which the pages show in plain words.
 */

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;
  constructor(code: string, message: string, status: number, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

function errorFromBody(status: number, body: unknown): ApiError {
  const e = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (e && typeof e === 'object') {
    return new ApiError(typeof e.code === 'string' ? e.code : `HTTP_${status}`, typeof e.message === 'string' ? e.message : '', status, e.details);
  }
  return new ApiError(status === 404 ? 'NOT_FOUND' : `HTTP_${status}`, '', status);
}

/**
 * Organisation server (issue 15): the case the page works on and the session's CSRF token. The pages keep their
 * paths (/api/loans…); in organisation mode a case path goes to /api/cases/ID/… and every change carries the token.
 * The local app sets neither, and everything stays as it was.
 */
let caseBase: string | null = null;
let csrfToken: string | null = null;

export function setOrgSession(s: { caseId: number | null; csrf: string | null }): void {
  caseBase = s.caseId === null ? null : `/api/cases/${s.caseId}`;
  csrfToken = s.csrf;
}

/** The path a page's /api/… call goes to (the open case's, in organisation mode). */
export function apiPath(path: string): string {
  if (!caseBase || !path.startsWith('/api/') || /^\/api\/(auth|org|health|cases)(\/|$|\?)/.test(path)) return path;
  return caseBase + path.slice(4);
}

function csrfHeaders(method: string): Record<string, string> {
  return csrfToken && method !== 'GET' && method !== 'HEAD' ? { 'x-csrf-token': csrfToken } : {};
}

async function parseJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function request<T>(method: string, path: string, body?: unknown, init?: { signal?: AbortSignal }): Promise<T> {
  let res: Response;
  try {
    res = await fetch(apiPath(path), {
      method,
      headers: { ...csrfHeaders(method), ...(body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: init?.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError('NETWORK', (e as Error).message, 0);
  }
  const data = await parseJson(res);
  if (!res.ok) throw errorFromBody(res.status, data);
  return data as T;
}

export const get = <T>(path: string, init?: { signal?: AbortSignal }) => request<T>('GET', path, undefined, init);
export const post = <T>(path: string, body: unknown) => request<T>('POST', path, body);
export const put = <T>(path: string, body: unknown) => request<T>('PUT', path, body);
export const del = <T>(path: string) => request<T>('DELETE', path);

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * Sends a file as application/octet-stream with XHR, so the page can show real upload progress.
 * The file name travels URI-encoded in x-file-name.
 */
export function uploadFile<T>(path: string, file: Blob & { name?: string }, headers: Record<string, string>, onProgress?: (p: UploadProgress) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiPath(path));
    for (const [k, v] of Object.entries(csrfHeaders('POST'))) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    if (file.name) xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (ev) => onProgress?.({ loaded: ev.loaded, total: ev.lengthComputable ? ev.total : file.size });
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.({ loaded: file.size, total: file.size });
        resolve(data as T);
      } else reject(errorFromBody(xhr.status, data));
    };
    xhr.onerror = () => reject(new ApiError('NETWORK', 'upload failed', 0));
    xhr.onabort = () => reject(new ApiError('ABORTED', 'upload cancelled', 0));
    xhr.send(file);
  });
}

function fileNameFrom(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(cd);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(cd);
  return plain?.[1] ?? fallback;
}

/** Fetches a file (GET, or POST with a JSON body) and hands it to the browser as a download. */
export async function download(method: 'GET' | 'POST', path: string, body: unknown, fallbackName: string): Promise<{ name: string; size: number; blob: Blob }> {
  let res: Response;
  try {
    res = await fetch(apiPath(path), {
      method,
      headers: { ...csrfHeaders(method), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError('NETWORK', (e as Error).message, 0);
  }
  if (!res.ok) throw errorFromBody(res.status, await parseJson(res));
  const blob = await res.blob();
  const name = fileNameFrom(res, fallbackName);
  saveBlob(blob, name);
  return { name, size: blob.size, blob };
}

/** POSTs JSON and returns the answer as text (a rendered plain-text document). */
export async function postForText(path: string, body: unknown): Promise<string> {
  let res: Response;
  try {
    res = await fetch(apiPath(path), { method: 'POST', headers: { ...csrfHeaders('POST'), 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch (e) {
    throw new ApiError('NETWORK', (e as Error).message, 0);
  }
  if (!res.ok) throw errorFromBody(res.status, await parseJson(res));
  return res.text();
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
