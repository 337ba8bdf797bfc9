/**
 * The long-text veto (long-veto.ts): reproducible training (the shipped file is what `npm run train` writes), the file
 * format, and what it may change: only a long text's collection, and never with context.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { heldOutSets, longVetoTrainingSet } from './corpora.js';
import { fromBase64 } from './linear.js';
import { decodeLongVeto, encodeLongVeto, LONG_VETO_CHARS } from './long-veto.js';
import { LONG_VETO_MODEL } from './long-veto-model.js';
import { longVetoModule } from './model-file.js';
import { classifierVersion, classify, lastModelText, setLongVeto } from './model.js';
import { chooseLongVetoThreshold, LONG_VETO_MAX_LOSS, trainLongVeto, type LongVetoRow } from './train-long-veto.js';

const fs = process.getBuiltinModule('node:fs');
const ROOT = new URL('../../../../', import.meta.url);
const read = (rel: string): string => fs.readFileSync(new URL(rel, ROOT), 'utf8');

afterEach(() => setLongVeto('default'));

describe('long-text veto', () => {
  it('decodes to the bytes it was encoded from, and names itself in the classifier version', () => {
    const bytes = fromBase64(LONG_VETO_MODEL);
    expect(Buffer.from(encodeLongVeto(decodeLongVeto(bytes))).equals(Buffer.from(bytes))).toBe(true);
    expect(classifierVersion()).toMatch(/^r\d+\+lr-[0-9a-f]{8}\+lv-[0-9a-f]{8}$/);
    expect(() => decodeLongVeto(bytes.subarray(0, bytes.length - 1))).toThrow(/wrong size/);
    expect(() => decodeLongVeto(new Uint8Array(40))).toThrow(/bad header/);
  });

  it('trains to the same bytes as the shipped veto, from the classifier without it', () => {
    // What scripts/train.ts does after the linear model (here the shipped one).
    setLongVeto(null);
    const rows: LongVetoRow[] = [];
    for (const m of longVetoTrainingSet(read)) {
      const found = classify(m.text, m.to).labels.includes('collection');
      const text = lastModelText();
      if (text.length >= LONG_VETO_CHARS) rows.push({ text, collection: m.labels.includes('collection'), found });
    }
    expect(rows.length).toBeGreaterThan(4000);
    expect(longVetoModule(trainLongVeto(rows).bytes)).toBe(read('src/domain/collection/classifier/long-veto-model.ts'));
  }, 300_000);

  it('chooses the highest threshold whose vetoes drop at most the allowed share of the collection found', () => {
    const rows = [
      ...Array.from({ length: 2000 }, (_, i) => ({ z: 0.5 + i / 1000, collection: true })),
      { z: -2.1, collection: true },
      { z: -1.1, collection: true },
      { z: -0.6, collection: true },
      { z: -0.3, collection: true },
      { z: -3, collection: false },
      { z: -1, collection: false },
    ];
    // 2,004 collection rows: at most 3 (0.15 %) may be dropped. Below −0.5 three are (−2.1, −1.1, −0.6); below −0.25 four.
    expect(Math.floor(2004 * LONG_VETO_MAX_LOSS)).toBe(3);
    expect(chooseLongVetoThreshold(rows)).toBe(-0.5);
    // One more collection row at −1.6: below −0.5 four are dropped, below −0.75 three.
    expect(chooseLongVetoThreshold([...rows, { z: -1.6, collection: true }])).toBe(-0.75);
  });

  // Written for this test (not from any corpus): a neighbours' quarrel about parking, with 欠你的啊 and a threat to tow.
  it('turns away a long quarrel that the rules and the model read as collection, unless a collector sent it', () => {
    const quarrel =
      '三楼那个开白车的，你能不能别天天堵在单元门口？我早上送孩子上学，车出不去，打你电话也不接，在业主群里艾特你也装死。欠你的啊？再堵一次我就叫拖车，拖车费你自己出，到时候别在群里哭。说到做到。';
    setLongVeto(null);
    expect(classify(quarrel, 'unknown').labels).toContain('collection');
    setLongVeto('default');
    expect(classify(quarrel, 'unknown').labels).toEqual([]);
    expect(classify(quarrel, 'unknown', { context: true }).labels).toContain('collection');
    // A lender's long letter stays collection, with its threat.
    const letter =
      '【安途分期】韩先生，您的借款已逾期96天，应还本息合计8,412.60元。我司多次致电均未接通，短信也未获回复。再不处理，我们的人就去你单位门口等你，当着你同事的面把话说清楚。请于本周五前登录App完成还款。';
    expect(classify(letter, 'debtor').labels).toEqual(expect.arrayContaining(['collection', 'visit_threat']));
  });

  it('changes nothing but a long text\'s collection: over every held-out message, with the veto a label list is the same or empty', () => {
    let vetoed = 0;
    for (const m of Object.values(heldOutSets(read)).flat()) {
      setLongVeto(null);
      const without = classify(m.text, m.to);
      const long = lastModelText().length >= LONG_VETO_CHARS;
      setLongVeto('default');
      const withVeto = classify(m.text, m.to);
      if (withVeto.labels.length === without.labels.length) {
        expect(withVeto, m.id).toEqual(without);
        continue;
      }
      expect(withVeto.labels, m.id).toEqual([]);
      expect(without.labels, m.id).toContain('collection');
      expect(long, m.id).toBe(true);
      vetoed++;
    }
    // It does veto something there (the long batches' even halves).
    expect(vetoed).toBeGreaterThan(10);
  }, 300_000);
});
