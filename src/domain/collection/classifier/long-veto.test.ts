/**
 * The long-text veto (long-veto.ts): reproducible training (the shipped file is what `npm run train` writes), the file
 * format, and what it may change: only a long text's labels, only by taking away collection (and so every label) or a
 * label head's label, and never with context.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { heldOutSets, longVetoTrainingSet } from './corpora.js';
import { decodeModel, forEachGram, fromBase64, lastBuckets, NL, scoreGramsInto } from './linear.js';
import { LINEAR_MODEL } from './linear-model.js';
import { decodeLongVeto, encodeLongVeto, LONG_VETO_CHARS, LONG_VETO_LABELS, longVetoDrops, longVetoDropsOf } from './long-veto.js';
import { LONG_VETO_MODEL } from './long-veto-model.js';
import { longVetoModule } from './model-file.js';
import { classifierVersion, classify, lastModelText, setLongVeto } from './model.js';
import { chooseLongVetoThreshold, longVetoRows, trainLongVeto } from './train-long-veto.js';

const fs = process.getBuiltinModule('node:fs');
const ROOT = new URL('../../../../', import.meta.url);
const read = (rel: string): string => fs.readFileSync(new URL(rel, ROOT), 'utf8');

afterEach(() => setLongVeto('default'));

describe('long-text veto', () => {
  it('decodes to the bytes it was encoded from, keeps the two model files under 20 MB, and names itself in the classifier version', () => {
    expect(LINEAR_MODEL.length + LONG_VETO_MODEL.length).toBeLessThanOrEqual(20e6);
    const bytes = fromBase64(LONG_VETO_MODEL);
    expect(Buffer.from(encodeLongVeto(decodeLongVeto(bytes))).equals(Buffer.from(bytes))).toBe(true);
    expect(classifierVersion()).toMatch(/^r\d+\+lr-[0-9a-f]{8}\+lv-[0-9a-f]{8}$/);
    expect(decodeLongVeto(bytes).heads.map((h) => h.label)).toEqual(LONG_VETO_LABELS);
    expect(() => decodeLongVeto(bytes.subarray(0, bytes.length - 1))).toThrow(/wrong size/);
    expect(() => decodeLongVeto(new Uint8Array(40))).toThrow(/bad header/);
  });

  it('trains to the same bytes as the shipped veto, from the classifier without it', () => {
    // What scripts/train.ts does after the linear model (here the shipped one).
    const rows = longVetoRows(longVetoTrainingSet(read));
    expect(rows.length).toBeGreaterThan(4000);
    expect(longVetoModule(trainLongVeto(rows).bytes)).toBe(read('src/domain/collection/classifier/long-veto-model.ts'));
  }, 300_000);

  // model.ts sums the veto's weights over the buckets the main model's pass has just found (linear.ts lastBuckets), not
  // over a second hashing of the text, which training does (forEachGram).
  it('reads the same grams from the main model\'s pass as from hashing the text again, and drops the same labels', () => {
    const model = decodeModel(fromBase64(LINEAR_MODEL));
    const veto = decodeLongVeto(fromBase64(LONG_VETO_MODEL));
    expect(veto.bits).toBe(model.bits);
    const out = new Float64Array(NL);
    let n = 0;
    for (const m of Object.values(heldOutSets(read)).flat()) {
      classify(m.text, m.to);
      const text = lastModelText();
      if (text.length < LONG_VETO_CHARS) continue;
      scoreGramsInto(model, text, new Float64Array(NL), out);
      const { buckets, count } = lastBuckets();
      const own: number[] = [];
      forEachGram(text, veto.bits, (b) => {
        own.push(b);
      });
      expect([...buckets.subarray(0, count)].sort((a, b) => a - b), m.id).toEqual(own.sort((a, b) => a - b));
      expect(longVetoDropsOf(veto, buckets, count, ~0), m.id).toBe(longVetoDrops(veto, text, ~0));
      n++;
    }
    expect(n).toBeGreaterThan(3000);
  }, 120_000);

  it('chooses the highest threshold whose vetoes drop at most the allowed share of the right labels', () => {
    const rows = [
      ...Array.from({ length: 2000 }, (_, i) => ({ z: 0.5 + i / 1000, right: true })),
      { z: -2.1, right: true },
      { z: -1.1, right: true },
      { z: -0.6, right: true },
      { z: -0.3, right: true },
      { z: -3, right: false },
      { z: -1, right: false },
    ];
    // 2,004 right rows: at 0.15 % at most 3 may be dropped. Below −0.5 three are (−2.1, −1.1, −0.6); below −0.25 four.
    expect(chooseLongVetoThreshold(rows, 0.0015)).toBe(-0.5);
    // One more right row at −1.6: below −0.5 four are dropped, below −0.75 three.
    expect(chooseLongVetoThreshold([...rows, { z: -1.6, right: true }], 0.0015)).toBe(-0.75);
    // At 0.1 % two may be dropped: below −1 two are (−2.1, −1.1); below −0.75 still two; below −0.5 three.
    expect(chooseLongVetoThreshold(rows, 0.001)).toBe(-0.75);
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

  it('only takes labels away from a long text: collection with every label, or a head\'s label; over every held-out message', () => {
    const headBits = LONG_VETO_LABELS.filter((l) => l !== 'collection');
    let vetoed = 0;
    let dropped = 0;
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
      expect(long, m.id).toBe(true);
      expect(without.labels, m.id).toContain('collection');
      if (withVeto.labels.length === 0) {
        vetoed++;
        continue;
      }
      // A head's label is gone; everything else, spans included, is as before.
      const gone = without.labels.filter((l) => !withVeto.labels.includes(l));
      expect(gone.length, m.id).toBeGreaterThan(0);
      for (const l of gone) expect(headBits, `${m.id} ${l}`).toContain(l);
      for (const l of withVeto.labels) expect(withVeto.spans[l], `${m.id} ${l}`).toEqual(without.spans[l]);
      dropped++;
    }
    // It does veto something there (the long batches' even halves and the session's long batches).
    expect(vetoed).toBeGreaterThan(10);
    expect(dropped).toBeGreaterThan(5);
  }, 300_000);

  it('drops a head\'s label and keeps the rest with its spans; a short text and context are never read', () => {
    const shipped = decodeLongVeto(fromBase64(LONG_VETO_MODEL));
    // The shipped veto with its false_legal head made to drop every false_legal it reads.
    const always = { ...shipped, heads: shipped.heads.map((h) => (h.label === 'false_legal' ? { ...h, threshold: Infinity } : h)) };
    const letter =
      '【汇通金融】刘女士，您的借款已逾期120天，欠款合计15,360元。经核实您的行为已构成恶意透支，涉嫌诈骗罪，我司已将材料移交公安机关，警方将于近日对您实施拘留。请您于今日18:00前结清欠款，以免留下案底，影响子女今后考公参军。';
    const before = classify(letter, 'debtor');
    expect(before.labels).toContain('false_legal');
    setLongVeto(always);
    const after = classify(letter, 'debtor');
    expect(after.labels).toEqual(before.labels.filter((l) => l !== 'false_legal'));
    for (const l of after.labels) expect(after.spans[l], l).toEqual(before.spans[l]);
    expect(classify(letter, 'debtor', { context: true }).labels).toContain('false_legal');
    const short = '你已涉嫌诈骗罪，警方明天就来拘留你，赶紧还钱';
    expect(short.length).toBeLessThan(LONG_VETO_CHARS);
    expect(classify(short, 'debtor').labels).toContain('false_legal');
  });

  // Session 19: the CI of a027c1f found a threat pasted 180 times (81 distinct grams in 4,000 code units) vetoed as
  // if ordinary (classify.test.ts, "merges thousands of spans"); the veto had never seen a text like it.
  it('does not read a long text of few distinct grams (one sentence repeated), even with a veto that drops everything', () => {
    const shipped = decodeLongVeto(fromBase64(LONG_VETO_MODEL));
    setLongVeto({ ...shipped, heads: shipped.heads.map((h) => ({ ...h, threshold: Infinity })) });
    const threat = '你再不还钱就爆你通讯录，上门找你家人！🔪 ';
    expect(classify(threat.repeat(100), 'debtor').labels).toEqual(expect.arrayContaining(['collection', 'threat_violence']));
    // A long text of many distinct grams is read (and here dropped).
    const letter =
      '【汇通金融】刘女士，您的借款已逾期120天，欠款合计15,360元。经核实您的行为已构成恶意透支，涉嫌诈骗罪，我司已将材料移交公安机关，警方将于近日对您实施拘留。请您于今日18:00前结清欠款，以免留下案底，影响子女今后考公参军。';
    expect(classify(letter, 'debtor').labels).toEqual([]);
  });

  // Written for this test (not from any corpus): a long letter with a fake criminal claim.
  it('keeps false_legal where a long letter makes a false claim', () => {
    const fake =
      '【汇通金融】刘女士，您的借款已逾期120天，欠款合计15,360元。经核实您的行为已构成恶意透支，涉嫌诈骗罪，我司已将材料移交公安机关，警方将于近日对您实施拘留。请您于今日18:00前结清欠款，以免留下案底，影响子女今后考公参军。';
    expect(classify(fake, 'debtor').labels).toEqual(expect.arrayContaining(['collection', 'false_legal']));
  });
});
