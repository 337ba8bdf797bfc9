/**
 * How the labelled corpora decided the guide's open questions (docs/guide-questions.md): for each question, a pattern
 * and a label, and how many texts that match carry the label, are collection without it, or have no label. Every
 * labelled set is read (training and held out), each text once. A pattern search shows a trend, not an exact census.
 *
 *   npx tsx scripts/guide-questions.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { heldOutSets, trainingSet } from '../src/domain/collection/classifier/corpora.js';
import type { Label } from '../src/domain/collection/types.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (rel: string): string => readFileSync(`${root}${rel}`, 'utf8');

interface Question {
  name: string;
  /** Texts that raise the question. */
  match: RegExp;
  /** A further condition on those texts (e.g. no court named). */
  also?: RegExp;
  label: Label;
}

const QUESTIONS: Question[] = [
  {
    name: '1. contacts already told, with no word of more to come',
    match: /(?:已|已经)(?:经)?(?:通知|联系|告诉|打给|打电话给)(?:了|过)?(?:你|您)?的?(?:紧急联系人|家人|父母|爸妈|同事|领导|朋友|亲戚)/,
    also: /^(?!.*(?:再|否则|不然|下一步|接下来|继续|还会|明天|马上|所有|全部|挨个|看着办)).*/,
    label: 'threat_contacts',
  },
  {
    name: "2. a visit to the parents' home or hometown",
    match: /(?:去|到|上)(?:你)?(?:爸妈|父母|老家|你爸|你妈|家里老人)(?:家|那|那里|那边)?[^。，]{0,6}?(?:找|坐坐|看看|聊聊|拜访|一趟)/,
    label: 'visit_threat',
  },
  {
    name: '4. a mediation centre with no court or government named',
    match: /调解(?:中心|委员会|办|室|组)/,
    also: /^(?!.*(?:法院|人民法院|诉前|司法局|金融办|政府|仲裁)).*/,
    label: 'impersonation',
  },
  { name: '5. a 律师函', match: /律师函/, label: 'impersonation' },
  {
    name: '6. a wreath, funeral money or a shroud sent to the home',
    match: /(?:家门口|门口|家里|你家)[^。，]{0,4}?(?:送|放|摆|寄)[^。，]{0,3}?(?:花圈|纸钱|冥币|寿衣|棺材)|(?:送|寄|放)(?:个|一个|几个|一只|一套)?(?:花圈|纸钱|冥币|寿衣)(?:到|去)(?:你家|家门口|门口)/,
    label: 'visit_threat',
  },
  {
    name: '7. 立案 with no criminal word',
    match: /立案/,
    also: /^(?!.*(?:公安|警方|派出所|刑事|刑法|诈骗|坐牢|拘留|逮捕|批捕|经侦|犯罪|判刑|通缉)).*/,
    label: 'false_legal',
  },
];

const seen = new Set<string>();
const texts = [...trainingSet(read), ...Object.values(heldOutSets(read)).flat()].filter((m) => !seen.has(m.text) && seen.add(m.text));
for (const q of QUESTIONS) {
  let withLabel = 0;
  let collectionOnly = 0;
  let none = 0;
  for (const m of texts) {
    if (!q.match.test(m.text) || (q.also !== undefined && !q.also.test(m.text))) continue;
    if (m.labels.includes(q.label)) withLabel++;
    else if (m.labels.includes('collection')) collectionOnly++;
    else none++;
  }
  console.log(`${q.name}: ${q.label} ${withLabel}, collection without it ${collectionOnly}, no label ${none}`);
}
