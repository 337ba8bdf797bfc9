/** One phase of bench/import.ts in its own process; prints a JSON line. */
import { createReadStream, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import { openApp } from '../src/app/context.js';
import { importFile } from '../src/app/import.js';
import { jobStatus, startUploadImport } from '../src/app/jobs.js';
import { FastXmlTokenizer } from '../src/import/fast-xml.js';
import { SurrogateRefFilter } from '../src/import/surrogates.js';

const [mode, file, dataDir] = process.argv.slice(2);
const bytes = statSync(file!).size;
const t0 = performance.now();
let records = 0;
let waitS = 0;
if (mode === 'bare') {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const filter = new SurrogateRefFilter();
  const dec = new StringDecoder('utf8');
  parser.on('opentag', () => records++);
  for await (const c of createReadStream(file!, { highWaterMark: 1 << 20 })) parser.write(filter.push(dec.write(c as Buffer)));
  parser.write(filter.push(dec.end()) + filter.end());
  parser.close();
} else if (mode === 'fast') {
  // The tokenizer the import runs first (saxes only re-reads a file it cannot vouch for).
  const tokenizer = new FastXmlTokenizer({ open: () => records++, close: () => {} });
  const dec = new StringDecoder('utf8');
  for await (const c of createReadStream(file!, { highWaterMark: 1 << 20 })) tokenizer.write(dec.write(c as Buffer));
  tokenizer.write(dec.end());
  tokenizer.end();
} else if (mode === 'job') {
  // The path the import page takes: the upload staged, then imported as a background job whose progress is kept
  // (src/app/jobs.ts); the job is polled as the page does, every 300 ms.
  const app = await openApp({ dataDir: dataDir! });
  const started = await startUploadImport(app.ctx, 'sms.xml', createReadStream(file!, { highWaterMark: 1 << 20 }), bytes);
  for (;;) {
    const j = await jobStatus(app.ctx, started.id);
    if (j.state !== 'running') {
      if (j.state !== 'done') throw new Error(`job ${j.state}: ${j.error ?? ''}`);
      records = j.result!.records;
      break;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await app.close();
} else {
  const app = await openApp({ dataDir: dataDir! });
  const stats = { waitMs: 0 };
  const r = await importFile(app.ctx, file!, { stats });
  waitS = stats.waitMs / 1000;
  if (r.thread !== 'worker') throw new Error(`expected the worker path for a ${bytes}-byte file`);
  records = r.records;
  await app.close();
}
const s = (performance.now() - t0) / 1000;
const peakRssMB = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ seconds: s, mbPerS: bytes / 1e6 / s, recordsPerS: records / s, records, peakRssMB, writerWaitS: waitS }));
