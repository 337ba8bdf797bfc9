/**
 * Test-only helper: reads the labelled message fixtures. The layer lint keeps `fs` imports out of
 * src/domain; a behavioural test that reads fixture files is the one place that needs them, so it
 * asks Node for the module at run time instead of importing it.
 */
import { parseJsonl, type LabelledMessage } from './metrics.js';

const fs = process.getBuiltinModule('node:fs');

export const OWN_FIXTURE = new URL('../../../../test/fixtures/messages/huxun-dev.jsonl', import.meta.url);

export function loadFixture(url: URL = OWN_FIXTURE): LabelledMessage[] {
  return parseJsonl(fs.readFileSync(url, 'utf8'));
}
