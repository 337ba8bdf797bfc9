import { startOrgServer, startServer } from '../../server/start.js';
import type { Command } from '../registry.js';

export const serveCommands: Command[] = [
  {
    name: 'serve',
    usage: 'serve [--port N] [--host H] | serve --org --database postgres://… [--host 0.0.0.0] [--port N] [--behind-tls]',
    summary: '启动本地网页应用，或 --org 启动机构服务器 start the local web app (default command), or with --org the organisation server',
    help:
      '--org: 机构服务器（账号、角色、审计），需要 PostgreSQL；第一个管理员用 huxun org create-admin 创建。--behind-tls：由 HTTPS 反向代理转发（Cookie 加 Secure；只相信 --trusted-proxy 所列代理（默认本机）发来的 X-Forwarded-For）。\n' +
      '--org: the organisation server (accounts, roles, audit), PostgreSQL only; make the first admin with huxun org create-admin. --behind-tls: served through an HTTPS reverse proxy (Secure cookie; X-Forwarded-For believed only from the proxies in --trusted-proxy A,B, default this machine).',
    flags: ['port', 'host', 'org', 'behind-tls', 'trusted-proxy'],
    async run({ flags, io }) {
      const portFlag = flags.int('port') ?? (process.env.PORT ? Number(process.env.PORT) : undefined);
      if (flags.bool('org')) {
        const org = await startOrgServer({
          dataDir: flags.str('data'),
          databaseUrl: flags.str('database') ?? process.env.DATABASE_URL,
          port: portFlag ?? 7878,
          host: flags.str('host') ?? '127.0.0.1',
          behindTls: flags.bool('behind-tls'),
          trustedProxies: flags.str('trusted-proxy')?.split(',').map((x) => x.trim()).filter(Boolean),
        });
        io.err(`护讯机构服务器已启动 Huxun organisation server is running: ${org.origin}`);
        for (const w of org.warnings) io.err(w);
        io.err('按 Ctrl+C 停止 Press Ctrl+C to stop.');
        io.out(org.origin);
        await new Promise<void>((resolve) => {
          const stop = () => void org.close().then(resolve);
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        return 0;
      }
      const running = await startServer({
        dataDir: flags.str('data'),
        databaseUrl: flags.str('database') ?? process.env.DATABASE_URL,
        passphrase: flags.str('passphrase'),
        port: portFlag ?? 7878,
        host: flags.str('host') ?? '127.0.0.1',
      });
      io.err(`护讯已启动 Huxun is running: ${running.url}`);
      io.err('请打开上面的完整网址（含 ?k=…，只在这次运行有效，不要分享）。Open the full address above (with ?k=…: valid for this run only, do not share it).');
      if (running.locked) io.err('数据已加密：请在网页中输入密码解锁。The data is encrypted: enter the passphrase in the web page to unlock it.');
      io.err('按 Ctrl+C 停止 Press Ctrl+C to stop.');
      io.out(running.url);
      void running.chainCheck.then(
        (c) => io.err(c.ok ? `证据链完好 evidence chain intact (${c.count} 条记录 records)` : `⚠ 证据链在第 ${c.problem?.seq} 条记录处不符 evidence chain broken at record ${c.problem?.seq}: ${c.problem?.reason}`),
        () => io.err('⚠ 证据链检查失败 could not check the evidence chain'),
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          void running.close().then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      return 0;
    },
  },
];
