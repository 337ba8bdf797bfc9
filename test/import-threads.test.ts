/**
 * Large files are prepared in a worker thread, small ones in-process: both must write exactly the same
 * rows, evidence payloads and attachments, and fail the same way, on both engines.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OpenedApp } from '../src/app/context.js';
import { importFile } from '../src/app/import.js';
import { ImportFormatError } from '../src/import/types.js';
import { callsXml, sampleCase, smsXml, vcard } from './support/backup.js';
import { engines, openTestApp } from './support/stores.js';

const opened: OpenedApp[] = [];
afterAll(async () => {
  for (const o of opened) await o.close();
});

const IMAGE = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

function mmsBackup(): string {
  const sms = smsXml(sampleCase().sms);
  const mms =
    `  <mms date="1781240000000" msg_box="1" address="17012345678" read="1" sub_id="1" m_type="132" text_only="0" contact_name="(Unknown)">\n` +
    `    <parts>\n` +
    `      <part seq="0" ct="image/png" name="a.png" chset="null" cl="a.png" text="null" data="${IMAGE.toString('base64')}" />\n` +
    `      <part seq="0" ct="text/plain" name="null" chset="106" text="这是我们上门拍的照片，明天见&#55357;&#56865;" />\n` +
    `    </parts>\n    <addrs>\n      <addr address="17012345678" type="137" charset="106" />\n    </addrs>\n  </mms>\n`;
  return sms.replace('</smses>', `${mms}</smses>`);
}

function files(): string[] {
  const c = sampleCase();
  const dir = mkdtempSync(join(tmpdir(), 'huxun-threads-'));
  const out = { 'c.vcf': vcard(c.contacts), 'sms.xml': mmsBackup(), 'calls.xml': callsXml(c.calls) };
  for (const [name, text] of Object.entries(out)) writeFileSync(join(dir, name), text);
  return Object.keys(out).map((n) => join(dir, n));
}

async function snapshot(o: OpenedApp) {
  const db = o.ctx.store.db;
  const events = (await db.selectFrom('events').selectAll().orderBy('id').execute()).map(({ created_at: _c, ...r }) => r);
  const evidence = (await db.selectFrom('evidence').select(['seq', 'kind', 'payload']).orderBy('seq').execute()).map((r) => ({ ...r, payload: JSON.parse(r.payload) as Record<string, unknown> }));
  const attachments = (await db.selectFrom('attachments').select(['sha256', 'mime', 'size', 'name', 'event_id']).orderBy('sha256').execute());
  const contacts = await db.selectFrom('contacts').selectAll().orderBy('id').execute();
  return { events, evidence, attachments, contacts };
}

async function importAll(o: OpenedApp, paths: string[], thread: 'worker' | 'inline') {
  const results = [];
  for (const p of paths) {
    const r = await importFile(o.ctx, p, { thread });
    expect(r.thread).toBe(thread);
    results.push(r);
  }
  return results.map(({ importId: _i, thread: _t, ...r }) => r);
}

for (const engine of engines()) {
  describe(`import threads on ${engine}`, () => {
    it('a worker-prepared import writes the same rows, evidence and attachments as an in-process one', async () => {
      const paths = files();
      const inline = await openTestApp(engine);
      const worker = await openTestApp(engine);
      opened.push(inline, worker);
      const a = await importAll(inline, paths, 'inline');
      const b = await importAll(worker, paths, 'worker');
      expect(b).toEqual(a);
      expect(a.find((r) => r.file === 'sms.xml')).toMatchObject({ events: 7, eventsAdded: 7, attachments: 1 });
      const sa = await snapshot(inline);
      const sb = await snapshot(worker);
      expect(sb).toEqual(sa);
      expect(sa.attachments).toEqual([expect.objectContaining({ mime: 'image/png', size: IMAGE.length, event_id: expect.any(Number) })]);
      expect(sa.evidence.filter((r) => r.kind === 'event')).toHaveLength(13);
      // Importing again adds nothing either way.
      expect((await importAll(worker, paths, 'worker')).map((r) => r.eventsAdded + r.contactsAdded)).toEqual([0, 0, 0]);
      expect(await snapshot(worker)).toEqual(sb);
    });

    it('a malformed file fails with the same located error from the worker, and nothing of it is kept', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'huxun-threads-bad-'));
      const bad = join(dir, 'bad.xml');
      writeFileSync(bad, smsXml(sampleCase().sms).replace('</smses>', '<sms date="1" type="1" body="x" <broken/></smses>'));
      const o = await openTestApp(engine);
      opened.push(o);
      const inlineErr = await importFile(o.ctx, bad, { thread: 'inline' }).catch((e: unknown) => e);
      const workerErr = await importFile(o.ctx, bad, { thread: 'worker' }).catch((e: unknown) => e);
      expect(inlineErr).toBeInstanceOf(ImportFormatError);
      expect(workerErr).toBeInstanceOf(ImportFormatError);
      const pick = (e: unknown) => ({ message: (e as ImportFormatError).message, line: (e as ImportFormatError).line, column: (e as ImportFormatError).column });
      expect(pick(workerErr)).toEqual(pick(inlineErr));
      expect((workerErr as ImportFormatError).line).toBeGreaterThan(1);
      const s = await snapshot(o);
      expect([s.events.length, s.evidence.length]).toEqual([0, 0]);
    });
  });
}
