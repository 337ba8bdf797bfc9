/**
 * Child process for the restore-after-kill test: opens the app the way the server does (with the lock),
 * imports an SMS backup, adds events in small transactions (they stay in the WAL), stages a restore and
 * then waits to be SIGKILLed, so nothing is checkpointed or closed.
 * argv: dataDir smsXmlPath backupPath [passphrase]
 */
import { createReadStream } from 'node:fs';
import { openApp } from '../../src/app/context.js';
import { importFile } from '../../src/app/import.js';
import { stageRestore } from '../../src/app/settings.js';
import { addManualEvent } from '../../src/app/timeline.js';

const [dataDir, sms, backup, passphrase] = process.argv.slice(2) as [string, string, string, string | undefined];
const opened = await openApp({ dataDir, lockAs: 'test child', passphrase });
await importFile(opened.ctx, sms);
for (let i = 0; i < 5; i++) await addManualEvent(opened.ctx, { kind: 'note', at: `2026-06-20 10:0${i}`, text: `最后的记录 last write ${i}` });
await stageRestore(opened.ctx, createReadStream(backup));
const sqlite = opened.ctx.store.sqlite!;
const events = (sqlite.prepare('select count(*) n from events').get() as { n: number }).n;
const evidence = (sqlite.prepare('select count(*) n from evidence').get() as { n: number }).n;
process.stdout.write(`${JSON.stringify({ events, evidence })}\n`);
setInterval(() => {}, 60_000); // keep running until killed
