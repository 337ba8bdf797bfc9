/**
 * The layer rule of DESIGN.md as code: which top-level folder of src/ may import which.
 * Dependencies point one way: interfaces → app → domain; app → adapters.
 */
export const ALLOWED: Record<string, readonly string[]> = {
  domain: ['domain'],
  law: ['law', 'domain'],
  import: ['import', 'domain'],
  render: ['render', 'domain', 'law'],
  store: ['store', 'domain'],
  app: ['app', 'domain', 'law', 'import', 'render', 'store', 'export', 'shared'],
  server: ['server', 'app', 'domain', 'law', 'shared'],
  cli: ['cli', 'app', 'domain', 'law', 'server'],
  export: ["export", "domain", "law"],
  shared: ['shared', 'domain'],
};

export interface Violation {
  file: string;
  line: number;
  from: string;
  to: string;
  spec: string;
}

const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Checks one source file's relative imports against the layer table. `file` is relative to the repo root. */
export function checkFile(file: string, source: string): Violation[] {
  const norm = file.replace(/\\/g, '/');
  const m = /^src\/([^/]+)\//.exec(norm);
  if (!m) return [];
  const from = m[1]!;
  const allowed = ALLOWED[from];
  if (!allowed) return [];
  const out: Violation[] = [];
  // Tests may use the shared test support (real stores, fixtures) and the file system.
  const isTest = /\.test\.ts$/.test(norm);
  for (const hit of source.matchAll(IMPORT_RE)) {
    const spec = hit[1] ?? hit[2];
    if (!spec) continue;
    const line = source.slice(0, hit.index).split('\n').length + (source[hit.index] === '\n' ? 1 : 0);
    if (spec.startsWith('.')) {
      const target = resolveRel(norm, spec);
      const tm = /^src\/([^/]+)\//.exec(target);
      const to = tm ? tm[1]! : target.startsWith('web/') ? 'web' : target.startsWith('test/') ? 'test' : 'outside';
      if (isTest && to === 'test') continue;
      if (!allowed.includes(to)) out.push({ file: norm, line, from, to, spec });
    } else if (from === 'domain' && !isTest && /^(node:)?(fs|net|http|https|child_process|dgram|tls|worker_threads)(\/|$)/.test(spec)) {
      // Pure logic: no I/O modules in domain.
      out.push({ file: norm, line, from, to: spec, spec });
    }
  }
  return out;
}

function resolveRel(file: string, spec: string): string {
  const parts = file.split('/').slice(0, -1);
  for (const seg of spec.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}
