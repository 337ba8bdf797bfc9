/**
 * Seeding for the server load benchmark (bench/server.ts): N cases × M events on PostgreSQL, realistic enough for
 * the timeline, findings and case-list routes to do their real work: collectors with numbers and a lender name,
 * contacts, collection messages (labelled by the real classifier, stamped with its version so nothing relabels),
 * calls (some at night, some missed), ordinary messages and contacts' reports. Events go in one multi-row
 * `insert … select from unnest(…)` per case (one round trip, one statement for 5,000 rows): the COPY-like path,
 * without a COPY client dependency. Not a test; deterministic (seeded generator).
 */
import type pg from 'pg';
import { classify, classifierVersion } from '../src/domain/collection/classifier/index.js';
import { setModel } from '../src/domain/collection/classifier/model.js';
import { rng } from '../src/import/testing.js';


// Invented platform names (not real lenders): the bench needs names, not facts.
const PLATFORMS = ['示例借贷A', '示例消费金融B', '示例小贷C', '示例分期D', '示例网贷E', '示例信用F'];
const COLLECTION = [
  '【{p}】您的借款已逾期{d}天，欠款{a}元，请今天18点前还款，否则将上报征信。',
  '{p}提醒：您已严重逾期，再不处理我们将联系您的紧急联系人和单位。',
  '你欠{p}的{a}元还不还？明天上门找你家人，让你全村都知道你是老赖。',
  '最后通知：今天不还款，我们会把你的欠款情况发到你的通讯录，你自己看着办。',
  '{p}法务部：您的案件即将移交律师事务所起诉，请于24小时内联系处理。',
  '您好，这里是{p}贷后部门，您的账单{a}元已逾期，请尽快通过官方渠道还款。',
  '再不接电话就打给你老婆和你同事，别怪我们没提醒你。',
  '你这种骗子，借钱不还，等着坐牢吧。',
];
const ORDINARY = ['晚上回家吃饭吗？', '明天下午三点开会，记得带材料。', '快递放在门口了。', '周末一起去看看爸妈吧。', '您的验证码是{n}，5分钟内有效。'];
const REPORTS = ['有人打电话给我说你欠钱不还，让我转告你。', '催收的人加了我微信，发了你的欠款截图。', '刚才有个陌生号码打到我单位找你。'];

interface Texts {
  text: string;
  labels: string;
  spans: string;
}

function filled(t: string, r: () => number): string {
  return t
    .replace('{p}', PLATFORMS[Math.floor(r() * PLATFORMS.length)]!)
    .replace('{d}', String(1 + Math.floor(r() * 90)))
    .replace('{a}', (500 + Math.floor(r() * 20000)).toLocaleString('en-US'))
    .replace('{n}', String(100000 + Math.floor(r() * 899999)));
}

/** Every message text the seed uses, labelled once by the real classifier (a few hundred distinct texts). */
function textPool(r: () => number, templates: string[], n: number, to: 'debtor' | 'third_party' | 'unknown'): Texts[] {
  const out: Texts[] = [];
  for (let i = 0; i < n; i++) {
    const text = filled(templates[i % templates.length]!, r);
    const c = classify(text, to);
    out.push({ text, labels: JSON.stringify(c.labels), spans: JSON.stringify(c.spans) });
  }
  return out;
}

export interface SeedResult {
  caseIds: number[];
  events: number;
  ms: number;
}

const COLS = [
  'case_id', 'kind', 'direction', 'at', 'tz', 'number', 'counterpart_name', 'contact_id', 'collector_id', 'text', 'duration_s',
  'call_status', 'recipient', 'contact_number', 'labels', 'spans', 'meta', 'position', 'dedupe_key', 'created_at', 'labelled_by',
] as const;
const TYPES = ['bigint', 'text', 'text', 'bigint', 'text', 'text', 'text', 'bigint', 'bigint', 'text', 'bigint', 'text', 'text', 'text', 'text', 'text', 'text', 'bigint', 'text', 'bigint', 'text'];

/**
 * Seeds `cases` cases of `events` events each (plus 8 collectors and 40 contacts per case) on an open, migrated
 * PostgreSQL database. `progress` is called after each case.
 */
export async function seedCases(pool: pg.Pool, opts: { cases: number; events: number; progress?: (done: number) => void; note?: (s: string) => void }): Promise<SeedResult> {
  const t0 = performance.now();
  const r = rng(15);
  let version: string;
  try {
    version = classifierVersion();
  } catch (e) {
    // A model that does not match the rules (someone is retraining) must not stop a load test: the rules alone label.
    opts.note?.(`classifier model not loadable (${(e as Error).message}): labels from the rules alone`);
    setModel(null);
    version = 'bench-rules-only';
  }
  const collection = textPool(r, COLLECTION, 240, 'debtor');
  const ordinary = textPool(r, ORDINARY, 60, 'debtor');
  const reports = textPool(r, REPORTS, 30, 'third_party');
  const tz = 'Asia/Shanghai';
  const now = Date.now();
  const end = Date.UTC(2026, 10, 30);
  const span = 120 * 86400_000;
  const caseIds: number[] = [];
  let total = 0;
  const client = await pool.connect();
  try {
    for (let c = 0; c < opts.cases; c++) {
      await client.query('begin');
      const { rows } = await client.query<{ id: string }>('insert into cases (name, tz, created_at, owner_user_id) values ($1, $2, $3, null) returning id', [`案件 ${c + 1}`, tz, now]);
      const caseId = Number(rows[0]!.id);
      caseIds.push(caseId);
      // Collectors (8) with 2–3 numbers each; contacts (40) with one number each.
      const collectors: { id: number; numbers: string[] }[] = [];
      for (let k = 0; k < 8; k++) {
        const p = PLATFORMS[k % PLATFORMS.length]!;
        const ins = await client.query<{ id: string }>(
          `insert into collectors (case_id, name, lender_name, loan_id, marked_by_user, claims) values ($1, $2, $3, null, 0, '[]') returning id`,
          [caseId, `${p} 催收`, p],
        );
        const id = Number(ins.rows[0]!.id);
        const numbers = Array.from({ length: 2 + (k % 2) }, (_, j) => `170${String((c * 97 + k * 13 + j) % 100000000).padStart(8, '0')}`);
        for (const n of numbers) await client.query('insert into collector_numbers (case_id, number, collector_id) values ($1, $2, $3)', [caseId, n, id]);
        collectors.push({ id, numbers });
      }
      const contacts: { id: number; name: string; number: string }[] = [];
      for (let k = 0; k < 40; k++) {
        const number = `138${String((c * 41 + k) % 100000000).padStart(8, '0')}`;
        const name = `联系人${k + 1}`;
        const ins = await client.query<{ id: string }>(
          `insert into contacts (case_id, name, numbers, relation, is_guarantor, note, dedupe_key) values ($1, $2, $3, null, 0, null, $4) returning id`,
          [caseId, name, JSON.stringify([number]), `n:${number}`],
        );
        const id = Number(ins.rows[0]!.id);
        await client.query('insert into contact_numbers (case_id, number, contact_id) values ($1, $2, $3)', [caseId, number, id]);
        contacts.push({ id, name, number });
      }
      const cols: unknown[][] = COLS.map(() => []);
      const times = Array.from({ length: opts.events }, () => end - Math.floor(r() * span)).sort((a, b) => a - b);
      for (let i = 0; i < opts.events; i++) {
        const at = times[i]!;
        const x = r();
        const col = collectors[Math.floor(r() * collectors.length)]!;
        const number = col.numbers[Math.floor(r() * col.numbers.length)]!;
        let row: (string | number | null)[];
        if (x < 0.55) {
          const t = collection[Math.floor(r() * collection.length)]!;
          row = ['sms', 'in', at, tz, number, null, null, col.id, t.text, null, null, 'debtor', null, t.labels, t.spans, '{}'];
        } else if (x < 0.85) {
          const missed = r() < 0.4;
          row = ['call', 'in', at, tz, number, null, null, col.id, null, missed ? 0 : 10 + Math.floor(r() * 300), missed ? 'missed' : 'answered', null, null, '[]', '{}', '{}'];
        } else if (x < 0.95) {
          const t = ordinary[Math.floor(r() * ordinary.length)]!;
          const who = contacts[Math.floor(r() * contacts.length)]!;
          row = ['sms', r() < 0.5 ? 'in' : 'out', at, tz, who.number, who.name, who.id, null, t.text, null, null, 'debtor', null, t.labels, t.spans, '{}'];
        } else {
          const t = reports[Math.floor(r() * reports.length)]!;
          const who = contacts[Math.floor(r() * contacts.length)]!;
          row = ['third_party_report', 'in', at, tz, number, null, who.id, col.id, t.text, null, null, 'third_party', who.number, t.labels, t.spans, '{}'];
        }
        const all = [caseId, ...row, i, `bench:${c}:${i}`, now, version];
        for (let k = 0; k < all.length; k++) cols[k]!.push(all[k]);
      }
      await client.query(
        `insert into events (${COLS.join(',')}) select * from unnest(${COLS.map((_, k) => `$${k + 1}::${TYPES[k]}[]`).join(',')})`,
        cols,
      );
      await client.query('commit');
      total += opts.events;
      opts.progress?.(c + 1);
    }
    await client.query('analyze');
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
  return { caseIds, events: total, ms: performance.now() - t0 };
}
