/**
 * Output-identity check for classifier changes that must not change results (speed work): classifies
 * a fixed corpus of ~110,000 texts and writes, or compares against, one JSON line per text
 * (labels and spans exactly as classify returns them).
 *
 *   npx tsx bench/classifier-identity.ts --write before.jsonl [--module PATH/index.ts]
 *   npx tsx bench/classifier-identity.ts --compare before.jsonl [--module PATH/index.ts]
 *
 * Typical use: write with the previous classifier (e.g. `git archive HEAD src | tar -x -C /tmp/old`,
 * a node_modules symlink beside it, and --module /tmp/old/src/domain/collection/classifier/index.ts),
 * then compare with the working tree. The corpus: every dev-set and fixture message for each of the
 * three recipients; 30,000 bench messages; the bodies of a generated SMS backup (bench/gen-sms.ts);
 * twelve noisy variants of every fixture message (traditional characters, separators, pinyin,
 * full-width, cuts, tags, emoji); 3,000 pairs of fixture messages; and 40,000 random strings of the
 * lexicon's own words and noise. Everything is seeded, so the corpus is the same on every run.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as OpenCC from 'opencc-js';
import type { Classification, Recipient } from '../src/domain/collection/types.js';
import { generateMessages, rng } from './classifier.js';
import { generateSmsBackup } from './gen-sms.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const TOS: Recipient[] = ['debtor', 'third_party', 'unknown'];

export async function identityCorpus(): Promise<Array<{ text: string; to: Recipient }>> {
  const out: Array<{ text: string; to: Recipient }> = [];
  const files = [`${root}../shared/data/messages-dev.jsonl`];
  const fixtures = `${root}test/fixtures/messages`;
  for (const f of readdirSync(fixtures).sort()) if (f.endsWith('.jsonl')) files.push(join(fixtures, f));
  const base: string[] = [];
  for (const f of files) {
    let raw: string;
    try {
      raw = readFileSync(f, 'utf8');
    } catch {
      continue;
    }
    for (const line of raw.split('\n')) {
      if (line.trim() === '') continue;
      const m = JSON.parse(line) as { text: string };
      base.push(m.text);
      for (const to of TOS) out.push({ text: m.text, to });
    }
  }
  for (const m of generateMessages(30_000, 99)) out.push(m);

  const dir = mkdtempSync(join(tmpdir(), 'huxun-identity-'));
  try {
    await generateSmsBackup(join(dir, 'sms.xml'), 8_000_000, 11);
    const xml = readFileSync(join(dir, 'sms.xml'), 'utf8');
    const unesc = (s: string): string =>
      s
        .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)))
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
    let k = 0;
    for (const m of xml.matchAll(/ (?:body|text)="([^"]*)"/g)) {
      const t = unesc(m[1]!);
      if (t === 'null' || t.startsWith('<smil')) continue;
      out.push({ text: t, to: TOS[k++ % 3]! });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const r = rng(12345);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const toHK = OpenCC.Converter({ from: 'cn', to: 'hk' });
  const toTW = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const SEPS = [' ', '-', '*', '.', '/', '_', '~', '·', '　', '\u200b', '😊', '🔪', '❤️', '🐶', '|', '…', '、', '，', ',', '!', ':'];
  const PY: Array<[string, string]> = [
    ['逾期', 'yq'], ['还款', 'hk'], ['通讯录', 'txl'], ['催收', 'cs'], ['法院', 'fy'], ['征信', 'zx'], ['上门', 'sm'],
    ['欠款', 'qk'], ['借款', 'jk'], ['贷款', 'dk'], ['还钱', 'hq'], ['律师', 'ls'], ['逾期', 'yu qi'], ['催收', 'cui shou'],
    ['还款', 'huankuan'], ['期', 'q'], ['款', 'k'], ['收', 's'], ['门', 'm'], ['老赖', 'lao lai'], ['坐牢', 'zuolao'],
    ['逾', 'y'], ['还', 'h'], ['通讯录', 'tong xun lu'], ['报警', 'BJ'], ['起诉', 'qi su'],
  ];
  const fw = (s: string): string => s.replace(/[0-9a-zA-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  const mutate = (t: string): string => {
    let s = t;
    const ops = 1 + Math.floor(r() * 3);
    for (let k = 0; k < ops; k++) {
      const op = Math.floor(r() * 8);
      if (op === 0) s = r() < 0.5 ? toHK(s) : toTW(s);
      else if (op === 1) s = [...s].map((c) => (r() < 0.25 ? c + pick(SEPS) : c)).join('');
      else if (op === 2) {
        const [h, p] = pick(PY);
        s = s.split(h).join(r() < 0.3 ? p.toUpperCase() : p);
      } else if (op === 3) s = fw(s);
      else if (op === 4) {
        const a = Math.floor(r() * s.length);
        s = s.slice(a, a + Math.floor(r() * (s.length - a + 1)));
      } else if (op === 5) s = pick(['【好享借】', '[通知]', '〖催 收 部〗', '😡😡', '', 'SB ', 'nmsl ']) + s + pick(['——禾苗借', '🔪🔪', ' cnm', '!!', '。', '']);
      else if (op === 6) s = s.replace(/[，。]/g, () => pick([',', '.', '!', '?', ' ', '，', '。', '']));
      else s = [...s].map((c) => (r() < 0.08 ? pick(['哦', 'a', '1', '１', ' ', '\n', '妳', '著', '麽', '么', '𠀀']) : c)).join('');
    }
    return s;
  };
  for (let rep = 0; rep < 12; rep++) for (const t of base) out.push({ text: mutate(t), to: pick(TOS) });
  for (let k = 0; k < 3000; k++) out.push({ text: pick(base) + pick(['', '\n', ' ', '。']) + pick(base), to: pick(TOS) });

  // Random strings of the lexicon's words: many rule matches, negations and near misses.
  const lexSrc = readFileSync(`${root}src/domain/collection/classifier/lexicon.ts`, 'utf8');
  const words = [...new Set([...lexSrc.matchAll(/[\u4e00-\u9fff]{1,6}/g)].map((m) => m[0]))].sort();
  const noise = ['，', '。', '！', '？', ' ', '-', '你', '您', '我们', '不会', '没有', '已经', '【', '】', '12368', '(2024)浙0106民初123号', '138****1234', '🔪', '😊', 'yq', 'HK', 'sb', '\n', '1,000元', '不', '还', '了'];
  for (let k = 0; k < 40_000; k++) {
    const parts: string[] = [];
    const len = 1 + Math.floor(r() * 12);
    for (let j = 0; j < len; j++) parts.push(r() < 0.7 ? pick(words) : pick(noise));
    let t = parts.join('');
    if (r() < 0.2) t = mutate(t);
    out.push({ text: t, to: pick(TOS) });
  }
  out.push({ text: '', to: 'unknown' }, { text: ' ', to: 'debtor' }, { text: '😊', to: 'debtor' }, { text: 'a', to: 'debtor' });
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const write = opt('--write');
  const compare = opt('--compare');
  const modulePath = opt('--module') ?? `${root}src/domain/collection/classifier/index.ts`;
  if ((write === undefined) === (compare === undefined)) {
    console.error('usage: classifier-identity.ts --write FILE | --compare FILE [--module PATH]');
    process.exit(2);
  }
  const { classify } = (await import(pathToFileURL(modulePath).href)) as { classify: (t: string, to?: Recipient) => Classification };
  const corpus = await identityCorpus();
  const lines = corpus.map((m) => JSON.stringify(classify(m.text, m.to)));
  const labelled = lines.filter((l) => !l.startsWith('{"labels":[]')).length;
  if (write !== undefined) {
    writeFileSync(write, lines.join('\n') + '\n');
    console.log(`${corpus.length} texts (${labelled} labelled) → ${write}`);
  } else {
    const old = readFileSync(compare!, 'utf8').split('\n');
    let diff = 0;
    for (let i = 0; i < lines.length; i++) {
      if (old[i] === lines[i]) continue;
      if (++diff <= 5) console.log(`differs: ${JSON.stringify(corpus[i])}\n  was ${old[i]}\n  now ${lines[i]}`);
    }
    if (old.length - 1 !== lines.length) console.log(`corpus size differs: ${old.length - 1} vs ${lines.length}`);
    console.log(`${corpus.length} texts (${labelled} labelled): ${diff} differ`);
    if (diff > 0 || old.length - 1 !== lines.length) process.exit(1);
  }
}
