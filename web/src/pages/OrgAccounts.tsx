/**
 * Accounts of the organisation server (issue 15), for the admin in the browser instead of `huxun org user …`: the
 * list (role, active, two-step login, last login), adding an account with a first password, disabling and enabling,
 * a new role, a password reset, two-step login turned off. A password the admin sets is temporary: its owner must
 * replace it at the next login (ChangeOwnPassword below; the server refuses everything else until then).
 *
 * What the page offers comes from the role matrix (src/shared/roles.ts); the rules it checks before asking (password
 * length, username) from src/shared/account-rules.ts; the server checks both again, and its refusals (the last
 * admin, oneself) arrive with a reason the page words in plain Chinese.
 */
import { lazy, Suspense, useCallback, useEffect, useState, type FormEvent, type HTMLAttributes } from 'react';
import { Alert, Button, Input, Modal, Popconfirm, Select, Table, Tag } from 'antd';
import { ApiError, post, put } from '../api/client.js';
import { call } from '../api/typed.js';
import { PASSWORD_MAX, PASSWORD_MIN, STAFF_ROLES, USERNAME_RE, type Role } from '../../../src/shared/account-rules.js';
import type { UserListItem, UserView } from '../../../src/shared/accounts.js';
import type { OrgApiContract, OrgCaseApiContract } from '../../../src/shared/contract.js';
import { mayEver } from '../../../src/shared/roles.js';
import { ErrorNotice, Loading } from '../components/common.js';
import { useI18n, type MsgKey } from '../i18n/index.js';

/** The reason the server gave for a refusal it words itself (accounts.ts), if the page has words for it. */
function reasonKey(e: unknown, prefix: 'org.accounts.err.' | 'org.pw.err.'): MsgKey | null {
  const reason = e instanceof ApiError ? (e.details as { reason?: unknown } | undefined)?.reason : undefined;
  const known: Record<string, MsgKey> = {
    'org.accounts.err.username_taken': 'org.accounts.err.username_taken',
    'org.accounts.err.self_disable': 'org.accounts.err.self_disable',
    'org.accounts.err.self_role': 'org.accounts.err.self_role',
    'org.accounts.err.last_admin': 'org.accounts.err.last_admin',
    'org.accounts.err.role_kind': 'org.accounts.err.role_kind',
    'org.pw.err.wrong_current': 'org.pw.err.wrong_current',
    'org.pw.err.same_password': 'org.pw.err.same_password',
  };
  return typeof reason === 'string' ? (known[prefix + reason] ?? null) : null;
}

/** The password rules of src/shared/account-rules.ts, as a message key, or null when the two entries are fine. */
function passwordProblem(a: string, b: string): { key: MsgKey; vars?: Record<string, number> } | null {
  if (a.length < PASSWORD_MIN) return { key: 'org.accounts.err.short', vars: { min: PASSWORD_MIN } };
  if (a.length > PASSWORD_MAX) return { key: 'org.accounts.err.long', vars: { max: PASSWORD_MAX } };
  if (a !== b) return { key: 'org.accounts.err.differ' };
  return null;
}

type Said = { key: MsgKey; vars?: Record<string, string | number> } | null;

function Said({ said, type, testId }: { said: Said; type: 'success' | 'error'; testId?: string }) {
  const { t } = useI18n();
  if (!said) return null;
  return <Alert type={type} showIcon role={type === 'error' ? 'alert' : 'status'} data-testid={testId} title={t(said.key, said.vars)} />;
}

/**
 * A form's sending: what was said is cleared, the entries' problem (if any) is said and nothing is sent; else the
 * request goes out, and a refusal the page has words for is said, anything else shown as an error.
 */
function useSend(prefix: 'org.accounts.err.' | 'org.pw.err.') {
  const [said, setSaid] = useState<Said>(null);
  const [err, setErr] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const send = async (problem: Said, request: () => Promise<void>) => {
    setSaid(null);
    setErr(null);
    if (problem) return setSaid(problem);
    setBusy(true);
    try {
      await request();
    } catch (e) {
      const k = reasonKey(e, prefix);
      if (k) setSaid({ key: k });
      else setErr(e);
    } finally {
      setBusy(false);
    }
  };
  return { said, err, busy, send };
}

function AddAccount({ onMade }: { onMade(): void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('caseworker');
  const [pass, setPass] = useState('');
  const [pass2, setPass2] = useState('');
  const { said, err, busy, send } = useSend('org.accounts.err.');
  const [done, setDone] = useState<Said>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    await send(USERNAME_RE.test(username.trim()) ? passwordProblem(pass, pass2) : { key: 'org.accounts.err.username' }, async () => {
      const made = await call('POST /org/users', { body: { username: username.trim(), password: pass, role } });
      setDone({ key: 'org.accounts.add.done', vars: { user: made.username } });
      setUsername('');
      setPass('');
      setPass2('');
      onMade();
    });
  };
  return (
    <section aria-labelledby="org-add-account-h" className="org-account-add">
      <h2 id="org-add-account-h" className="card-h">
        {t('org.accounts.add')}
      </h2>
      <p className="muted">{t('org.accounts.add.hint')}</p>
      <form className="org-account-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor="org-new-user">{t('org.accounts.add.user')}</label>
        <Input id="org-new-user" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" />
        <label htmlFor="org-new-role">{t('org.accounts.add.role')}</label>
        <Select<Role>
          id="org-new-role"
          value={role}
          onChange={setRole}
          options={STAFF_ROLES.map((r) => ({ value: r, label: t(`org.role.${r}` as MsgKey) }))}
        />
        <label htmlFor="org-new-pass">{t('org.accounts.add.pass', { min: PASSWORD_MIN })}</label>
        <Input.Password id="org-new-pass" value={pass} onChange={(e) => setPass(e.target.value)} autoComplete="new-password" />
        <label htmlFor="org-new-pass2">{t('org.accounts.add.pass2')}</label>
        <Input.Password id="org-new-pass2" value={pass2} onChange={(e) => setPass2(e.target.value)} autoComplete="new-password" />
        <Button type="primary" htmlType="submit" loading={busy} data-testid="org-add-account">
          {t('org.accounts.add.go')}
        </Button>
      </form>
      <Said said={said} type="error" />
      <Said said={done} type="success" testId="org-account-added" />
      <ErrorNotice error={err} />
    </section>
  );
}

function ResetPassword({ user, onClose, onDone }: { user: UserListItem; onClose(): void; onDone(s: Said): void }) {
  const { t } = useI18n();
  const [pass, setPass] = useState('');
  const [pass2, setPass2] = useState('');
  const { said, err, busy, send } = useSend('org.accounts.err.');
  const submit = () =>
    send(passwordProblem(pass, pass2), async () => {
      await call('PUT /org/users/:userId', { params: { userId: user.id }, body: { password: pass } });
      onDone({ key: 'org.accounts.reset.done', vars: { user: user.username } });
    });
  return (
    <Modal open title={t('org.accounts.reset.title', { user: user.username })} onCancel={onClose} onOk={() => void submit()} okText={t('org.accounts.reset.go')} confirmLoading={busy} destroyOnHidden>
      <p>{t('org.accounts.reset.hint')}</p>
      <div className="org-account-form">
        <label htmlFor="org-reset-pass">{t('org.accounts.add.pass', { min: PASSWORD_MIN })}</label>
        <Input.Password id="org-reset-pass" value={pass} onChange={(e) => setPass(e.target.value)} autoComplete="new-password" />
        <label htmlFor="org-reset-pass2">{t('org.accounts.add.pass2')}</label>
        <Input.Password id="org-reset-pass2" value={pass2} onChange={(e) => setPass2(e.target.value)} autoComplete="new-password" />
      </div>
      <Said said={said} type="error" />
      <ErrorNotice error={err} />
    </Modal>
  );
}

export function OrgAccounts({ me }: { me: UserView }) {
  const { t, lang } = useI18n();
  const manage = mayEver(me.role, 'org.users.manage');
  const [users, setUsers] = useState<UserListItem[] | null>(null);
  const [err, setErr] = useState<unknown>(null);
  const [said, setSaid] = useState<Said>(null);
  const [done, setDone] = useState<Said>(null);
  const [resetting, setResetting] = useState<UserListItem | null>(null);
  const load = useCallback(() => {
    call('GET /org/users').then(setUsers, setErr);
  }, []);
  useEffect(load, [load]);

  const change = async (u: UserListItem, patch: { disabled?: boolean; role?: Role; totp?: false }) => {
    setSaid(null);
    setDone(null);
    try {
      await call('PUT /org/users/:userId', { params: { userId: u.id }, body: patch });
      setDone({ key: 'org.accounts.changed', vars: { user: u.username } });
    } catch (e) {
      const k = reasonKey(e, 'org.accounts.err.');
      if (k) setSaid({ key: k });
      else setErr(e);
    }
    load();
  };

  const when = (ms: number | null) => {
    if (!ms) return t('org.accounts.never');
    return new Date(ms).toLocaleString(lang);
  };
  if (!users) return err ? <ErrorNotice error={err} /> : <Loading />;
  return (
    <section className="page" aria-labelledby="org-accounts-h">
      <h1 id="org-accounts-h" className="page-title">
        {t('org.accounts.title')}
      </h1>
      <p>{manage ? t('org.accounts.sub') : t('org.accounts.readonly')}</p>
      <Said said={said} type="error" />
      <Said said={done} type="success" testId="org-account-changed" />
      <ErrorNotice error={err} />
      <Table<UserListItem>
        rowKey="id"
        size="small"
        dataSource={users}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: true }}
        onRow={(u) => ({ 'data-testid': `org-account-${u.username}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('org.accounts.user'), render: (_v, u) => `${u.username}${u.id === me.id ? t('org.accounts.you') : ''}` },
          {
            title: t('org.accounts.role'),
            render: (_v, u) =>
              manage && u.id !== me.id && u.role !== 'borrower' ? (
                <Select<Role>
                  size="small"
                  aria-label={`${t('org.accounts.role')} ${u.username}`}
                  value={u.role}
                  onChange={(role) => void change(u, { role })}
                  options={STAFF_ROLES.map((r) => ({ value: r, label: t(`org.role.${r}` as MsgKey) }))}
                />
              ) : (
                t(`org.role.${u.role}` as MsgKey)
              ),
          },
          {
            title: t('org.accounts.state'),
            render: (_v, u) => (
              <>
                {u.disabled ? <Tag color="red">{t('org.accounts.disabled')}</Tag> : <Tag color="green">{t('org.accounts.active')}</Tag>}
                {u.must_change ? <Tag>{t('org.accounts.mustChange')}</Tag> : null}
              </>
            ),
          },
          { title: t('org.accounts.totp'), render: (_v, u) => (u.totp ? t('org.accounts.totp.on') : t('org.accounts.totp.off')) },
          { title: t('org.accounts.last'), render: (_v, u) => when(u.last_login_at) },
          ...(manage
            ? [
                {
                  title: t('org.accounts.actions'),
                  render: (_v: unknown, u: UserListItem) => (
                    <span className="org-account-actions">
                      {u.id === me.id ? null : u.disabled ? (
                        <Button size="small" onClick={() => void change(u, { disabled: false })}>
                          {t('org.accounts.enable')}
                        </Button>
                      ) : (
                        <Popconfirm title={t('org.accounts.disable.confirm', { user: u.username })} onConfirm={() => void change(u, { disabled: true })}>
                          <Button size="small" danger>
                            {t('org.accounts.disable')}
                          </Button>
                        </Popconfirm>
                      )}
                      <Button size="small" onClick={() => setResetting(u)}>
                        {t('org.accounts.reset')}
                      </Button>
                      {u.totp ? (
                        <Popconfirm title={t('org.accounts.totpOff.confirm', { user: u.username })} onConfirm={() => void change(u, { totp: false })}>
                          <Button size="small">{t('org.accounts.totpOff')}</Button>
                        </Popconfirm>
                      ) : null}
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
      {manage ? <AddAccount onMade={load} /> : null}
      {resetting ? (
        <ResetPassword
          user={resetting}
          onClose={() => setResetting(null)}
          onDone={(s) => {
            setResetting(null);
            setDone(s);
            load();
          }}
        />
      ) : null}
    </section>
  );
}

/**
 * Shown instead of everything else while the session's password is one an admin set: the owner chooses their own.
 * Changing it ends every session of the account (the server's rule), so the person logs in again with it.
 */
export function ChangeOwnPassword({ onChanged, onLogout }: { onChanged(): void; onLogout(): void }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [pass, setPass] = useState('');
  const [pass2, setPass2] = useState('');
  const { said, err, busy, send } = useSend('org.pw.err.');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await send(passwordProblem(pass, pass2), async () => {
      await post<OrgApiContract['POST /auth/password']>('/api/auth/password', { current, password: pass });
      onChanged();
    });
  };
  return (
    <main className="unlock" id="main">
      <p className="brand">{t('app.name')}</p>
      <h1 className="page-title">{t('org.pw.title')}</h1>
      <p>{t('org.pw.sub', { min: PASSWORD_MIN })}</p>
      <form className="unlock-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor="org-pw-current">{t('org.pw.current')}</label>
        <Input.Password id="org-pw-current" autoFocus value={current} onChange={(e) => setCurrent(e.target.value)} autoComplete="current-password" />
        <label htmlFor="org-pw-new">{t('org.pw.new')}</label>
        <Input.Password id="org-pw-new" value={pass} onChange={(e) => setPass(e.target.value)} autoComplete="new-password" />
        <label htmlFor="org-pw-new2">{t('org.pw.new2')}</label>
        <Input.Password id="org-pw-new2" value={pass2} onChange={(e) => setPass2(e.target.value)} autoComplete="new-password" />
        <Said said={said} type="error" />
        <Button type="primary" htmlType="submit" loading={busy} disabled={!current || !pass} data-testid="org-pw-save">
          {t('org.pw.go')}
        </Button>
        <Button type="link" onClick={onLogout}>
          {t('org.bar.logout')}
        </Button>
      </form>
      <ErrorNotice error={err} />
    </main>
  );
}

const QrSvg = lazy(() => import('../components/QrSvg.js'));
const QR_SIZE = 176;

/**
 * A staff member turns on two-step login (TOTP): the server makes a secret and shows it once, and keeps it, sealed,
 * only when a code from it is confirmed. The otpauth:// URI is shown as a QR code (antd's own, drawn as SVG in the
 * page: nothing is fetched from elsewhere and the Content-Security-Policy needs no image source), so nobody types
 * 32 characters into a phone; the key stays beside it for those whose phone cannot scan.
 */
export function TotpSetup({ me, onClose }: { me: UserView; onClose(): void }) {
  const { t } = useI18n();
  const [on, setOn] = useState<boolean | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [uri, setUri] = useState('');
  const [code, setCode] = useState('');
  const [said, setSaid] = useState<Said>(null);
  const [done, setDone] = useState(false);
  const [err, setErr] = useState<unknown>(null);
  useEffect(() => {
    call('GET /auth/me').then((s) => {
      setOn(s.totp);
      if (!s.totp)
        return call('POST /auth/totp/setup').then((x) => {
          setSecret(x.secret);
          setUri(x.uri);
        });
    }).catch(setErr);
  }, []);
  const confirm = async () => {
    if (!secret) return;
    setSaid(null);
    setErr(null);
    try {
      await call('POST /auth/totp/confirm', { body: { secret, code } });
      setDone(true);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) setSaid({ key: 'org.totp.wrong' });
      else setErr(e);
    }
  };
  return (
    <Modal open title={t('org.totp.title')} onCancel={onClose} footer={null} destroyOnHidden>
      {on === null && !err ? <Loading /> : null}
      {on ? <p>{t('org.totp.on')}</p> : null}
      {done ? <Alert type="success" showIcon role="status" data-testid="org-totp-done" title={t('org.totp.done')} /> : null}
      {secret && !done ? (
        <>
          <p>{t('org.totp.step1')}</p>
          <div className="org-totp-enrol">
            <Suspense fallback={<div style={{ width: QR_SIZE, height: QR_SIZE }} />}>
              <QrSvg value={uri} size={QR_SIZE} label={t('org.totp.qr')} testId="org-totp-qr" />
            </Suspense>
            <div>
              <p>{t('org.totp.manual', { user: me.username })}</p>
              <p className="org-totp-key" data-testid="org-totp-key">
                {secret.replace(/(.{4})/g, '$1 ').trim()}
              </p>
            </div>
          </div>
          <div className="org-account-form">
            <label htmlFor="org-totp-code">{t('org.totp.step2')}</label>
            <Input id="org-totp-code" value={code} inputMode="numeric" maxLength={6} autoComplete="one-time-code" onChange={(e) => setCode(e.target.value.trim())} />
            <Button type="primary" disabled={!/^\d{6}$/.test(code)} onClick={() => void confirm()} data-testid="org-totp-confirm">
              {t('org.totp.go')}
            </Button>
          </div>
          <Said said={said} type="error" />
        </>
      ) : null}
      <ErrorNotice error={err} />
    </Modal>
  );
}

/** Used by the case list's assignment dialog: `put` on a case's own path (no case is open there). */
export const assignMember = (caseId: number, userId: number, assigned: boolean) => put<OrgCaseApiContract['PUT /members']>(`/api/cases/${caseId}/members`, { user_id: userId, assigned });
