/**
 * IDOR suite of the organisation server (issue 15): every route and method the server registers (collected with an
 * onRoute hook, so a route added later is covered without touching this file), called by a caseworker of case A
 *  1. with case B's id and B's object ids → never a 2xx, never B's data;
 *  2. with case A's id and B's object ids (loan, event, collector, complaint, attachment hash, note, task, job) →
 *     no answer carries B's data;
 * and afterwards every case-owned row of B is unchanged. Without a session every API route but health, login and
 * redeem answers 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { orgHarness, type Client, type OrgHarness } from '../support/org.js';

const routes: { method: string; url: string }[] = [];
let h: OrgHarness;

interface Ids {
  caseId: number;
  loan: number;
  event: number;
  collector: number;
  complaint: number;
  sha: string;
  note: number;
  task: number;
  job: string;
}

const loanOf = (tag: string) => ({
  lenderName: `${tag}LENDER`, lenderType: 'platform', contractDate: '2025-03-01', contractPrincipalFen: 1_000_000, receivedFen: 900_000, fees: [], period: 'month',
  schedule: Array.from({ length: 12 }, (_, i) => ({ period: i + 1, dueDate: `${i < 9 ? 2025 : 2026}-${String(((i + 3) % 12) + 1).padStart(2, '0')}-01`, principalFen: i < 11 ? 83_333 : 83_337, interestFen: i < 11 ? 16_667 : 16_663, feeFen: 0, totalFen: 100_000 })),
  payments: [], status: 'overdue',
});

async function ok(c: Client, method: string, url: string, body?: unknown, headers?: Record<string, string>) {
  const r = await c.req(method, url, body, headers);
  if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body.slice(0, 300)}`);
  return r.json();
}

/** A case with one of everything, every text marked with the tag. */
async function populate(c: Client, tag: string, number: string): Promise<Ids> {
  const caseId = (await ok(c, 'POST', '/api/org/cases', { name: `${tag}CASE` })).case_id as number;
  const base = `/api/cases/${caseId}`;
  const loan = (await ok(c, "POST", `${base}/loans`, loanOf(tag))).loan.id as number;
  const event = (await ok(c, 'POST', `${base}/events`, { kind: 'sms', at: '2026-11-01T23:30:00+08:00', number, text: `${tag}TEXT 再不还钱就打给你全家`, direction: 'in' })).id as number;
  const collector = (await ok(c, 'POST', `${base}/collectors`, { name: `${tag}COLLECTOR`, numbers: [number], loan_id: loan })).id as number;
  const sha = (await ok(c, 'POST', `${base}/evidence`, Buffer.from(`${tag}ATTACHMENT bytes`), { 'x-file-name': 'a.txt', 'x-event-id': String(event) })).sha256 as string;
  const complaint = (await ok(c, 'POST', `${base}/complaints`, { channel: '12378', lender: `${tag}LENDER`, submitted_on: '2026-11-02', method: 'web', text: `${tag}COMPLAINT` })).id as number;
  const note = (await ok(c, 'POST', `${base}/notes`, { text: `${tag}NOTE` })).id as number;
  const task = (await ok(c, 'POST', `${base}/tasks`, { title: `${tag}TASK` })).id as number;
  await ok(c, 'POST', `${base}/plan/payments`, { loan_id: loan, amount_fen: 1000, date: '2026-11-03', note: `${tag}PAYMENT` });
  const vcf = `BEGIN:VCARD\nVERSION:3.0\nFN:${tag}CONTACT\nTEL:13800138000\nEND:VCARD\n`;
  const job = (await ok(c, 'POST', `${base}/imports`, Buffer.from(vcf), { 'x-file-name': 'c.vcf' })).id as string;
  for (let i = 0; i < 200; i++) {
    if ((await ok(c, 'GET', `${base}/jobs/${job}`)).state !== 'running') break;
    await new Promise((r) => setTimeout(r, 25));
  }
  return { caseId, loan, event, collector, complaint, sha, note, task, job };
}

const CASE_TABLES = ['loans', 'imports', 'contacts', 'contact_numbers', 'collectors', 'collector_numbers', 'number_marks', 'events', 'evidence', 'attachments', 'settings', 'plan_payments', 'plan_agreements', 'complaints', 'case_notes', 'case_tasks', 'case_shares', 'case_members', 'jobs'];

async function snapshot(caseId: number): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const t of CASE_TABLES) out[t] = (await sql.raw(`select * from ${t} where case_id = ${caseId} order by 1, 2`).execute(h.org.store.db)).rows;
  return JSON.stringify(out);
}

function fill(url: string, caseId: number, ids: Ids): string {
  return url
    .replace(':caseId', String(caseId))
    .replace(/\/loans\/:id/, `/loans/${ids.loan}`)
    .replace(/\/complaints\/:id/, `/complaints/${ids.complaint}`)
    .replace(/\/collectors\/:id/, `/collectors/${ids.collector}`)
    .replace(/\/jobs\/:id/, `/jobs/${ids.job}`)
    .replace(':sha256', ids.sha)
    .replace(':noteId', String(ids.note))
    .replace(':taskId', String(ids.task))
    .replace(':userId', '1')
    .replace(/:id\b/, String(ids.event));
}

/** A body naming B's objects wherever a route could take an id from it. */
function bodyFor(method: string, url: string, b: Ids): { body?: unknown; headers?: Record<string, string> } {
  if (method === 'GET' || method === 'HEAD' || method === 'DELETE') return {};
  if (/\/(evidence|imports|restore|verify)$/.test(url)) return { body: Buffer.from('upload bytes'), headers: { 'x-file-name': 'x.txt', 'x-event-id': String(b.event) } };
  return {
    body: {
      loan_id: b.loan, event_id: b.event, collector_id: b.collector, parent_id: b.complaint, attachment_sha256: b.sha, assignee_id: 1, user_id: 1,
      numbers: ['13900000002'], name: 'n', text: 'changed', title: 'changed', amount_fen: 1, date: '2026-11-05', format: 'txt', type: 'complaint', channel: '12378',
      kind: 'sms', at: '2026-11-05T10:00:00+08:00', passphrase: 'x', consent: true, assigned: true, taken_at: '2026-11-05', reason: 'r', done: true,
      monthly_fen: 1000, agreed_on: '2026-11-05', monthly: 1000, months: 2, first: '2026-12-01', submitted_on: '2026-11-05', method: 'web',
    },
  };
}

let a: Ids;
let b: Ids;
let userA: Client;

beforeAll(async () => {
  h = await orgHarness({ onRoute: (r) => (Array.isArray(r.method) ? r.method : [r.method]).forEach((m) => routes.push({ method: m, url: r.url })) });
  const cwA = await h.user('caseworker', 'worker-a');
  const cwB = await h.user('caseworker', 'worker-b');
  userA = cwA.client;
  a = await populate(cwA.client, 'ZQA', '13900000001');
  b = await populate(cwB.client, 'ZQB', '13900000009');
}, 120_000);
afterAll(async () => {
  await h?.cleanup();
});

describe('IDOR: a caseworker of case A against case B', () => {
  it('covers every case route the server registers', () => {
    const caseRoutes = routes.filter((r) => r.url.startsWith('/api/cases/:caseId'));
    // Loans, timeline, evidence, findings, documents, plan, OCR, follow-up, notes, tasks, audit, share…
    expect(caseRoutes.length).toBeGreaterThan(60);
    expect(caseRoutes.some((r) => r.url.endsWith('/settings'))).toBe(false); // local data folder only
  });

  it("case B's id: never a 2xx, never B's data, for every route and method", async () => {
    const before = await snapshot(b.caseId);
    const leaks: string[] = [];
    for (const r of routes.filter((x) => x.url.startsWith('/api/cases/:caseId'))) {
      const url = fill(r.url, b.caseId, b);
      const { body, headers } = bodyFor(r.method, r.url, b);
      const res = await userA.req(r.method, url, body, headers);
      if (res.statusCode < 300 || res.body.includes('ZQB')) leaks.push(`${r.method} ${url} → ${res.statusCode}`);
      else expect([403, 404], `${r.method} ${url}`).toContain(res.statusCode);
    }
    expect(leaks).toEqual([]);
    expect(await snapshot(b.caseId)).toBe(before);
  }, 120_000);

  it("case A's id with B's object ids: no answer carries B's data, B unchanged", async () => {
    const before = await snapshot(b.caseId);
    const leaks: string[] = [];
    let answered = 0;
    for (const r of routes.filter((x) => x.url.startsWith('/api/cases/:caseId'))) {
      // Warming the OCR engine loads its models (seconds of CPU) and reads no case data.
      if (r.url.endsWith('/ocr/warm')) continue;
      const url = fill(r.url, a.caseId, b);
      const { body, headers } = bodyFor(r.method, r.url, b);
      const res = await userA.req(r.method, url, body, headers);
      if (res.statusCode < 300) answered++;
      if (res.body.includes('ZQB') || res.rawPayload.includes(Buffer.from('ZQB'))) leaks.push(`${r.method} ${url} → ${res.statusCode}`);
      // B's objects are not found through A: the ones named in the path answer 404 (or 400 for a bad body), never 2xx.
      if (/\/(loans|complaints|collectors|jobs)\/:id|:sha256|:noteId|:taskId|\/ocr\/events\/:id/.test(r.url) && res.statusCode < 300) leaks.push(`${r.method} ${url} → ${res.statusCode} (B's object through A)`);
    }
    expect(leaks).toEqual([]);
    // A's own case answers: the requests reach the handlers (this pass is not all refusals).
    expect(answered).toBeGreaterThan(40);
    expect(await snapshot(b.caseId)).toBe(before);
  }, 180_000);

  it('B can still read their own data (the suite is not passing by breaking everything)', async () => {
    const cwB = h.client('10.2.0.9');
    expect((await cwB.login('worker-b')).statusCode).toBe(200);
    const loans = await cwB.req('GET', `/api/cases/${b.caseId}/loans`);
    expect(loans.body).toContain('ZQBLENDER');
    const shot = await cwB.req('GET', `/api/cases/${b.caseId}/notes`);
    expect(shot.body).toContain('ZQBNOTE');
  });
});

describe('without a session', () => {
  it('every API route but health, login and redeem answers 401', async () => {
    const anon = h.client('10.3.0.1');
    const wrong: string[] = [];
    for (const r of routes.filter((x) => x.url.startsWith('/api/'))) {
      if (['/api/health', '/api/auth/login', '/api/auth/redeem'].includes(r.url)) continue;
      const url = fill(r.url, b.caseId, b);
      const { body, headers } = bodyFor(r.method, r.url, b);
      const res = await anon.req(r.method, url, body, headers);
      if (res.statusCode !== 401) wrong.push(`${r.method} ${url} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });
});
