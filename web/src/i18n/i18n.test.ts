import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { zh } from './zh.js';

describe('i18n dictionaries', () => {
  it('have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });
  it('use the same placeholders in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(zh) as (keyof typeof zh)[]) expect(vars(en[k]), k).toEqual(vars(zh[k]));
  });
  it('mention codes and passwords only to warn, or for the passphrase of Huxun data', () => {
    // Huxun never asks for verification codes or passwords of other services. Any new text that
    // mentions them must be reviewed and added here.
    const warnings = ['app.footer', 'limits.agents.body', 'limits.never', 'limits.contacts', 'settings.pass.never'];
    const ownPassphrase = ['err.locked.next', 'settings.pass', 'settings.pass.hint', 'settings.pass.a', 'settings.pass.short', 'settings.pass.mismatch', 'settings.pass.warn', 'settings.pass.save', 'settings.pass.done', 'unlock.title', 'unlock.sub', 'unlock.label', 'unlock.wrong', 'unlock.forgot', 'unlock.forgot.1', 'unlock.forgot.2', 'unlock.forgot.3'];
    // The organisation server's own login (issue 15): the Huxun account's password and its authenticator code.
    const orgAccount = ['org.login.pass', 'org.login.totp', 'org.login.wrong', 'org.login.invite.hint'];
    // Its accounts page and the first-login password change: Huxun accounts' own passwords, set by the admin or their owner.
    const orgAccounts = [
      'org.accounts.sub', 'org.accounts.mustChange', 'org.accounts.reset', 'org.accounts.reset.title', 'org.accounts.reset.hint', 'org.accounts.reset.done', 'org.accounts.totpOff.confirm',
      'org.accounts.add.pass', 'org.accounts.add.pass2', 'org.accounts.add.hint', 'org.accounts.add.done', 'org.accounts.err.short', 'org.accounts.err.long', 'org.accounts.err.differ',
      'org.pw.title', 'org.pw.sub', 'org.pw.current', 'org.pw.new', 'org.pw.new2', 'org.pw.go', 'org.pw.err.wrong_current', 'org.pw.err.same_password', 'org.pw.done', 'org.totp.done',
    ];
    const mentioning = Object.entries(zh).filter(([, v]) => /验证码|密码/.test(v)).map(([k]) => k);
    expect(mentioning.sort()).toEqual([...warnings, ...ownPassphrase, ...orgAccount, ...orgAccounts].sort());
    for (const k of warnings) expect(zh[k as keyof typeof zh]).toMatch(/不会|绝不|警惕|不要|往往/);
    expect(Object.values(zh).some((v) => /验证码/.test(v) && /请输入|请提供|填写/.test(v))).toBe(false);
  });
});
