import { backupDatabase, getSettings, listRestorePoints, setPassphrase, stageRestore, stageRollback, updateSettings } from '../../app/settings.js';
import { PassphraseSchema, RollbackSchema, SettingsPatchSchema, type RestorePointView } from '../../shared/api.js';
import { sendTempFile, withUpload } from './http.js';
import type { RouteModule } from './index.js';

export const settingsRoutes: RouteModule = (api, ctxOf, { limits }) => {
  api.get('/settings', async (req) => getSettings(await ctxOf(req)));
  api.put('/settings', async (req) => updateSettings(await ctxOf(req), SettingsPatchSchema.parse(req.body)));
  api.post('/settings/passphrase', async (req) => setPassphrase(await ctxOf(req), PassphraseSchema.parse(req.body).passphrase));
  api.get('/backup', async (req, reply) =>
    sendTempFile(reply, 'huxun-backup-', 'application/octet-stream', async (out) => {
      await backupDatabase(await ctxOf(req), out);
      return `huxun-backup-${new Date().toISOString().slice(0, 10)}.db`;
    }),
  );
  api.post('/restore', async (req) => withUpload(req, 'the backup file', limits.restore, async (body) => stageRestore(await ctxOf(req), body)));
  // The copies a restore kept of the database it replaced (names only, no paths), and going back to one:
  // staged like a restore, applied at the next start.
  api.get('/restore-points', async (req): Promise<RestorePointView[]> => listRestorePoints(await ctxOf(req)).map(({ name, at, bytes, encrypted }) => ({ name, at, bytes, encrypted })));
  api.post('/restore-points/rollback', async (req) => stageRollback(await ctxOf(req), RollbackSchema.parse(req.body).name));
};
