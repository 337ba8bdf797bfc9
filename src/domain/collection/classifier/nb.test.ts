import { afterEach, describe, expect, it } from 'vitest';
import { classifyRules as classify, setNbModel } from './classify.js';
import { bigrams, nbLogOdds, unpackModel } from './nb.js';
import { NB_FEATURES, NB_PACKED, NB_PRIOR } from './nb-model.js';

describe('naive-Bayes collection fallback', () => {
  afterEach(() => setNbModel('default'));

  it('unpacks the generated model', () => {
    const m = unpackModel(NB_PRIOR, NB_PACKED);
    expect(m.weights.size).toBe(NB_FEATURES);
  });

  it('folds digits and breaks bigrams at punctuation', () => {
    expect([...bigrams('欠款12，还')].sort()).toEqual(['00', '欠款', '款0'].sort());
  });

  it('leans to collection on debt pressure and away from receipts', () => {
    const m = unpackModel(NB_PRIOR, NB_PACKED);
    expect(nbLogOdds(m, '你欠的钱到底什么时候还，别逼我们')).toBeGreaterThan(0);
    expect(nbLogOdds(m, '您的验证码为000000，5分钟内有效')).toBeLessThan(0);
  });

  it('only rescues messages that have a rule cue, and every label keeps a span', () => {
    const text = '你信不信我们找人打断你的腿？钱今天必须到账';
    const r = classify(text, 'debtor');
    for (const l of r.labels) expect(r.spans[l]?.length ?? 0).toBeGreaterThan(0);
    setNbModel(null);
    const plain = classify('今天天气不错，晚上一起吃饭吧', 'debtor');
    setNbModel('default');
    expect(classify('今天天气不错，晚上一起吃饭吧', 'debtor')).toEqual(plain);
  });
});
