/** Helpers shared by the routes that take a raw upload or send back a file made on disk. */
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../app/errors.js';

/** The request body as a stream (the API takes uploads as application/octet-stream). */
export function uploadStream(req: FastifyRequest, what: string): Readable {
  const body = req.body as Readable | undefined;
  if (!(body && typeof body.pipe === 'function')) throw new AppError('BAD_INPUT', `send ${what} as application/octet-stream`);
  return body;
}

/** A header the client URI-encodes (file names and notes may be Chinese). */
export function textHeader(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' && v ? decodeURIComponent(v) : undefined;
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

/** Saves the upload to a private temp file, runs `use` on it, and removes it. */
export async function withUploadedFile<T>(req: FastifyRequest, what: string, prefix: string, use: (path: string) => Promise<T>): Promise<T> {
  const body = uploadStream(req, what);
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    const path = join(dir, 'upload');
    await pipeline(body, createWriteStream(path));
    return await use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
