/**
 * Measures the JS a first visit downloads: index.html's entry script(s) and modulepreloads, plus every
 * chunk they import statically (recursively). Dynamic import() chunks (lazy pages, charts) are not counted.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Static import specifiers of an ES module chunk (not dynamic import()). */
export function staticImports(code: string): string[] {
  const out = new Set<string>();
  // import x from "./a.js"; import {a as b} from"./a.js"; import "./a.js"; export * from "./a.js"
  const re = /(?:^|[\s;}])(?:import|export)\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;
  for (const m of code.matchAll(re)) out.add(m[1]!);
  return [...out];
}

export interface InitialJs {
  files: { file: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
}

export function initialJs(distDir: string): InitialJs {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const roots = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) roots.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) roots.add(m[1]!);
  const seen = new Set<string>();
  const queue = [...roots].map((u) => u.replace(/^\//, ''));
  while (queue.length) {
    const rel = queue.shift()!;
    if (seen.has(rel)) continue;
    seen.add(rel);
    const code = readFileSync(join(distDir, rel), 'utf8');
    for (const spec of staticImports(code)) {
      if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
      const target = spec.startsWith('/') ? spec.slice(1) : posix.normalize(posix.join(dirname(rel), spec));
      if (!seen.has(target)) queue.push(target);
    }
  }
  const files = [...seen].map((file) => {
    const buf = readFileSync(join(distDir, file));
    return { file, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  });
  return { files, bytes: files.reduce((s, f) => s + f.bytes, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
}
