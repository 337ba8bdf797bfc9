/**
 * The organisation server's accounts from the command line (issue 15): the one-time first admin, staff accounts.
 * Passwords are typed at a hidden prompt (twice), or come from env HUXUN_NEW_PASSWORD for scripts; never a flag
 * (a command line is visible to every local user in ps), never a default.
 */
import { createFirstAdmin, createUser, listUsers, openOrg, updateUser } from '../../app/org/accounts.js';
import { resolveDataDir } from '../../app/context.js';
import { UsageError, type Flags } from '../args.js';
import { promptHidden, table, type Io } from '../io.js';
import type { Command } from '../registry.js';

const ROLES = ['caseworker', 'supervisor', 'admin'] as const;

async function newPassword(io: Io): Promise<string> {
  const env = process.env.HUXUN_NEW_PASSWORD;
  if (env) return env;
  if (!process.stdin.isTTY) throw new UsageError('没有终端可以输入密码：请设置环境变量 HUXUN_NEW_PASSWORD。No terminal to type the password: set HUXUN_NEW_PASSWORD.');
  const a = await promptHidden('新密码（至少 12 个字符，输入时不显示）New password (at least 12 characters, not shown): ');
  if (a === null) throw new UsageError('已取消 cancelled');
  const b = await promptHidden('再输入一次 Again: ');
  if (a !== b) {
    io.err('两次输入的密码不一样。The two passwords differ.');
    throw new UsageError('passwords differ');
  }
  return a;
}

async function withOrg<T>(flags: Flags, use: (org: Awaited<ReturnType<typeof openOrg>>) => Promise<T>): Promise<T> {
  const databaseUrl = flags.str('database') ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new UsageError('机构服务器的账号在 PostgreSQL 里：请用 --database postgres://… 或 DATABASE_URL。Organisation accounts live in PostgreSQL: give --database postgres://… or DATABASE_URL.');
  const org = await openOrg({ databaseUrl, dataDir: resolveDataDir(flags.str('data')) });
  try {
    return await use(org);
  } finally {
    await org.close();
  }
}

export const orgCommands: Command[] = [
  {
    name: 'org create-admin',
    usage: 'org create-admin USERNAME',
    summary: '机构服务器：创建第一个管理员（只能一次）organisation server: create the first admin (once)',
    async run({ args, flags, io }) {
      const [username, ...rest] = args;
      if (!username || rest.length) throw new UsageError('usage: huxun org create-admin USERNAME');
      const password = await newPassword(io);
      const u = await withOrg(flags, (org) => createFirstAdmin(org, username, password));
      io.err(`管理员已创建 admin created: ${u.username}`);
      if (flags.bool('json')) io.out(JSON.stringify(u));
      return 0;
    },
  },
  {
    name: 'org user add',
    usage: 'org user add USERNAME --role caseworker|supervisor|admin',
    summary: '机构服务器：添加工作人员账号 organisation server: add a staff account',
    flags: ['role'],
    async run({ args, flags, io }) {
      const [username, ...rest] = args;
      const role = flags.str('role');
      if (!username || rest.length || !role || !(ROLES as readonly string[]).includes(role)) throw new UsageError('usage: huxun org user add USERNAME --role caseworker|supervisor|admin');
      const password = await newPassword(io);
      // The password is the admin's, as on the accounts page: its owner replaces it at the first login.
      const u = await withOrg(flags, (org) => createUser(org, { username, password, role: role as (typeof ROLES)[number] }, { mustChange: true }));
      io.err(`账号已创建 account created: ${u.username} (${u.role})；首次登录时须改成自己的密码 / the password must be changed at the first login`);
      if (flags.bool('json')) io.out(JSON.stringify(u));
      return 0;
    },
  },
  {
    name: 'org user list',
    usage: 'org user list',
    summary: '机构服务器：列出账号 organisation server: list accounts',
    async run({ flags, io }) {
      const list = await withOrg(flags, (org) => listUsers(org));
      if (flags.bool('json')) io.out(JSON.stringify(list));
      else io.out(table(['id', 'username', 'role', 'disabled', 'totp'], list.map((u) => [u.id, u.username, u.role, u.disabled ? 'yes' : '', u.totp ? 'yes' : ''])));
      return 0;
    },
  },
  {
    name: 'org user disable',
    usage: 'org user disable USERNAME [--enable]',
    summary: '机构服务器：停用（或恢复）账号，立即结束它的会话 organisation server: disable (or enable) an account; its sessions end at once',
    flags: ['enable'],
    async run({ args, flags, io }) {
      const [username] = args;
      if (!username) throw new UsageError('usage: huxun org user disable USERNAME [--enable]');
      const enable = flags.bool('enable');
      await withOrg(flags, async (org) => {
        const u = (await listUsers(org)).find((x) => x.username === username.toLowerCase());
        if (!u) throw new UsageError(`no such account ${username}`);
        await updateUser(org, u.id, { disabled: !enable });
      });
      io.err(enable ? `已恢复 enabled: ${username}` : `已停用 disabled: ${username}`);
      return 0;
    },
  },
  {
    name: 'org user reset-totp',
    usage: 'org user reset-totp USERNAME',
    summary: '机构服务器：关闭账号的两步验证（手机丢了，或机构密钥丢了），之后重新设置 organisation server: turn off an account\'s second factor (lost phone or lost server key) so that it enrols again',
    async run({ args, flags, io }) {
      const [username, ...rest] = args;
      if (!username || rest.length) throw new UsageError('usage: huxun org user reset-totp USERNAME');
      await withOrg(flags, async (org) => {
        const u = (await listUsers(org)).find((x) => x.username === username.toLowerCase());
        if (!u) throw new UsageError(`no such account ${username}`);
        await updateUser(org, u.id, { totp: false });
      });
      io.err(`已关闭两步验证，请重新设置 second factor off: ${username}`);
      return 0;
    },
  },
];
