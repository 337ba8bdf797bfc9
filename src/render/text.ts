/**
 * DocModel → plain text, for online complaint forms and messages, optionally within a length limit.
 *
 * Length is counted in Unicode code points by default ([...s].length): one per Chinese character, letter, digit,
 * punctuation mark or emoji, one per line break. Online forms do not all count that way:
 * - a form that limits input with the HTML maxlength attribute, or counts with JavaScript's `value.length`, counts
 *   UTF-16 code units: characters outside the BMP (emoji, CJK Extension B such as 𠮷) count 2;
 * - a form that counts on the server after submission may count each line break as 2 (CR LF);
 * - a few count bytes (a Chinese character is 3 in UTF-8, 2 in GBK).
 * We have not checked how each regulator's form counts (not verifiable offline). Use { unit: 'utf16' } and
 * { newlineWeight: 2 } for the strictest of the first two; leave a margin for byte-counting forms.
 *
 * Shortening (deterministic; same model and limit, same text):
 * 1. the full text, if it fits;
 * 2. the compact form: single line breaks, citations as name and article only, then blocks dropped one at a time,
 *    lowest priority first ('low', then 'normal'), the last block first within a priority; a heading goes with the
 *    last block of its section;
 * 3. if the title and the 'key' blocks still do not fit, the headings go, then the key blocks are shortened
 *    water-filling style: short blocks keep their full text, the longest are cut to an equal share with "…";
 * 4. the title is always kept (cut with "…" only if the title alone exceeds the limit).
 */
import { blockPriority, plainText, type Block, type DocModel, type Priority } from '../domain/documents/model.js';
import { citationExcerpt, labels } from './labels.js';

export interface TextOptions {
  /** How the limit counts: code points (default) or UTF-16 code units (HTML maxlength, JS length). */
  unit?: 'codepoint' | 'utf16';
  /** What a line break counts for (2 for forms that count CR LF). Default 1. */
  newlineWeight?: number;
}

/** The length of s as the options count it. */
export function measureText(s: string, opts: TextOptions = {}): number {
  const nl = opts.newlineWeight ?? 1;
  const utf16 = opts.unit === 'utf16';
  let n = 0;
  for (const ch of s) {
    if (ch === '\n') n += nl;
    else n += utf16 ? ch.length : 1;
  }
  return n;
}

/** The longest prefix of s (whole code points) that measures at most `units`. */
function prefix(s: string, units: number, opts: TextOptions): string {
  const nl = opts.newlineWeight ?? 1;
  const utf16 = opts.unit === 'utf16';
  let n = 0;
  let i = 0;
  for (const ch of s) {
    const w = ch === '\n' ? nl : utf16 ? ch.length : 1;
    if (n + w > units) break;
    n += w;
    i += ch.length;
  }
  return s.slice(0, i);
}

/** s cut to at most `units`, ending in "…" when cut. */
function cut(s: string, units: number, opts: TextOptions): string {
  if (measureText(s, opts) <= units) return s;
  const ell = '…';
  const room = units - measureText(ell, opts);
  if (room <= 0) return prefix(s, units, opts);
  return prefix(s, room, opts).replace(/\s+$/u, '') + ell;
}

function blockText(b: Block, model: DocModel, compact: boolean): string {
  const L = labels(model.lang);
  switch (b.type) {
    case 'heading':
      return b.text;
    case 'paragraph':
      return plainText(b.text);
    case 'list':
      return b.items.map((it, i) => `${b.ordered ? `${i + 1}.` : '-'} ${plainText(it)}`).join('\n');
    case 'table':
      return b.rows
        .map((r) =>
          b.headers.length
            ? r.map((c, i) => (b.headers[i] ? `${b.headers[i]}${L.cellSep}${c}` : c)).join(L.rowSep)
            : r.join(L.rowSep),
        )
        .join('\n');
    case 'citation': {
      const name = L.lawTitle(b.law) + (b.article ? (model.lang === 'zh-CN' ? b.article : ` ${b.article}`) : '');
      if (compact) return name;
      const tail = model.lang === 'zh-CN' ? `（${b.tierLabel}）` : ` (${b.tierLabel})`;
      const ex = citationExcerpt(b, L);
      return ex ? `${name}${model.lang === 'zh-CN' ? '：' : ': '}${ex}${tail}` : `${name}${tail}`;
    }
    case 'signature':
      return b.lines.join('\n');
    case 'note':
      return `${L.notePrefix}${b.text}`;
  }
}

interface Item {
  text: string;
  prio: Priority;
  heading: number | null; // level, for headings
  section: number[]; // for a heading: indexes of the items under it
}

function items(model: DocModel, compact: boolean): Item[] {
  const out: Item[] = [];
  if (model.subtitle) out.push({ text: model.subtitle, prio: 'normal', heading: null, section: [] });
  const open: { level: number; idx: number }[] = [];
  // The annex (附件) follows the letter; within a length limit it goes first.
  const annex = (model.annex ?? []).map((b): Block => (b.type === 'heading' ? b : { ...b, priority: 'low' }));
  for (const b of [...model.blocks, ...annex]) {
    const text = blockText(b, model, compact);
    if (b.type === 'heading') {
      while (open.length && open[open.length - 1]!.level >= b.level) open.pop();
      for (const h of open) out[h.idx]!.section.push(out.length);
      open.push({ level: b.level, idx: out.length });
      out.push({ text, prio: blockPriority(b), heading: b.level, section: [] });
    } else {
      if (!text) continue;
      for (const h of open) out[h.idx]!.section.push(out.length);
      out.push({ text, prio: blockPriority(b), heading: null, section: [] });
    }
  }
  return out;
}

/**
 * Plain text of the model. With a limit, never longer than the limit as `opts` counts (see the module comment for
 * the shortening steps and how online forms count).
 */
export function renderText(model: DocModel, limit?: number, opts: TextOptions = {}): string {
  const full = [model.title, ...items(model, false).map((i) => i.text)].filter((s) => s.length > 0).join('\n\n');
  if (limit === undefined || measureText(full, opts) <= limit) return full;
  if (limit <= 0) return '';
  const m = (s: string) => measureText(s, opts);
  const title = model.title;
  if (m(title) >= limit) return cut(title, limit, opts);

  const list = items(model, true);
  const sep = '\n';
  const sepLen = m(sep);
  const keep = list.map(() => true);
  const lens = list.map((i) => m(i.text));
  // A heading is shown while any item of its section is (and it is not dropped itself).
  const headingShown = (idx: number): boolean => keep[idx]! && list[idx]!.section.some((j) => keep[j]! && list[j]!.heading === null);
  const shown = (idx: number) => (list[idx]!.heading !== null ? headingShown(idx) : keep[idx]!);
  const total = () => list.reduce((n, _, i) => (shown(i) && lens[i]! > 0 ? n + sepLen + lens[i]! : n), m(title));
  const assemble = (texts: (string | null)[]) => [title, ...texts].filter((t): t is string => t !== null && t.length > 0).join(sep);

  if (total() <= limit) return assemble(list.map((it, i) => (shown(i) ? it.text : null)));
  for (const prio of ['low', 'normal'] as const) {
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i]!.heading !== null || list[i]!.prio !== prio) continue;
      keep[i] = false;
      if (total() <= limit) return assemble(list.map((it, j) => (shown(j) ? it.text : null)));
    }
  }
  // Only key blocks (and their headings) are left: drop headings, last first.
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i]!.heading === null) continue;
    keep[i] = false;
    if (total() <= limit) return assemble(list.map((it, j) => (shown(j) ? it.text : null)));
  }
  // Water-fill the key blocks into what is left.
  let key = list.map((it, i) => (keep[i] && it.heading === null && lens[i]! > 0 ? i : -1)).filter((i) => i >= 0);
  const minEach = m('…') + 1;
  while (key.length && limit - m(title) - key.length * sepLen < key.length * minEach) key = key.slice(0, -1);
  if (!key.length) return title;
  let budget = limit - m(title) - key.length * sepLen;
  const alloc = new Map<number, number>();
  const order = [...key].sort((a, b) => lens[a]! - lens[b]! || a - b);
  order.forEach((idx, k) => {
    const share = Math.floor(budget / (order.length - k));
    const a = Math.min(lens[idx]!, share);
    alloc.set(idx, a);
    budget -= a;
  });
  const out = assemble(list.map((it, i) => (alloc.has(i) ? cut(it.text, alloc.get(i)!, opts) : null)));
  return m(out) <= limit ? out : cut(out, limit, opts); // cannot happen; a guard for the guarantee
}
