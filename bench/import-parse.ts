/**
 * Parse-speed benchmark for SMS Backup & Restore files, on one file:
 *   1. read only (fs stream, 1 MiB chunks): the I/O ceiling; then read + UTF-8 decode, the floor under any
 *      parser of text;
 *   2. bare saxes with the surrogate pre-filter, reading each element's body (no records);
 *   3. bare fast tokenizer (src/import/fast-xml.ts), the same work;
 *   4. parseSmsXml with saxes only: full records (numbers normalised, dedupe keys, MMS parts, attachments);
 *   5. parseSmsXml with `reopen`, which takes the fast tokenizer (saxes only if it cannot decide).
 * Prints MB/s, records/s and peak RSS per phase (RSS sampled during the phase), and the CPU-second ratios to
 * bare saxes (CPU seconds are less sensitive than wall time to other load on the machine).
 *
 *   npx tsx bench/import-parse.ts FILE.xml
 *   npx tsx bench/import-parse.ts --generate 100 [seed]    # generates a ~100 MB file in the OS temp dir first
 */
import { createReadStream } from 'node:fs';
import { stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { pathToFileURL } from 'node:url';
import { SaxesParser } from 'saxes';
import { FastXmlTokenizer } from '../src/import/fast-xml.js';
import { parseSmsXml } from '../src/import/sms-xml.js';
import { SurrogateRefFilter } from '../src/import/surrogates.js';
import { generateSmsBackup } from './gen-sms.js';

export interface PhaseResult {
  /** Wall-clock seconds. */
  seconds: number;
  mbPerSec: number;
  /** CPU seconds of this process (user + system): less sensitive to other load on the machine. */
  cpuSeconds: number;
  mbPerCpuSec: number;
  peakRssMB: number;
}

export interface ParseBenchResult {
  path: string;
  bytes: number;
  readOnly: PhaseResult;
  decodeOnly: PhaseResult;
  saxes: PhaseResult & { elements: number };
  fastTokenizer: PhaseResult & { elements: number };
  parseSmsXml: RecordsResult;
  parseSmsXmlFast: RecordsResult;
}

export type RecordsResult = PhaseResult & { records: number; events: number; attachments: number; recordsPerSec: number };

const CHUNK = 1 << 20;

async function phase<T>(bytes: number, fn: (sample: () => void) => Promise<T>): Promise<PhaseResult & { value: T }> {
  (globalThis as { gc?: () => void }).gc?.();
  let peak = process.memoryUsage.rss();
  const sample = () => {
    const r = process.memoryUsage.rss();
    if (r > peak) peak = r;
  };
  const timer = setInterval(sample, 25);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  try {
    const value = await fn(sample);
    const seconds = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    const cpuSeconds = (c.user + c.system) / 1e6;
    sample();
    return { seconds, mbPerSec: bytes / 1e6 / seconds, cpuSeconds, mbPerCpuSec: bytes / 1e6 / cpuSeconds, peakRssMB: peak / 1048576, value };
  } finally {
    clearInterval(timer);
  }
}

export async function runParseBench(path: string): Promise<ParseBenchResult> {
  const bytes = (await stat(path)).size;

  const readOnly = await phase(bytes, async (sample) => {
    let n = 0;
    for await (const c of createReadStream(path, { highWaterMark: CHUNK })) {
      n += (c as Buffer).length;
      sample();
    }
    return n;
  });

  const decodeOnly = await phase(bytes, async (sample) => {
    const dec = new StringDecoder('utf8');
    let chars = 0;
    for await (const c of createReadStream(path, { highWaterMark: CHUNK })) {
      chars += dec.write(c as Buffer).length;
      sample();
    }
    return chars + dec.end().length;
  });

  const saxes = await phase(bytes, async (sample) => {
    const parser = new SaxesParser({ xmlns: false, position: true });
    const filter = new SurrogateRefFilter();
    const dec = new StringDecoder('utf8');
    let elements = 0;
    let chars = 0;
    parser.on('opentag', (tag) => {
      const body = tag.attributes.body;
      if (typeof body === 'string') chars += body.length;
      elements++;
    });
    for await (const c of createReadStream(path, { highWaterMark: CHUNK })) {
      parser.write(filter.push(dec.write(c as Buffer)));
      sample();
    }
    parser.write(filter.push(dec.end()) + filter.end());
    parser.close();
    return { elements, chars };
  });

  const fast = await phase(bytes, async (sample) => {
    const dec = new StringDecoder('utf8');
    let elements = 0;
    let chars = 0;
    const tokenizer = new FastXmlTokenizer({
      open(tag) {
        const body = tag.attributes.body;
        if (typeof body === 'string') chars += body.length;
        elements++;
      },
      close() {},
    });
    for await (const c of createReadStream(path, { highWaterMark: CHUNK })) {
      tokenizer.write(dec.write(c as Buffer));
      sample();
    }
    tokenizer.write(dec.end());
    tokenizer.end();
    return { elements, chars };
  });

  const open = () => createReadStream(path, { highWaterMark: CHUNK });
  const records = (reopen: boolean) =>
    phase(bytes, async (sample) => {
      let records = 0;
      let events = 0;
      let attachments = 0;
      for await (const r of parseSmsXml(open(), { file: path, bytesTotal: bytes, reopen: reopen ? open : undefined })) {
        records++;
        if (r.type === 'event') events++;
        else if (r.type === 'attachment') attachments++;
        if ((records & 4095) === 0) sample();
      }
      return { records, events, attachments };
    });
  const full = await records(false);
  const fullFast = await records(true);
  if (fast.value.elements !== saxes.value.elements || fast.value.chars !== saxes.value.chars) throw new Error('fast tokenizer and saxes disagree');
  if (JSON.stringify(full.value) !== JSON.stringify(fullFast.value)) throw new Error('parseSmsXml fast and saxes-only disagree');

  const recordsResult = (p: PhaseResult & { value: { records: number; events: number; attachments: number } }): RecordsResult => ({
    ...strip(p),
    ...p.value,
    recordsPerSec: p.value.records / p.seconds,
  });
  return {
    path,
    bytes,
    readOnly: strip(readOnly),
    decodeOnly: strip(decodeOnly),
    saxes: { ...strip(saxes), elements: saxes.value.elements },
    fastTokenizer: { ...strip(fast), elements: fast.value.elements },
    parseSmsXml: recordsResult(full),
    parseSmsXmlFast: recordsResult(fullFast),
  };
}

function strip(p: PhaseResult): PhaseResult {
  return { seconds: p.seconds, mbPerSec: p.mbPerSec, cpuSeconds: p.cpuSeconds, mbPerCpuSec: p.mbPerCpuSec, peakRssMB: p.peakRssMB };
}

export function formatParseBench(r: ParseBenchResult): string {
  const f = (x: number, d = 1) => x.toFixed(d);
  const line = (name: string, p: PhaseResult) =>
    `${name.padEnd(22)}${f(p.mbPerSec).padStart(7)} MB/s wall (${f(p.seconds, 2)} s)  ${f(p.mbPerCpuSec).padStart(7)} MB/s CPU (${f(p.cpuSeconds, 2)} s)  peak RSS ${f(p.peakRssMB, 0)} MB` +
    (p === r.saxes || p === r.readOnly ? '' : `  ${f(p.mbPerCpuSec / r.saxes.mbPerCpuSec, 2)}× saxes per CPU s`);
  const records = (p: RecordsResult) =>
    `\n${''.padEnd(22)}${p.records} records (${p.events} events, ${p.attachments} attachments), ` +
    `${f(p.recordsPerSec, 0)} records/s wall, ${f(p.records / p.cpuSeconds, 0)} records/s CPU`;
  return [
    `file: ${f(r.bytes / 1e6)} MB`,
    line('read only', r.readOnly),
    line('read + UTF-8 decode', r.decodeOnly),
    line('saxes + pre-filter', r.saxes) + `  (${r.saxes.elements} elements)`,
    line('fast tokenizer', r.fastTokenizer) + `  (${r.fastTokenizer.elements} elements)`,
    line('parseSmsXml saxes', r.parseSmsXml) + records(r.parseSmsXml),
    line('parseSmsXml fast', r.parseSmsXmlFast) + records(r.parseSmsXmlFast),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  let path = args[0];
  let generated = false;
  if (path === '--generate') {
    const mb = Number(args[1] ?? 100);
    path = join(tmpdir(), `huxun-bench-sms-${process.pid}.xml`);
    const g = await generateSmsBackup(path, mb * 1e6, Number(args[2] ?? 1));
    console.error(`generated ${(g.bytes / 1e6).toFixed(1)} MB: ${g.sms} sms, ${g.mms} mms, ${g.withEmoji} with emoji`);
    generated = true;
  }
  if (!path) {
    console.error('usage: tsx bench/import-parse.ts FILE.xml | --generate MB [seed]');
    process.exit(2);
  }
  try {
    console.log(formatParseBench(await runParseBench(path)));
  } finally {
    if (generated) await unlink(path);
  }
}
