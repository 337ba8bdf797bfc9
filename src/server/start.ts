import { lockDataFolder, openApp, resolveDataDir, type AppContext, type OpenedApp } from '../app/context.js';
import { AppError } from '../app/errors.js';
import type { UploadLimits } from './routes/http.js';
import { buildServer } from './app.js';
import { checkChain } from '../app/evidence.js';
import { warmClassifier } from '../app/classify.js';
import { relabelIfStale } from '../app/relabel.js';
import { isLoopbackHost } from './guard.js';

export interface StartOptions {
  dataDir?: string;
  databaseUrl?: string;
  passphrase?: string;
  port: number;
  host: string;
  limits?: Partial<UploadLimits>;
}

export interface RunningServer {
  /** The address to open, with the per-launch key (`/?k=…`): print it, never store it. */
  url: string;
  /** The same address without the key (what the data-folder lock file names). */
  origin: string;
  key: string;
  /** Started locked: the database is encrypted and no (right) passphrase was given; the page asks for it. */
  locked: boolean;
  /** The evidence chain is re-hashed on start (after unlocking); this settles when that check is done. */
  chainCheck: Promise<{ ok: boolean; count: number; problem?: { seq: number | null; reason: string } }>;
  close(): Promise<void>;
}

/**
 * What the server will not do yet, because nothing but the loopback perimeter protects the data
 * until accounts exist (issue 15).
 */
export function refuseUnsafe(opts: Pick<StartOptions, 'host' | 'databaseUrl'>): void {
  if (!isLoopbackHost(opts.host)) {
    throw new AppError(
      'FORBIDDEN',
      `护讯目前只能在本机地址（127.0.0.1）上运行：还没有账号和登录，绑定 ${opts.host} 会让同一网络里的任何人读到全部资料。` +
        `Huxun serves on this computer only (127.0.0.1) for now: there are no accounts or logins yet, so binding ${opts.host} would let anyone on the network read everything. ` +
        '要给机构多人使用，请用 huxun serve --org（见 README“Serving and security”）。For several people in an organisation, use huxun serve --org (README, Serving and security).',
    );
  }
  if (opts.databaseUrl) {
    throw new AppError(
      'FORBIDDEN',
      '本地应用不提供 PostgreSQL 网页服务（没有账号和登录）；多人使用请运行机构服务器：huxun serve --org --database postgres://…；命令行命令可以照常使用 --database。' +
        'The local app does not serve a PostgreSQL database (it has no accounts or logins): run the organisation server for that, huxun serve --org --database postgres://…; the CLI commands still work with --database.',
    );
  }
}

export async function startServer(opts: StartOptions): Promise<RunningServer> {
  refuseUnsafe(opts);
  const hostPart = opts.host.includes(':') && !opts.host.startsWith('[') ? `[${opts.host}]` : opts.host;
  // The lock file tells a second `huxun` where the running one is: without the key, which only the terminal shows.
  const lockUrl = opts.port ? `http://${hostPart}:${opts.port}/` : undefined;
  // The data-folder lock is taken here, before the first open, and held until close: also while the server
  // waits locked for the passphrase, so that no CLI command can take the folder in between (the unlock
  // would then fail). openApp reuses it and leaves releasing it to close().
  const { dataDir, lock } = lockDataFolder(opts.dataDir, 'server', lockUrl);
  const openWith = (passphrase: string | undefined) => openApp({ dataDir, databaseUrl: opts.databaseUrl, passphrase, heldLock: lock });

  let opened: OpenedApp | null = null;
  try {
    opened = await openWith(opts.passphrase);
  } catch (e) {
    // Encrypted and no (right) passphrase: start locked, and let the page ask for it.
    if ((e as { code?: string }).code !== 'BAD_PASSPHRASE') {
      lock.release();
      throw e;
    }
  }
  let markUnlocked!: (ctx: AppContext) => void;
  const unlockedCtx = new Promise<AppContext>((r) => (markUnlocked = r));
  if (opened) markUnlocked(opened.ctx);

  const closeAll = async (app?: { close(): Promise<unknown> }) => {
    try {
      await app?.close();
      await opened?.close();
    } finally {
      lock.release();
    }
  };
  let app: Awaited<ReturnType<typeof buildServer>>;
  try {
    app = await buildServer(opened?.ctx ?? null, {
      limits: opts.limits,
      unlock: async (passphrase) => {
        const o = await openWith(passphrase);
        opened = o;
        markUnlocked(o.ctx);
        return o.ctx;
      },
    });
  } catch (e) {
    await closeAll();
    throw e;
  }
  try {
    await app.listen({ port: opts.port, host: opts.host });
  } catch (e) {
    await closeAll(app);
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`端口 ${opts.port} 已被占用，请用 --port 换一个。Port ${opts.port} is in use; pick another with --port.`);
    }
    throw e;
  }
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  const origin = `http://${hostPart}:${port}`;
  setImmediate(warmClassifier);
  // Checked after listening (and unlocking) so that a long chain does not delay the page.
  const chainCheck = unlockedCtx.then((ctx) => checkChain(ctx));
  // Labels made by another classifier version are made again (issue 11 §5; src/app/relabel.ts), with progress on stderr.
  void chainCheck
    .catch(() => undefined)
    .then(() => unlockedCtx)
    .then((ctx) => relabelIfStale(ctx, (p) => process.stderr.write(`重新打标签 relabelling messages: ${p.done}/${p.total}\n`)))
    .catch((e: unknown) => process.stderr.write(`relabel: ${(e as Error).message}\n`));
  return {
    url: `${origin}/?k=${app.secret}`,
    origin: `${origin}/`,
    key: app.secret,
    locked: !opened,
    chainCheck,
    async close() {
      await closeAll(app);
    },
  };
}

export interface OrgStartOptions {
  databaseUrl?: string;
  dataDir?: string;
  port: number;
  host: string;
  behindTls?: boolean;
  /** Proxies whose X-Forwarded-For is believed behind TLS (default: this machine). */
  trustedProxies?: string[];
  limits?: Partial<UploadLimits>;
}

export const ORG_NEEDS_POSTGRES =
  '机构服务器需要 PostgreSQL：请用 --database postgres://… 或 DATABASE_URL 指定数据库。' +
  'The organisation server needs PostgreSQL: give it with --database postgres://… or DATABASE_URL.';

/**
 * The organisation server (issue 15): accounts and sessions instead of the launch key, so any host may be bound.
 * PostgreSQL only (several app servers share it; the local SQLite file is one person's). The first admin
 * comes from `huxun org create-admin`; without one nobody can log in.
 */
export async function startOrgServer(opts: OrgStartOptions): Promise<{ origin: string; warnings: string[]; close(): Promise<void> }> {
  if (!opts.databaseUrl || !/^postgres(ql)?:\/\//.test(opts.databaseUrl)) throw new AppError('BAD_INPUT', ORG_NEEDS_POSTGRES);
  const { openOrg } = await import('../app/org/accounts.js');
  const { buildOrgServer } = await import('./org.js');
  const org = await openOrg({ databaseUrl: opts.databaseUrl, dataDir: resolveDataDir(opts.dataDir) });
  // Each case's findings made again in the findings worker after each change (src/app/findings.ts).
  (await import('../app/findings.js')).keepFindingsFresh(org.store);
  let app: Awaited<ReturnType<typeof buildOrgServer>> | null = null;
  try {
    app = await buildOrgServer(org, { behindTls: opts.behindTls, trustedProxies: opts.trustedProxies, limits: opts.limits });
    await app.listen({ port: opts.port, host: opts.host });
  } catch (e) {
    await app?.close();
    await org.close();
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new Error(`端口 ${opts.port} 已被占用，请用 --port 换一个。Port ${opts.port} is in use; pick another with --port.`);
    throw e;
  }
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  const hostPart = opts.host.includes(':') && !opts.host.startsWith('[') ? `[${opts.host}]` : opts.host;
  const server = app;
  const warnings =
    org.keyMismatches > 0
      ? [
          `${org.keyMismatches} 个账号的两步验证是用另一个机构密钥加密的（HUXUN_ORG_KEY 或数据文件夹里的 huxun.org-key），这些账号现在无法登录：请换回原来的密钥，或用 huxun org user reset-totp 关闭它们的两步验证。` +
            `${org.keyMismatches} account(s) have a second factor sealed with another organisation key (HUXUN_ORG_KEY or huxun.org-key in the data folder) and cannot log in: put the original key back, or turn their second factor off with huxun org user reset-totp.`,
        ]
      : [];
  return {
    origin: `${opts.behindTls ? 'https' : 'http'}://${hostPart}:${port}/`,
    warnings,
    async close() {
      await server.close();
      await org.close();
    },
  };
}
