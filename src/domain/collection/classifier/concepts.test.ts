import { describe, expect, it } from 'vitest';
import { CONCEPT_COUNT, CONCEPT_FEATURES, CONCEPT_IDS, conceptMask, forEachConceptFeature } from './concepts.js';
import { trainingSet } from './corpora.js';
import { decodeModel, fromBase64, lastConceptMask, NL, scoreInto } from './linear.js';
import { LINEAR_MODEL } from './linear-model.js';
import { normalize, normalizeShared } from './normalize.js';
import { modelText } from './phrase.js';

const fs = process.getBuiltinModule('node:fs');
const ROOT = new URL('../../../../', import.meta.url);
const read = (rel: string): string => fs.readFileSync(new URL(rel, ROOT), 'utf8');
const bit = (id: string): number => 1 << CONCEPT_IDS.indexOf(id);

describe('concept groups of the linear model', () => {
  it('finds a group by any of its words, through traditional characters and case, and not inside unrelated text', () => {
    expect(conceptMask(normalize('小心你家孩子放學路上').norm) & bit('kin')).toBe(bit('kin'));
    expect(conceptMask(normalize('小心你家孩子放學路上').norm) & bit('school')).toBe(bit('school'));
    expect(conceptMask(normalize('以后只能拄拐走路了').norm) & bit('injury')).toBe(bit('injury'));
    expect(conceptMask(normalize('TMD 还钱').norm) & bit('vulgar')).toBe(bit('vulgar'));
    expect(conceptMask(normalize('明天一起去公园散步吧').norm)).toBe(0);
  });

  it('gives each group, then each pair of groups present, once', () => {
    const seen: number[] = [];
    forEachConceptFeature(bit('kin') | bit('school') | bit('watched'), (f) => seen.push(f));
    expect(seen.length).toBe(3 + 3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(Math.max(...seen)).toBeLessThan(CONCEPT_FEATURES);
    expect(seen.slice(0, 3)).toEqual([CONCEPT_IDS.indexOf('kin'), CONCEPT_IDS.indexOf('school'), CONCEPT_IDS.indexOf('watched')].sort((a, b) => a - b));
    expect(seen.slice(3).every((f) => f >= CONCEPT_COUNT)).toBe(true);
  });

  // Training adds the groups from conceptMask; the shipped classifier finds them inside scoreInto's pass over the
  // grams. If the two ever disagreed, the model would be scored on features it was not trained on.
  it('the model finds in its gram pass exactly the groups training gave it, on every training message', () => {
    const model = decodeModel(fromBase64(LINEAR_MODEL));
    const out = new Float64Array(NL);
    let withGroups = 0;
    for (const m of trainingSet(read)) {
      // The text the model reads (phrase.ts), as classify and training read it.
      const norm = modelText(m.text, normalizeShared(m.text)).text;
      scoreInto(model, norm, new Int32Array(0), 0, out);
      const want = conceptMask(norm);
      if (lastConceptMask !== want) expect({ text: m.text, found: lastConceptMask }).toEqual({ text: m.text, found: want });
      if (want !== 0) withGroups++;
    }
    expect(withGroups).toBeGreaterThan(1000);
  });
});
