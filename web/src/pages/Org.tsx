/**
 * The organisation server's pages (issue 15): log in (or make an account with an invite code), the case list (with
 * assignment, for whoever the role matrix lets assign), the accounts page (OrgAccounts.tsx), and a bar above the open
 * case. The case pages are the local app's, pointed at /api/cases/ID/… (api/client.ts apiPath). What each role is
 * offered comes from the one role matrix, src/shared/roles.ts, which the server decides with.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Checkbox, Drawer, Input, List, Modal, Popconfirm, Segmented, Table, Tabs, Tag } from 'antd';
import { ApiError, get, post, put, setOrgSession } from '../api/client.js';
import { call } from '../api/typed.js';
import type { AuditEntryView, InviteView, NoteView, OrgCaseListItem, SessionView, ShareView, TaskView, UserListItem, UserView } from '../../../src/shared/accounts.js';
import { LENDER_REPORT_COLUMNS, type LenderReport, type LenderReportRow } from '../../../src/shared/org.js';
import { allowed, isStaff, mayEver } from '../../../src/shared/roles.js';
import { ErrorNotice, Loading } from '../components/common.js';
import { useI18n, type Lang, type MsgKey } from '../i18n/index.js';
import { assignMember, ChangeOwnPassword, OrgAccounts, TotpSetup } from './OrgAccounts.js';

type OrgCase = OrgCaseListItem;

function Login({ onIn, notice }: { onIn(s: SessionView): void; notice?: MsgKey | null }) {
  const { t, lang, setLang } = useI18n();
  const [mode, setMode] = useState<'login' | 'invite'>('login');
  const [user, setUser] = useState('');
  const [pass, setPass] = useState('');
  const [totp, setTotp] = useState('');
  const [invite, setInvite] = useState('');
  const [needTotp, setNeedTotp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<MsgKey | null>(null);
  const [err, setErr] = useState<unknown>(null);

  const submit = async () => {
    setBusy(true);
    setMsg(null);
    setErr(null);
    try {
      const s =
        mode === 'login'
          ? await call('POST /auth/login', { body: { username: user, password: pass, ...(totp ? { totp } : {}) } })
          : await call('POST /auth/redeem', { body: { invite, username: user, password: pass } });
      onIn(s);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401 && (e.details as { totp_required?: boolean } | undefined)?.totp_required) setNeedTotp(true);
      else if (e instanceof ApiError && e.status === 401) setMsg('org.login.wrong');
      else if (e instanceof ApiError && e.status === 429) setMsg('org.login.limited');
      else setErr(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="unlock" id="main">
      <Segmented
        className="unlock-lang"
        size="small"
        aria-label={t('settings.lang')}
        value={lang}
        onChange={(v) => setLang(v as Lang)}
        options={[
          { value: 'zh-CN', label: t('settings.lang.zh') },
          { value: 'en', label: t('settings.lang.en') },
        ]}
      />
      <p className="brand">{t('app.name')}</p>
      <h1 className="page-title">{t('org.login.title')}</h1>
      <p>{mode === 'login' ? t('org.login.sub') : t('org.login.invite.hint')}</p>
      {notice ? <Alert type="success" showIcon data-testid="org-login-notice" title={t(notice)} /> : null}
      <form
        className="unlock-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {mode === 'invite' ? (
          <>
            <label htmlFor="org-invite">{t('org.login.invite.code')}</label>
            <Input id="org-invite" value={invite} onChange={(e) => setInvite(e.target.value)} autoComplete="off" />
          </>
        ) : null}
        <label htmlFor="org-user">{t('org.login.user')}</label>
        <Input id="org-user" autoFocus value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username" />
        <label htmlFor="org-pass">{t('org.login.pass')}</label>
        <Input.Password id="org-pass" value={pass} onChange={(e) => setPass(e.target.value)} autoComplete={mode === 'login' ? 'current-password' : 'new-password'} />
        {needTotp && mode === 'login' ? (
          <>
            <label htmlFor="org-totp">{t('org.login.totp')}</label>
            <Input id="org-totp" value={totp} inputMode="numeric" maxLength={6} onChange={(e) => setTotp(e.target.value.trim())} autoComplete="one-time-code" />
          </>
        ) : null}
        {msg ? (
          <p className="unlock-wrong" role="alert">
            {t(msg)}
          </p>
        ) : null}
        <Button type="primary" htmlType="submit" loading={busy} disabled={!user || !pass} data-testid="org-login">
          {mode === 'login' ? t('org.login.go') : t('org.login.invite.go')}
        </Button>
        <Button type="link" onClick={() => setMode(mode === 'login' ? 'invite' : 'login')}>
          {mode === 'login' ? t('org.login.invite') : t('org.login.go')}
        </Button>
      </form>
      <ErrorNotice error={err} />
    </main>
  );
}

function NewCase({ onMade }: { onMade(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [made, setMade] = useState<InviteView | null>(null);
  const [err, setErr] = useState<unknown>(null);
  return (
    <>
      <form
        className="org-add"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return;
          call('POST /org/cases', { body: { name } }).then((r: InviteView) => {
            setMade(r);
            setName('');
            onMade();
          }, setErr);
        }}
      >
        <Input value={name} onChange={(e) => setName(e.target.value)} aria-label={t('org.cases.new.name')} placeholder={t('org.cases.new.name')} />
        <Button htmlType="submit">{t('org.cases.new')}</Button>
      </form>
      {made ? <Alert type="success" showIcon data-testid="org-invite" title={t('org.cases.new.done', { code: made.invite, days: 14 })} /> : null}
      <ErrorNotice error={err} />
    </>
  );
}

/** The report's columns, in the order src/shared/org.ts gives them. */
const REPORT_KEYS = Object.keys(LENDER_REPORT_COLUMNS) as (keyof typeof LENDER_REPORT_COLUMNS)[];

function Report() {
  const { t, pick } = useI18n();
  const [r, setR] = useState<LenderReport | null>(null);
  const [err, setErr] = useState<unknown>(null);
  useEffect(() => {
    call('GET /org/report/lenders').then((x: LenderReport) => setR(x), setErr);
  }, []);
  if (err) return <ErrorNotice error={err} />;
  if (!r) return <Loading />;
  return (
    <section aria-labelledby="org-report-h">
      <h2 id="org-report-h" className="card-h">
        {t('org.report.title')}
      </h2>
      <p>{t('org.report.sub', { cases: r.cases, consented: r.consented })}</p>
      <Table<LenderReportRow>
        rowKey="key"
        size="small"
        scroll={{ x: true }}
        dataSource={r.lenders}
        pagination={false}
        locale={{ emptyText: t('org.cases.empty') }}
        columns={REPORT_KEYS.map((k) => ({ title: pick(LENDER_REPORT_COLUMNS[k]), dataIndex: k, render: (v: unknown) => (Array.isArray(v) ? v.join('、') : String(v ?? '')) }))}
      />
      {r.notes.map((n, i) => (
        <p key={i} className="muted">
          {pick(n)}
        </p>
      ))}
    </section>
  );
}

/**
 * A supervisor (whoever the matrix lets assign on this case) ticks the caseworkers who work on it; each tick is one
 * PUT /api/cases/:id/members. Staff of other roles already assigned are listed too, so they can be taken off.
 */
function AssignCase({ c, onClose, onChanged }: { c: OrgCase; onClose(): void; onChanged(): void }) {
  const { t } = useI18n();
  const [staff, setStaff] = useState<UserListItem[] | null>(null);
  const [assigned, setAssigned] = useState<string[]>(c.assigned);
  const [err, setErr] = useState<unknown>(null);
  useEffect(() => {
    call('GET /org/users').then(setStaff, setErr);
  }, []);
  const [said, setSaid] = useState<MsgKey | null>(null);
  const toggle = (u: UserListItem, on: boolean) => {
    setErr(null);
    setSaid(null);
    assignMember(c.id, u.id, on).then(
      (r) => {
        setAssigned(r.assigned);
        onChanged();
      },
      (e: unknown) => {
        // The server's reason (src/app/org/cases.ts assignCase), in the page's words.
        if (e instanceof ApiError && (e.details as { reason?: string } | undefined)?.reason === 'disabled') setSaid('org.assign.err.disabled');
        else setErr(e);
      },
    );
  };
  const shown = (staff ?? []).filter((u) => (u.role === 'caseworker' && !u.disabled) || assigned.includes(u.username));
  return (
    <Modal open title={t('org.assign.title', { name: c.name })} onCancel={onClose} footer={null} destroyOnHidden>
      <p>{t('org.assign.hint')}</p>
      {!staff && !err ? <Loading /> : null}
      {staff && !shown.length ? <p>{t('org.assign.none')}</p> : null}
      <div className="org-assign-list">
        {shown.map((u) => (
          <Checkbox key={u.id} checked={assigned.includes(u.username)} onChange={(e) => toggle(u, e.target.checked)} data-testid={`org-assign-${u.username}`}>
            {u.username}
            {u.role === 'caseworker' ? '' : `（${t(`org.role.${u.role}` as MsgKey)}）`}
          </Checkbox>
        ))}
      </div>
      {said ? <Alert type="error" showIcon role="alert" title={t(said)} /> : null}
      <ErrorNotice error={err} />
    </Modal>
  );
}

function CaseList({ onOpen, user }: { onOpen(c: OrgCase): void; user: UserView }) {
  const { t, pick } = useI18n();
  const [cases, setCases] = useState<OrgCase[] | null>(null);
  const [err, setErr] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const [assigning, setAssigning] = useState<OrgCase | null>(null);
  useEffect(() => {
    call('GET /org/cases').then(setCases, setErr);
  }, [tick]);
  // Per case, from the same matrix the server decides with (the server checks again).
  const mayAssign = (c: OrgCase) => allowed(user.role, 'case.assign', { exists: true, owner: false, member: c.assigned.includes(user.username), shared: c.shared });
  if (err) return <ErrorNotice error={err} />;
  if (!cases) return <Loading />;
  return (
    <section className="page" aria-labelledby="org-cases-h">
      <h1 id="org-cases-h" className="page-title">
        {t('org.cases.title')}
      </h1>
      {mayEver(user.role, 'case.create') ? <NewCase onMade={() => setTick((n) => n + 1)} /> : null}
      <Table<OrgCase>
        rowKey="id"
        dataSource={cases}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('org.cases.empty') }}
        columns={[
          { title: t('org.cases.name'), dataIndex: 'name', render: (_v, c) => `#${c.id} ${c.name}` },
          { title: t('org.cases.status'), render: (_v, c) => (c.shared || !c.revoked_at ? pick(c.summary?.status_label) : <Tag>{t('org.cases.revoked')}</Tag>) },
          { title: t('org.cases.next'), render: (_v, c) => pick(c.summary?.next_step?.title) },
          { title: t('org.cases.findings'), render: (_v, c) => c.summary?.findings.total ?? '' },
          { title: t('org.cases.lenders'), render: (_v, c) => (c.summary?.lenders ?? []).join('、') },
          ...(mayEver(user.role, 'case.assign')
            ? [
                {
                  title: t('org.cases.assigned'),
                  render: (_v: unknown, c: OrgCase) => (
                    <span data-testid={`org-assigned-${c.id}`}>
                      {c.assigned.length ? c.assigned.join('、') : t('org.assign.nobody')}{' '}
                      {mayAssign(c) ? (
                        <Button size="small" onClick={() => setAssigning(c)} data-testid={`org-assign-open-${c.id}`}>
                          {t('org.assign.open')}
                        </Button>
                      ) : null}
                    </span>
                  ),
                },
              ]
            : []),
          {
            title: '',
            render: (_v, c) =>
              c.shared || c.summary ? (
                <Button size="small" type="primary" onClick={() => onOpen(c)} data-testid={`org-open-${c.id}`}>
                  {t('org.cases.open')}
                </Button>
              ) : null,
          },
        ]}
      />
      {mayEver(user.role, 'org.report') ? <Report /> : null}
      {assigning ? <AssignCase c={assigning} onClose={() => setAssigning(null)} onChanged={() => setTick((n) => n + 1)} /> : null}
    </section>
  );
}

function when(ms: number | null | undefined): string {
  return ms ? new Date(ms).toLocaleString() : '';
}

/** Tasks and notes (staff), what staff did (borrower, supervisor), the share (borrower), per docs/roles.md. */
function CasePanel({ caseId, user }: { caseId: number; user: UserView }) {
  const { t } = useI18n();
  const base = `/api/cases/${caseId}`;
  const staff = mayEver(user.role, 'case.notes.read');
  const seesAudit = mayEver(user.role, 'case.audit');
  const [tasks, setTasks] = useState<TaskView[]>([]);
  const [notes, setNotes] = useState<NoteView[]>([]);
  const [audit, setAudit] = useState<AuditEntryView[]>([]);
  const [share, setShare] = useState<ShareView | null>(null);
  const [text, setText] = useState('');
  const [err, setErr] = useState<unknown>(null);
  const load = useCallback(() => {
    const quiet = <T,>(p: Promise<T>, set: (v: T) => void) => p.then(set, () => undefined);
    quiet(get<TaskView[]>(`${base}/tasks`), setTasks);
    if (staff) quiet(get<NoteView[]>(`${base}/notes`), setNotes);
    if (seesAudit) quiet(get<AuditEntryView[]>(`${base}/audit`), setAudit);
    quiet(get<ShareView>(`${base}/share`), setShare);
  }, [base, staff, seesAudit]);
  useEffect(load, [load]);
  const act = (p: Promise<unknown>) =>
    p.then(
      () => {
        setText('');
        load();
      },
      setErr,
    );
  const adder = (what: 'tasks' | 'notes') =>
    staff ? (
      <form
        className="org-add"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) void act(post(`${base}/${what}`, what === 'tasks' ? { title: text } : { text }));
        }}
      >
        <Input value={text} onChange={(e) => setText(e.target.value)} aria-label={t(what === 'tasks' ? 'org.panel.tasks' : 'org.panel.notes')} />
        <Button htmlType="submit">{t('org.panel.add')}</Button>
      </form>
    ) : null;
  const items = [
    {
      key: 'tasks',
      label: t('org.panel.tasks'),
      children: (
        <>
          {adder('tasks')}
          <List
            dataSource={tasks}
            locale={{ emptyText: t('org.panel.empty') }}
            renderItem={(x) => (
              <List.Item
                actions={staff && !x.done_at ? [<Button key="d" size="small" onClick={() => void act(put(`${base}/tasks/${x.id}`, { done: true }))}>{t('org.panel.done')}</Button>] : []}
              >
                {x.done_at ? <s>{x.title}</s> : x.title} {x.due_on ? <Tag>{x.due_on}</Tag> : null}
              </List.Item>
            )}
          />
        </>
      ),
    },
    ...(staff
      ? [
          {
            key: 'notes',
            label: t('org.panel.notes'),
            children: (
              <>
                {adder('notes')}
                <List dataSource={notes} locale={{ emptyText: t('org.panel.empty') }} renderItem={(x) => <List.Item>{`${x.author} · ${when(x.created_at)}：${x.text}`}</List.Item>} />
              </>
            ),
          },
        ]
      : []),
    ...(seesAudit
      ? [
          {
            key: 'audit',
            label: t('org.panel.audit'),
            children: (
              <>
                <p className="muted">{t('org.panel.audit.hint')}</p>
                <List dataSource={audit} locale={{ emptyText: t('org.panel.empty') }} renderItem={(x) => <List.Item>{`${when(x.at)} · ${x.user ?? ''} · ${x.action} · ${x.method} ${x.route}`}</List.Item>} />
              </>
            ),
          },
        ]
      : []),
    ...(mayEver(user.role, 'case.share.revoke') && share
      ? [
          {
            key: 'share',
            label: t('org.panel.share'),
            children: (
              <>
                <p data-testid="org-share-state">{share.shared ? t('org.share.on') : t('org.share.off')}</p>
                {share.shared ? (
                  <>
                    <Checkbox checked={share.consent} onChange={(e) => void act(put(`${base}/share/consent`, { consent: e.target.checked }))}>
                      {t('org.share.consent')}
                    </Checkbox>
                    <p>
                      <Popconfirm title={t('org.share.revoke.confirm')} onConfirm={() => void act(post(`${base}/share/revoke`, {}))}>
                        <Button danger>{t('org.share.revoke')}</Button>
                      </Popconfirm>
                    </p>
                  </>
                ) : null}
              </>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <Tabs items={items} />
      <ErrorNotice error={err} />
    </>
  );
}

/**
 * In organisation mode: nothing of a case shows before login, and the case pages show only once a case is open.
 * `children` is the local app's shell, mounted anew for each case (key) so that no page keeps another case's data.
 */
export function OrgGate({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [session, setSession] = useState<SessionView | null | 'checking'>('checking');
  const [open, setOpen] = useState<OrgCase | null>(null);
  const [panel, setPanel] = useState(false);
  const [view, setView] = useState<'cases' | 'accounts' | null>(null);
  const [notice, setNotice] = useState<MsgKey | null>(null);
  const [totpOpen, setTotpOpen] = useState(false);
  useEffect(() => {
    call('GET /auth/me').then(
      (s) => {
        setOrgSession({ caseId: null, csrf: s.csrf });
        setSession(s);
      },
      () => setSession(null),
    );
  }, []);
  const signIn = useCallback((s: SessionView) => {
    setOrgSession({ caseId: null, csrf: s.csrf });
    setNotice(null);
    setSession(s);
  }, []);
  const openCase = useCallback(
    (c: OrgCase | null) => {
      if (session && session !== 'checking') setOrgSession({ caseId: c?.id ?? null, csrf: session.csrf });
      setOpen(c);
    },
    [session],
  );
  if (session === 'checking') return <Loading />;
  if (!session) return <Login onIn={signIn} notice={notice} />;
  const logout = async () => {
    await post('/api/auth/logout', {}).catch(() => undefined);
    setOrgSession({ caseId: null, csrf: null });
    setOpen(null);
    setView(null);
    setSession(null);
  };
  if (session.must_change) {
    return (
      <ChangeOwnPassword
        onChanged={() => {
          // The server ended every session of the account: log in again with the new password.
          setOrgSession({ caseId: null, csrf: null });
          setNotice('org.pw.done');
          setSession(null);
        }}
        onLogout={() => void logout()}
      />
    );
  }
  const role = session.user.role;
  const accounts = mayEver(role, 'org.users.list');
  // An admin's work is the accounts (they see cases only when assigned to one); everyone else starts at the cases.
  const shown = view ?? (mayEver(role, 'org.users.manage') ? 'accounts' : 'cases');
  return (
    <div className="org">
      <header className="org-bar" role="banner">
        <span>{t('org.bar.user', { user: session.user.username, role: t(`org.role.${session.user.role}` as MsgKey) })}</span>
        {!open && accounts ? (
          <nav aria-label={t('org.nav.label')} className="org-nav">
            {(['cases', 'accounts'] as const).map((v) => (
              <Button key={v} size="small" type={shown === v ? 'primary' : 'default'} aria-current={shown === v ? 'page' : undefined} onClick={() => setView(v)} data-testid={`org-nav-${v}`}>
                {t(v === 'cases' ? 'org.nav.cases' : 'org.nav.accounts')}
              </Button>
            ))}
          </nav>
        ) : null}
        {open ? <strong data-testid="org-case">{t('org.bar.case', { name: open.name })}</strong> : null}
        {open ? (
          <Button size="small" onClick={() => setPanel(true)} data-testid="org-panel">
            {t('org.panel.open')}
          </Button>
        ) : null}
        {open ? (
          <Button size="small" onClick={() => openCase(null)}>
            {t('org.bar.back')}
          </Button>
        ) : null}
        {isStaff(role) ? (
          <Button size="small" onClick={() => setTotpOpen(true)} data-testid="org-totp-open">
            {t('org.totp.open')}
          </Button>
        ) : null}
        <Button size="small" onClick={() => void logout()}>
          {t('org.bar.logout')}
        </Button>
      </header>
      {totpOpen ? <TotpSetup me={session.user} onClose={() => setTotpOpen(false)} /> : null}
      {open ? <div key={open.id}>{children}</div> : shown === 'accounts' && accounts ? <OrgAccounts me={session.user} /> : <CaseList onOpen={(c) => openCase(c)} user={session.user} />}
      {open ? (
        <Drawer open={panel} onClose={() => setPanel(false)} title={t('org.panel.title')} size="large" destroyOnHidden>
          <CasePanel caseId={open.id} user={session.user} />
        </Drawer>
      ) : null}
    </div>
  );
}
