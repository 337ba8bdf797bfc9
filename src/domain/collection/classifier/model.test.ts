/**
 * The classifier with its linear model: reproducible training (the same bytes twice, and the shipped file
 * is what `npm run train` writes), spans for every label inside the text, context only adds collection.
 */
import { describe, expect, it } from 'vitest';
import { trainingSet, heldOutSets } from './corpora.js';
import { decodeModel, encodeModel, fromBase64 } from './linear.js';
import { LINEAR_MODEL } from './linear-model.js';
import { modelModule } from './model-file.js';
import { classify, classifierVersion, loadModel } from './model.js';
import { trainLinear } from './train-linear.js';

const fs = process.getBuiltinModule('node:fs');
const ROOT = new URL('../../../../', import.meta.url);
const read = (rel: string): string => fs.readFileSync(new URL(rel, ROOT), 'utf8');

describe('linear model', () => {
  // Load time is a benchmark figure (npm run bench -- classifier), never a test assertion.
  it('is at most 20 MB and decodes to the bytes it was encoded from', () => {
    expect(LINEAR_MODEL.length).toBeLessThanOrEqual(20e6);
    const m = decodeModel(fromBase64(LINEAR_MODEL));
    // Byte comparison with Buffer.equals: a deep toEqual over the 2 MB arrays took most of a minute on a loaded machine.
    expect(Buffer.from(encodeModel(m)).equals(Buffer.from(fromBase64(LINEAR_MODEL)))).toBe(true);
    loadModel();
    expect(classifierVersion()).toMatch(/^r\d+\+lr-[0-9a-f]{8}$/);
  });

  it('trains to the same bytes twice, and the shipped model is what training writes', () => {
    const msgs = trainingSet(read);
    const a = trainLinear(msgs).bytes;
    const b = trainLinear(msgs).bytes;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(modelModule(a)).toBe(read('src/domain/collection/classifier/linear-model.ts'));
  }, 600_000);

  it('gives every label non-empty spans inside the text, with and without context', () => {
    const msgs = [...trainingSet(read), ...Object.values(heldOutSets(read)).flat()];
    for (const m of msgs) {
      for (const opts of [undefined, { context: true }]) {
        const c = classify(m.text, m.to, opts);
        if (c.labels.length > 0) expect(c.labels[0], m.id).toBe('collection');
        expect(Object.keys(c.spans).sort(), m.id).toEqual([...c.labels].sort());
        for (const l of c.labels) {
          const spans = c.spans[l]!;
          expect(spans.length, `${m.id} ${l}`).toBeGreaterThan(0);
          for (const [s, e] of spans) {
            expect(s, `${m.id} ${l}`).toBeGreaterThanOrEqual(0);
            expect(e, `${m.id} ${l}`).toBeGreaterThan(s);
            expect(e, `${m.id} ${l}`).toBeLessThanOrEqual(m.text.length);
          }
        }
      }
    }
  });

  it('context only adds: a collector\'s implicit threat is collection, an ordinary message stays ordinary', () => {
    const threat = '晚上走夜路小心点';
    expect(classify(threat, 'debtor').labels).toEqual([]);
    expect(classify(threat, 'debtor', { context: true }).labels).toContain('collection');
    expect(classify('好的谢谢', 'debtor', { context: true }).labels).toEqual([]);
    const plain = '您的借款已逾期3天，请尽快还款';
    expect(classify(plain, 'debtor', { context: true })).toEqual(classify(plain, 'debtor'));
  });
});
