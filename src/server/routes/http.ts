/** Helpers shared by the routes that take a raw upload or send back a file made on disk. */
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../app/errors.js';

const GiB = 1024 ** 3;

/** The most bytes each upload route takes; generous for backups, but a bound (server option `limits`). */
export interface UploadLimits {
  imports: number;
  evidence: number;
  restore: number;
  verify: number;
  /** JSON bodies (every other route). */
  json: number;
}

export const DEFAULT_LIMITS: UploadLimits = { imports: 4 * GiB, evidence: 2 * GiB, restore: 8 * GiB, verify: 4 * GiB, json: 2 * 1024 * 1024 };

/** The request body as a stream (the API takes uploads as application/octet-stream). */
export function uploadStream(req: FastifyRequest, what: string): Readable {
  const body = req.body as Readable | undefined;
  if (!(body && typeof body.pipe === 'function')) throw new AppError('BAD_INPUT', `send ${what} as application/octet-stream`);
  return body;
}

function tooLarge(max: number): Error {
  const mb = Math.floor(max / 1024 / 1024);
  return Object.assign(new Error(`文件太大：这里最多接受 ${mb} MB the upload is too large (at most ${mb} MB here)`), { statusCode: 413, code: 'TOO_LARGE' });
}

/**
 * Runs `use` on the upload, at most `max` bytes of it: refused at once when Content-Length says more,
 * and cut off with 413 when a chunked body grows past it. `use` (the app function) removes its own temp
 * file when the stream fails. The request itself is not destroyed, so that the 413 still reaches the
 * client; the connection is closed after it (see the error handler).
 */
export async function withUpload<T>(req: FastifyRequest, what: string, max: number, use: (stream: Readable) => Promise<T>): Promise<T> {
  const body = uploadStream(req, what);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) throw tooLarge(max);
  let seen = 0;
  let over = false;
  const limited = new Transform({
    transform(chunk: Buffer, _e, cb) {
      seen += chunk.length;
      if (seen > max) {
        over = true;
        cb(tooLarge(max));
      } else cb(null, chunk);
    },
  });
  // pipe, not pipeline: pipeline would destroy the request (and its socket) on our own error.
  body.pipe(limited);
  body.once('error', (e) => limited.destroy(e));
  body.once('close', () => {
    if (!body.readableEnded) limited.destroy(new Error('上传中断 upload interrupted'));
  });
  try {
    return await use(limited);
  } catch (e) {
    if (over) throw tooLarge(max);
    throw e;
  }
}

/** A header the client URI-encodes (file names and notes may be Chinese); malformed encoding is the client's error (400). */
export function textHeader(req: FastifyRequest, name: string, maxChars = 1000): string | undefined {
  const v = req.headers[name];
  if (typeof v !== 'string' || !v) return undefined;
  let s: string;
  try {
    s = decodeURIComponent(v);
  } catch {
    throw new AppError('BAD_INPUT', `${name}: 不是有效的 URI 编码 not valid URI encoding`);
  }
  if ([...s].length > maxChars) throw new AppError('BAD_INPUT', `${name}: 最多 ${maxChars} 个字符 at most ${maxChars} characters`);
  return s;
}

export const MAX_NAME_CHARS = 200;

/**
 * The one cleaning of a file name that arrives from outside (every route uses it): the last path
 * segment only, NFC, no control or invisible format characters (bidi overrides can disguise
 * "gpj.exe" as "exe.jpg"), at most 200 characters with the extension kept. Empty → undefined.
 */
export function cleanFileName(raw: string): string | undefined {
  let s = raw.normalize('NFC').replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '');
  s = (s.split(/[/\\]/).pop() ?? '').trim();
  if (s === '.' || s === '..') s = '';
  const chars = [...s];
  if (chars.length > MAX_NAME_CHARS) {
    const dot = s.lastIndexOf('.');
    const ext = dot > 0 && s.length - dot <= 16 ? s.slice(dot) : '';
    s = chars.slice(0, MAX_NAME_CHARS - [...ext].length).join('').trimEnd() + ext;
  }
  return s || undefined;
}

/** The x-file-name header, decoded and cleaned; required. */
export function fileNameHeader(req: FastifyRequest): string {
  const name = cleanFileName(textHeader(req, 'x-file-name', 4 * MAX_NAME_CHARS) ?? '');
  if (!name) throw new AppError('BAD_INPUT', 'x-file-name header is required');
  return name;
}

/**
 * Makes a file in a private temp folder with `make(path)`, streams it back as an attachment and
 * removes the folder once sent. `make` returns the download name.
 */
export async function sendTempFile(reply: FastifyReply, prefix: string, contentType: string, make: (path: string) => Promise<string>): Promise<FastifyReply> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    const path = join(dir, 'out');
    const name = await make(path);
    const stream = createReadStream(path);
    stream.on('close', () => rmSync(dir, { recursive: true, force: true }));
    return reply.header('content-type', contentType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`).send(stream);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** Saves the upload (at most `max` bytes) to a private temp file, runs `use` on it, and removes it. */
export async function withUploadedFile<T>(req: FastifyRequest, what: string, max: number, prefix: string, use: (path: string) => Promise<T>): Promise<T> {
  return withUpload(req, what, max, async (body) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    const path = join(dir, 'upload');
    const out = createWriteStream(path);
    try {
      await pipeline(body, out);
      return await use(path);
    } finally {
      // pipeline can settle while the file is still being opened: wait, or it outlives the rm.
      if (!out.closed) await once(out, 'close').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
