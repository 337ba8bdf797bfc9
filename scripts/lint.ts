/** Project lint: layer directions (scripts/layers.ts) and literal UI text outside the i18n layer. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkFile } from './layers.js';
import { findLiteralUiText } from './ui-text.js';

const root = new URL('..', import.meta.url).pathname;

function walk(dir: string, out: string[] = []): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

let problems = 0;
for (const abs of walk(join(root, 'src'))) {
  const rel = relative(root, abs);
  for (const v of checkFile(rel, readFileSync(abs, 'utf8'))) {
    problems++;
    console.error(`${v.file}:${v.line}: layer "${v.from}" may not import "${v.to}" (${v.spec})`);
  }
}
for (const abs of walk(join(root, 'web', 'src'))) {
  if (!abs.endsWith('.tsx') || abs.endsWith('.test.tsx')) continue;
  const rel = relative(root, abs);
  for (const v of findLiteralUiText(readFileSync(abs, 'utf8'))) {
    problems++;
    console.error(`${rel}:${v.line}: literal UI text ${JSON.stringify(v.text)}: put it in web/src/i18n`);
  }
}
if (problems) {
  console.error(`lint: ${problems} problem(s)`);
  process.exit(1);
}
console.error('lint: ok');
