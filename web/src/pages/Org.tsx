/**
 * The organisation server's pages (issue 15): log in (or make an account with an invite code), the case list, and
 * a bar above the open case. The case pages are the local app's, pointed at /api/cases/ID/… (api/client.ts apiPath).
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Checkbox, Drawer, Input, List, Popconfirm, Segmented, Table, Tabs, Tag } from 'antd';
import { ApiError, get, post, put, setOrgSession } from '../api/client.js';
import type { AuditEntryView, CaseListItem, InviteView, NoteView, SessionView, ShareView, TaskView, UserView } from '../../../src/shared/accounts.js';
import { LENDER_REPORT_COLUMNS, type CaseSummary, type LenderReport, type LenderReportRow } from '../../../src/shared/org.js';
import { ErrorNotice, Loading } from '../components/common.js';
import { useI18n, type Lang, type MsgKey } from '../i18n/index.js';

type OrgCase = CaseListItem & { summary: CaseSummary | null };

function Login({ onIn }: { onIn(s: SessionView): void }) {
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
          ? await post<SessionView>('/api/auth/login', { username: user, password: pass, ...(totp ? { totp } : {}) })
          : await post<SessionView>('/api/auth/redeem', { invite, username: user, password: pass });
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
          post<InviteView>('/api/org/cases', { name }).then((r) => {
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
    get<LenderReport>('/api/org/report/lenders').then(setR, setErr);
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

function CaseList({ onOpen, user }: { onOpen(c: OrgCase): void; user: UserView }) {
  const { t, pick } = useI18n();
  const [cases, setCases] = useState<OrgCase[] | null>(null);
  const [err, setErr] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    get<OrgCase[]>('/api/org/cases').then(setCases, setErr);
  }, [tick]);
  if (err) return <ErrorNotice error={err} />;
  if (!cases) return <Loading />;
  return (
    <section className="page" aria-labelledby="org-cases-h">
      <h1 id="org-cases-h" className="page-title">
        {t('org.cases.title')}
      </h1>
      {user.role === 'caseworker' || user.role === 'supervisor' ? <NewCase onMade={() => setTick((n) => n + 1)} /> : null}
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
      {user.role === 'supervisor' ? <Report /> : null}
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
  const staff = user.role !== 'borrower';
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
    if (user.role === 'borrower' || user.role === 'supervisor') quiet(get<AuditEntryView[]>(`${base}/audit`), setAudit);
    quiet(get<ShareView>(`${base}/share`), setShare);
  }, [base, staff, user.role]);
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
    ...(user.role === 'borrower' || user.role === 'supervisor'
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
    ...(user.role === 'borrower' && share
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
  useEffect(() => {
    get<SessionView>('/api/auth/me').then(
      (s) => {
        setOrgSession({ caseId: null, csrf: s.csrf });
        setSession(s);
      },
      () => setSession(null),
    );
  }, []);
  const signIn = useCallback((s: SessionView) => {
    setOrgSession({ caseId: null, csrf: s.csrf });
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
  if (!session) return <Login onIn={signIn} />;
  const logout = async () => {
    await post('/api/auth/logout', {}).catch(() => undefined);
    setOrgSession({ caseId: null, csrf: null });
    setOpen(null);
    setSession(null);
  };
  return (
    <div className="org">
      <header className="org-bar" role="banner">
        <span>{t('org.bar.user', { user: session.user.username, role: t(`org.role.${session.user.role}` as MsgKey) })}</span>
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
        <Button size="small" onClick={() => void logout()}>
          {t('org.bar.logout')}
        </Button>
      </header>
      {open ? <div key={open.id}>{children}</div> : <CaseList onOpen={(c) => openCase(c)} user={session.user} />}
      {open ? (
        <Drawer open={panel} onClose={() => setPanel(false)} title={t('org.panel.title')} size="large" destroyOnHidden>
          <CasePanel caseId={open.id} user={session.user} />
        </Drawer>
      ) : null}
    </div>
  );
}
