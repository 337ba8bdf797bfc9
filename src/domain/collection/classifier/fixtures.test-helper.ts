/**
 * Test-only helper: reads the labelled message fixtures, and holds a message that more than one test reads the same
 * way. The layer lint keeps `fs` imports out of src/domain; a behavioural test that reads fixture files is the one place
 * that needs them, so it asks Node for the module at run time instead of importing it.
 */
import { parseJsonl, type LabelledMessage } from './metrics.js';

const fs = process.getBuiltinModule('node:fs');

export const OWN_FIXTURE = new URL('../../../../test/fixtures/messages/huxun-dev.jsonl', import.meta.url);

export function loadFixture(url: URL = OWN_FIXTURE): LabelledMessage[] {
  return parseJsonl(fs.readFileSync(url, 'utf8'));
}

/**
 * A veiled threat with no debt word and no rule hit: context-free the classifier gives it nothing; from a collector's
 * number (context) it is collection. model.test.ts checks both readings and test/relabel.test.ts relies on them, so a
 * retrain that moves it fails both in the same way. Until session 25 it was 「你上下班走的那条路我们走过好几遍了，路边那条
 * 河挺深的。」, which the model trained on call turns now reads as collection without context too.
 */
export const IMPLICIT_THREAT = '最近晚上出门注意点。';
