import { backupDatabase, getSettings, listRestorePoints, setPassphrase, stageRestore, stageRollback, updateSettings } from '../../app/settings.js';
import { PassphraseSchema, RollbackSchema, SettingsPatchSchema, type RestorePointView } from '../../shared/api.js';
import { sendTempFile, withUpload } from './http.js';
import type { RouteModule } from './index.js';

export const settingsRoutes: RouteModule = (api, ctx, { limits }) => {
  api.get('/settings', async () => getSettings(ctx));
  api.put('/settings', async (req) => updateSettings(ctx, SettingsPatchSchema.parse(req.body)));
  api.post('/settings/passphrase', async (req) => setPassphrase(ctx, PassphraseSchema.parse(req.body).passphrase));
  api.get('/backup', async (_req, reply) =>
    sendTempFile(reply, 'huxun-backup-', 'application/octet-stream', async (out) => {
      await backupDatabase(ctx, out);
      return `huxun-backup-${new Date().toISOString().slice(0, 10)}.db`;
    }),
  );
  api.post('/restore', async (req) => withUpload(req, 'the backup file', limits.restore, (body) => stageRestore(ctx, body)));
  // The copies a restore kept of the database it replaced (names only, no paths), and going back to one:
  // staged like a restore, applied at the next start.
  api.get('/restore-points', async (): Promise<RestorePointView[]> => listRestorePoints(ctx).map(({ name, at, bytes, encrypted }) => ({ name, at, bytes, encrypted })));
  api.post('/restore-points/rollback', async (req) => stageRollback(ctx, RollbackSchema.parse(req.body).name));
};
