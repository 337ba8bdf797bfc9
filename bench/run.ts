/**
 * `npm run bench`: every benchmark, printing figures. Not part of the tests (`npm run bench -- security` for one).
 * HUXUN_BENCH_IMPORT_MB (default 500) and HUXUN_BENCH_BUNDLE_MB (default 500) size the file benchmarks.
 */
import { cpus, totalmem } from 'node:os';

const section = (s: string) => console.log(`\n== ${s} ==`);
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

if (want('loans')) {
  section('loans: rates for 100k generated loans');
  const { runLoansBench } = await import('./loans.js');
  runLoansBench();
}
if (want('classifier')) {
  section('classifier');
  const { runClassifierBench } = await import('./classifier.js');
  runClassifierBench();
}
if (want('findings')) {
  section('findings: PRC rule pack');
  const { runFindingsBench } = await import('./findings.js');
  runFindingsBench();
}
if (want('import')) {
  section('import: SMS backup');
  const { runImportBench } = await import('./import.js');
  await runImportBench(Number(process.env.HUXUN_BENCH_IMPORT_MB ?? 500));
}
if (want('bundle')) {
  section('evidence bundle export and verify');
  const { runBundleBench, printBundleBench } = await import('./bundle.js');
  printBundleBench(await runBundleBench({ attachmentMB: Number(process.env.HUXUN_BENCH_BUNDLE_MB ?? 500) }));
}
if (want('documents')) {
  section('documents: complaint PDF for a case with 10,000 events');
  const { runDocumentsBench } = await import('./documents.js');
  await runDocumentsBench();
}
if (want('security')) {
  section('security: bounded work on crafted inputs (300k/1M-character messages, longest answers)');
  const { runSecurityBench } = await import('./security.js');
  await runSecurityBench();
}
if (want('plan')) {
  section('plan: 30 loans over 120 months (target ≤ 20 ms)');
  const { runPlanBench } = await import('./plan.js');
  runPlanBench();
}
if (only.includes('server')) {
  // Only when asked for (it seeds a PostgreSQL database of a million events): npm run bench -- server [--cases N …].
  section('server: organisation server under load (PostgreSQL, loopback; targets: timeline p95 ≤ 150 ms, 0 errors, flat memory)');
  const { runServerBench } = await import('./server.js');
  await runServerBench(only);
}
if (want('ocr')) {
  section('ocr: screenshots (rendered phone screens, clean and forwarded copies)');
  const { runOcrBench } = await import('./ocr.js');
  await runOcrBench();
}
