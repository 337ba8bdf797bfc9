/**
 * Parse-speed benchmark for SMS Backup & Restore files, on one file:
 *   1. read only (fs stream, 1 MiB chunks): the I/O ceiling;
 *   2. bare saxes with the surrogate pre-filter, reading each element's body (no records);
 *   3. parseSmsXml: full records (numbers normalised, dedupe keys, MMS parts, attachments).
 * Prints MB/s, records/s and peak RSS per phase (RSS sampled during the phase).
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
  saxes: PhaseResult & { elements: number };
  parseSmsXml: PhaseResult & { records: number; events: number; attachments: number; recordsPerSec: number };
}

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

  const full = await phase(bytes, async (sample) => {
    let records = 0;
    let events = 0;
    let attachments = 0;
    for await (const r of parseSmsXml(createReadStream(path, { highWaterMark: CHUNK }), { file: path, bytesTotal: bytes })) {
      records++;
      if (r.type === 'event') events++;
      else if (r.type === 'attachment') attachments++;
      if ((records & 4095) === 0) sample();
    }
    return { records, events, attachments };
  });

  return {
    path,
    bytes,
    readOnly: strip(readOnly),
    saxes: { ...strip(saxes), elements: saxes.value.elements },
    parseSmsXml: { ...strip(full), ...full.value, recordsPerSec: full.value.records / full.seconds },
  };
}

function strip(p: PhaseResult): PhaseResult {
  return { seconds: p.seconds, mbPerSec: p.mbPerSec, cpuSeconds: p.cpuSeconds, mbPerCpuSec: p.mbPerCpuSec, peakRssMB: p.peakRssMB };
}

export function formatParseBench(r: ParseBenchResult): string {
  const f = (x: number, d = 1) => x.toFixed(d);
  const line = (name: string, p: PhaseResult) =>
    `${name.padEnd(20)}${f(p.mbPerSec).padStart(7)} MB/s wall (${f(p.seconds, 2)} s)  ${f(p.mbPerCpuSec).padStart(7)} MB/s CPU (${f(p.cpuSeconds, 2)} s)  peak RSS ${f(p.peakRssMB, 0)} MB`;
  return [
    `file: ${f(r.bytes / 1e6)} MB`,
    line('read only', r.readOnly),
    line('saxes + pre-filter', r.saxes) + `  (${r.saxes.elements} elements)`,
    line('parseSmsXml', r.parseSmsXml) +
      `\n${''.padEnd(20)}${r.parseSmsXml.records} records (${r.parseSmsXml.events} events, ${r.parseSmsXml.attachments} attachments), ` +
      `${f(r.parseSmsXml.recordsPerSec, 0)} records/s wall, ${f(r.parseSmsXml.records / r.parseSmsXml.cpuSeconds, 0)} records/s CPU`,
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
