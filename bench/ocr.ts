/**
 * `npm run bench -- ocr`: screenshots → text and events, on phone screens rendered here (test/fixtures/ocr/render.ts:
 * HTML in Chromium at device scale 3, the exact text known), each also as a forwarded copy (half size, JPEG q45).
 * Prints per image: character error rate (raw, and with full-width punctuation mapped to ASCII; of a chat, over the
 * header, separators and bubbles as the importer reads them; of a call log, over every line), events whose time,
 * direction and number (and for calls duration and missed) are exact, OCR time, and then the model load time, peak
 * RSS of the process (the OCR worker included) and the size OCR adds to node_modules.
 *
 *   HUXUN_BENCH_OCR_SEED=2 npm run bench -- ocr     (a fresh batch: another seed draws other texts, times, numbers)
 *   HUXUN_BENCH_OCR_DIR=bench/out/ocr-s2            (where the images go; rendered again unless they exist)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ocrWorker, recognizeImage, stopOcr } from '../src/app/ocr.js';
import { toIsoLocal } from '../src/domain/time.js';
import { analyzeScreen, levenshtein, screenEvents, tidyText } from '../src/import/ocr/layout.js';
import { parseIsoDate } from '../src/import/ocr/time.js';
import { degrade, makeScreens, renderScreens, type Screen, type TruthEvent } from '../test/fixtures/ocr/render.js';

const PUNCT: Record<string, string> = { '，': ',', '：': ':', '？': '?', '！': '!', '（': '(', '）': ')', '【': '[', '】': ']', '。': '.', '；': ';', '“': '"', '”': '"', '‹': '<' };
const strip = (s: string) => s.replace(/\s+/g, '');
const punct = (s: string) => s.replace(/[，：？！（）【】。；“”‹]/g, (c) => PUNCT[c]!);

export function cer(ref: string, hyp: string): number {
  const r = strip(ref);
  return r.length ? levenshtein(r, strip(hyp)) / r.length : 0;
}

function dirSize(p: string): number {
  try {
    return Number(execFileSync('du', ['-sb', p], { encoding: 'utf8' }).split('\t')[0]);
  } catch {
    return 0;
  }
}

/** node_modules folders that only the OCR brought in (package-lock: @gutenye/ocr-node and its dependency tree). */
function ocrModulesBytes(): { bytes: number; parts: [string, number][] } {
  const names = ['@gutenye', 'heic-decode', 'libheif-js', 'onnxruntime-node', 'onnxruntime-common', 'sharp', '@img', '@techstark', 'js-clipper', 'tiny-invariant', 'adm-zip', 'global-agent', 'color', 'color-convert', 'color-name', 'color-string', 'simple-swizzle', 'is-arrayish', 'serialize-error', 'matcher'];
  const parts = names.map((n) => [n, dirSize(join('node_modules', n))] as [string, number]).filter(([, b]) => b > 0);
  return { bytes: parts.reduce((a, [, b]) => a + b, 0), parts };
}

function eventsExact(truth: TruthEvent[], got: ReturnType<typeof screenEvents>['events']): number {
  const used = new Set<number>();
  let ok = 0;
  for (const t of truth) {
    const i = got.findIndex((g, k) => {
      if (used.has(k) || g.kind !== t.kind || g.direction !== t.direction) return false;
      if (toIsoLocal(g.at, g.tz).replace('T', ' ').slice(0, 16) !== t.at) return false;
      if (t.number && g.number !== t.number) return false;
      if (t.kind === 'call') return g.durationS === t.durationS && (g.callStatus === 'missed') === !!t.missed;
      if (t.name && g.counterpartName !== t.name) return false;
      return cer(t.text ?? '', g.text ?? '') <= 0.1;
    });
    if (i >= 0) {
      used.add(i);
      ok++;
    }
  }
  return ok;
}

export interface OcrBenchRow { file: string; chars: number; cer: number; cerPunct: number; events: number; exact: number; ms: number; cpuMs: number; w: number; h: number; problem?: string }

export async function runOcrBench(opts: { seed?: number; dir?: string; log?: (s: string) => void } = {}): Promise<OcrBenchRow[]> {
  const log = opts.log ?? console.log;
  const seed = opts.seed ?? Number(process.env.HUXUN_BENCH_OCR_SEED ?? 1);
  const dir = opts.dir ?? process.env.HUXUN_BENCH_OCR_DIR ?? join('bench', 'out', `ocr-s${seed}`);
  let screens: Screen[];
  if (existsSync(join(dir, 'truth.json'))) screens = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Screen[];
  else {
    const t0 = performance.now();
    screens = await renderScreens(dir, makeScreens(seed));
    for (const s of screens) await degrade(join(dir, s.file), join(dir, s.file.replace(/\.png$/, '.lowq.jpg')));
    log(`rendered ${screens.length} screens (+ ${screens.length} forwarded copies) in ${dir} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const t0 = performance.now();
  // Load time as the worker measures it (import of the engine + both ONNX sessions), and the wall time to a first answer.
  const first = recognizeImage(readFileSync(join(dir, screens[0]!.file)));
  const loadMs = await ocrWorker.loadMs!;
  await first;
  log(`model load: ${loadMs.toFixed(0)} ms (the two ONNX sessions), after ${ocrWorker.moduleMs.toFixed(0)} ms loading the engine's JS (onnxruntime-node, sharp); worker start to ready ${ocrWorker.readyMs.toFixed(0)} ms; opencv-js loaded: ${ocrWorker.opencvLoaded ? 'yes' : 'no'}; first screenshot answered ${((performance.now() - t0) / 1000).toFixed(2)} s after the worker was started; ${load()}`);
  const rows: OcrBenchRow[] = [];
  log('image                                  size        chars   CER   CER(punct)  events exact  wall ms  cpu ms');
  for (const variant of ['png', 'lowq.jpg']) {
    for (const s of screens) {
      const file = variant === 'png' ? s.file : s.file.replace(/\.png$/, '.lowq.jpg');
      const bytes = readFileSync(join(dir, file));
      const { page, ms, cpuMs } = await recognizeImage(bytes);
      // Lines the screen's bottom edge cuts through are not whole text (the importer leaves their bubble out too).
      const hyp = page.lines.filter((l) => page.height - l.y1 >= (l.y1 - l.y0) * 0.8).map((l) => tidyText(l.text)).join('\n');
      const ref = s.lines.join('\n');
      let events: ReturnType<typeof screenEvents>['events'] = [];
      let problem: string | undefined;
      let read = hyp;
      try {
        const a = analyzeScreen(page);
        events = screenEvents(a, { captured: parseIsoDate(s.takenAt), tz: 'Asia/Shanghai', sha256: 'x', file }).events;
        // A chat's text as the importer reads it: header, separators and whole bubbles in order (a bubble the bottom
        // edge cuts off is neither in the truth nor read).
        if (a.kind !== 'call-log') {
          const parts = [...a.separators.map((x) => ({ y: x.y, t: x.text })), ...a.messages.map((m) => ({ y: m.box[1], t: m.text }))].sort((p, q) => p.y - q.y);
          read = [a.counterpart?.text ?? '', ...parts.map((p) => p.t)].join('\n');
        }
      } catch (e) {
        problem = (e as Error).message.slice(0, 60);
      }
      const row: OcrBenchRow = { file, chars: strip(ref).length, cer: cer(ref, read), cerPunct: cer(punct(ref), punct(read)), events: s.events.length, exact: eventsExact(s.events, events), ms, cpuMs, w: page.originalWidth, h: page.originalHeight, problem };
      rows.push(row);
      log(`${file.padEnd(38)} ${`${row.w}×${row.h}`.padEnd(11)} ${String(row.chars).padStart(5)} ${(row.cer * 100).toFixed(2).padStart(5)} % ${(row.cerPunct * 100).toFixed(2).padStart(6)} %   ${`${row.exact}/${row.events}`.padStart(7)}  ${ms.toFixed(0).padStart(7)} ${cpuMs.toFixed(0).padStart(7)}${problem ? `  ✗ ${problem}` : ''}`);
    }
  }
  for (const variant of ['png', 'lowq.jpg']) {
    const rs = rows.filter((r) => r.file.endsWith(variant));
    const chars = rs.reduce((a, r) => a + r.chars, 0);
    const err = rs.reduce((a, r) => a + r.cer * r.chars, 0);
    const errP = rs.reduce((a, r) => a + r.cerPunct * r.chars, 0);
    const phone = rs.filter((r) => r.h <= 2600);
    const long = rs.filter((r) => r.h > 2600);
    log(
      `${variant === 'png' ? 'clean     ' : 'forwarded '}: CER ${((err / chars) * 100).toFixed(2)} % (${((errP / chars) * 100).toFixed(2)} % punctuation mapped) over ${chars} chars; events exact ${rs.reduce((a, r) => a + r.exact, 0)}/${rs.reduce((a, r) => a + r.events, 0)}; ` +
        `${(phone.length / (phone.reduce((a, r) => a + r.ms, 0) / 1000)).toFixed(2)} phone screenshots/s wall (${(phone.reduce((a, r) => a + r.cpuMs, 0) / phone.length).toFixed(0)} ms CPU each)` +
        (long.length ? `; long ${long.map((r) => `${r.w}×${r.h} ${(r.ms / 1000).toFixed(1)} s wall, ${(r.cpuMs / 1000).toFixed(1)} s CPU`).join(', ')}` : ''),
    );
  }
  log(`peak RSS (process, OCR worker included): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; ${load()}`);
  const mods = ocrModulesBytes();
  log(`node_modules added by OCR: ${(mods.bytes / 2 ** 20).toFixed(0)} MB (${mods.parts.sort((a, b) => b[1] - a[1]).map(([n, b]) => `${n} ${(b / 2 ** 20).toFixed(1)}`).join(', ')})`);
  await stopOcr();
  return rows;
}

const load = () => `load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`;


