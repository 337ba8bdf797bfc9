import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { backupDatabase, getSettings, setPassphrase, stageRestore, updateSettings } from '../../app/settings.js';
import { AppError } from '../../app/errors.js';
import { PassphraseSchema, SettingsPatchSchema } from '../../shared/api.js';
import type { RouteModule } from './index.js';

export const settingsRoutes: RouteModule = (api, ctx) => {
  api.get('/settings', async () => getSettings(ctx));
  api.put('/settings', async (req) => updateSettings(ctx, SettingsPatchSchema.parse(req.body)));
  api.post('/settings/passphrase', async (req) => setPassphrase(ctx, PassphraseSchema.parse(req.body).passphrase));
  api.get('/backup', async (_req, reply) => {
    const dir = mkdtempSync(join(tmpdir(), 'huxun-backup-'));
    const file = join(dir, 'huxun-backup.db');
    await backupDatabase(ctx, file);
    const stream = createReadStream(file);
    stream.on('close', () => rmSync(dir, { recursive: true, force: true }));
    const day = new Date().toISOString().slice(0, 10);
    return reply.header('content-type', 'application/octet-stream').header('content-disposition', `attachment; filename="huxun-backup-${day}.db"`).send(stream);
  });
  api.post('/restore', async (req) => {
    if (!(req.body && typeof (req.body as Readable).pipe === 'function')) throw new AppError('BAD_INPUT', 'send the backup file as application/octet-stream');
    return stageRestore(ctx, req.body as Readable);
  });
};
