/** The decision that combines the rules' labels and the model's logits (decide.ts): session 12's wider veto. */
import { describe, expect, it } from 'vitest';
import { LABELS, type Label, type Recipient } from '../types.js';
import { decide, LONG_VIOLENCE_VETO_CHARS, LONG_VIOLENCE_VETO_MARGIN, vetoable, type DecisionInput } from './decide.js';

const bit = (l: Label): number => 1 << LABELS.indexOf(l);
const bits = (...ls: Label[]): number => ls.reduce((b, l) => b | bit(l), 0);

/** Thresholds as a shipped model has them: collection 0.25, the others low; the veto 0.5. */
const PARAMS = { thresholds: [0.25, -3, -1.75, -1.75, -1.5, -1.75, -2, -2.25], veto: 0.5, noCueMargin: 1, shortMargin: 0.5, shortChars: 25 };
/** Logits that are sure of no label at all: collection at `z0`, every other label far below its threshold. */
const logits = (z0: number): number[] => [z0, -9, -9, -9, -9, -9, -9, -9];
const input = (ruleBits: number, to: Recipient = 'debtor'): DecisionInput => ({
  ruleBits,
  settled: false,
  chars: 40,
  to,
  allowed: () => ~0,
  ruleHitBits: () => 0,
});

describe('decide: the model may veto the rules\' collection', () => {
  it('vetoes a rules\' collection that came with another label when the model is sure it is not collection', () => {
    // A 普法 post or a news report: the rules read collection and false_legal from its words.
    expect(decide(logits(-1), PARAMS, input(bits('collection', 'false_legal')), false)).toBe(0);
    expect(decide(logits(-1), PARAMS, input(bits('collection', 'threat_contacts', 'visit_threat')), false)).toBe(0);
    // …and, as before, one with nothing else.
    expect(decide(logits(-1), PARAMS, input(bits('collection')), false)).toBe(0);
  });

  it('keeps the rules\' labels when the model\'s logit is at or above the veto', () => {
    const rules = bits('collection', 'false_legal');
    expect(decide(logits(0.5), PARAMS, input(rules), false)).toBe(rules);
  });

  it('never vetoes a threat of violence the rules found in a short text (funeral things mailed to the debtor have no debt word)', () => {
    const rules = bits('collection', 'threat_violence');
    expect(vetoable(rules)).toBe(false);
    expect(decide(logits(-3), PARAMS, input(rules), false)).toBe(rules);
    expect(decide(logits(-3), PARAMS, { ...input(rules), chars: LONG_VIOLENCE_VETO_CHARS - 1 }, false)).toBe(rules);
  });

  it('vetoes a threat of violence in a long text only when the model is surer by the margin (session 18: quarrels, gamers\' posts)', () => {
    const rules = bits('collection', 'threat_violence');
    const long = { ...input(rules), chars: LONG_VIOLENCE_VETO_CHARS };
    // Below the veto but within the margin: the rules stand.
    expect(decide(logits(PARAMS.veto - LONG_VIOLENCE_VETO_MARGIN + 0.1), PARAMS, long, false)).toBe(rules);
    // Below the veto by more than the margin: vetoed.
    expect(decide(logits(PARAMS.veto - LONG_VIOLENCE_VETO_MARGIN - 0.1), PARAMS, long, false)).toBe(0);
    // The same text with another label than violence is vetoed at the plain veto.
    expect(decide(logits(Math.min(PARAMS.thresholds[0]!, PARAMS.veto) - 0.1), PARAMS, { ...long, ruleBits: bits('collection', 'false_legal') }, false)).toBe(0);
    // Never in context.
    expect(decide(logits(-3), PARAMS, long, true)).toBe(rules);
  });

  it('never vetoes in context: a collector\'s number is evidence the model never saw', () => {
    const rules = bits('collection', 'false_legal');
    expect(decide(logits(-3), PARAMS, input(rules), true)).toBe(rules);
  });
});

describe('decide: the short-text margin (session 15)', () => {
  const collectionAnd = (l: number, zl: number): number[] => {
    const z = logits(2);
    z[l] = zl;
    return z;
  };
  const tv = LABELS.indexOf('threat_violence');
  const at = (chars: number, ruleBits = bits('collection')): DecisionInput => ({ ...input(ruleBits), chars });

  it('lets the model add a label to a short text only with a logit the margin above its threshold', () => {
    // Just above the threshold: enough for a long text, not for a short one.
    expect(decide(collectionAnd(tv, -1.7), PARAMS, at(40), false)).toBe(bits('collection', 'threat_violence'));
    expect(decide(collectionAnd(tv, -1.7), PARAMS, at(12), false)).toBe(bits('collection'));
    // Sure enough: the short text gets it too.
    expect(decide(collectionAnd(tv, -1.2), PARAMS, at(12), false)).toBe(bits('collection', 'threat_violence'));
  });

  it('never takes away a label the rules gave a short text', () => {
    const rules = bits('collection', 'threat_violence');
    expect(decide(collectionAnd(tv, -1.7), PARAMS, at(12, rules), false)).toBe(rules);
  });
});
