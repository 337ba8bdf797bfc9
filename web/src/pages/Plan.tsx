/**
 * 还款计划 (issue 14), phone first: the budget, what each lender claims and what is legally supportable, a plan
 * with a what-if slider (the same engine as the server, src/domain/plan, run in the page so the slider redraws at
 * once), proposals that become 协商还款申请书 with the numbers in them, payments and agreements, .ics reminders.
 */
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Checkbox, Collapse, Empty, Flex, Input, InputNumber, Segmented, Select, Slider, Space, Statistic, Switch, Table, Tag } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DownloadOutlined, FileTextOutlined } from '@ant-design/icons';
import type { AgreementView, BudgetView, DebtView, PaymentView, PlanCase } from '../../../src/shared/views.js';
import { buildPlan, type Plan as PlanResult, type PlanDebt, type Strategy } from '../../../src/domain/plan/engine.js';
import { HARDSHIP_KEYS, INCOME_KEYS, SPEND_KEYS, budgetTotals, type Budget, type HardshipKey } from '../../../src/domain/plan/budget.js';
import { proposalFor, type Proposal } from '../../../src/domain/plan/proposal.js';
import { paidVsPlanned } from '../../../src/domain/plan/paid.js';
import type { AgreementReq, BudgetReq, PaymentReq, PlanOptionsReq } from '../../../src/shared/plan.js';
import { download, get, post, put, uploadFile } from '../api/client.js';
import { call } from '../api/typed.js';
import type { CitationView } from '../api/types.js';
import { Chart } from '../components/Chart.js';
import { Citations, ErrorNotice, Loading, PageHeader, TierTag } from '../components/common.js';
import { useI18n, type MsgKey } from '../i18n/index.js';
import { todayLocal } from '../lib/format.js';
import { fenToInput, formatRate, formatYuan, parseYuan } from '../lib/money.js';
import { navigate } from '../lib/route.js';
import { useApi, useIsMobile } from '../lib/useApi.js';

const STRATEGY_KEYS: Strategy[] = ['legal-first', 'harassment', 'avalanche', 'snowball', 'custom'];
const COLORS = ['#1d6770', '#d48806', '#8c4fbd', '#c2410c', '#2f7d32', '#1f5fbf', '#a61e4d', '#5c6b00'];

type MoneyForm = { [key: string]: string };
type ChartSeries = { [key: string]: unknown };

function toForm(r: Partial<Record<string, number>>): MoneyForm {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v ? fenToInput(v) : '']));
}

function fromForm(f: MoneyForm): { values: Record<string, number>; bad: string[] } {
  const values: Record<string, number> = {};
  const bad: string[] = [];
  for (const [k, v] of Object.entries(f)) {
    if (!v.trim()) continue;
    const fen = parseYuan(v);
    if (fen === null) bad.push(k);
    else values[k] = fen;
  }
  return { values, bad };
}

/** Remaining balance of every lender at the end of each month, and the cumulative total paid. */
function chartOption(plan: PlanResult, t: (k: MsgKey) => string) {
  const months = plan.totals.map((m) => m.month);
  const series: ChartSeries[] = plan.lenders.map((l, i) => {
    let left = l.target_fen;
    const byMonth = new Map(l.months.map((m) => [m.month, m.pay_fen]));
    return {
      name: l.lender,
      type: 'bar',
      stack: 'balance',
      itemStyle: { color: COLORS[i % COLORS.length] },
      data: months.map((m) => {
        left -= byMonth.get(m) ?? 0;
        return Math.round(left) / 100;
      }),
    };
  });
  let cum = 0;
  series.push({
    name: t('plan.chart.paid'),
    type: 'line',
    yAxisIndex: 0,
    showSymbol: false,
    lineStyle: { width: 3, color: '#222' },
    itemStyle: { color: '#222' },
    data: plan.totals.map((m) => {
      cum += m.pay_fen;
      return cum / 100;
    }),
  });
  return {
    animation: false,
    grid: { left: 56, right: 12, top: 48, bottom: 28 },
    legend: { type: 'scroll', top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', name: t('plan.chart.yuan') },
    series,
  };
}

const BudgetCard = memo(function BudgetCard({ data, onSaved }: { data: BudgetView; onSaved(): void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [income, setIncome] = useState(() => toForm(data.budget.income));
  const [spending, setSpending] = useState(() => toForm(data.budget.spending));
  const [hardship, setHardship] = useState(() => data.budget.hardship);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState(null as unknown);
  const inc = fromForm(income);
  const sp = fromForm(spending);
  const totals = budgetTotals({ income: inc.values, spending: sp.values, hardship: [] } as Budget);
  const bad = [...inc.bad, ...sp.bad];

  const save = async () => {
    setBusy(true);
    setErr(null);
    try {
      const body: BudgetReq = { income: inc.values, spending: sp.values, hardship };
      await put('/api/budget', body);
      message.success(t('plan.budget.saved'));
      onSaved();
    } catch (e) {
      setErr(e);
    } finally {
      setBusy(false);
    }
  };
  const field = (group: 'income' | 'spend', key: string, value: string, set: (v: string) => void) => (
    <label key={key} className="plan-money">
      <span>{t(`plan.${group}.${key}` as MsgKey)}</span>
      <Input inputMode="decimal" value={value} onChange={(e) => set(e.target.value)} suffix={t('common.yuan')} status={bad.includes(key) ? 'error' : undefined} aria-label={t(`plan.${group}.${key}` as MsgKey)} data-testid={`${group}-${key}`} />
    </label>
  );
  const toggleHardship = (k: HardshipKey, on: boolean) => setHardship((h) => (on ? [...h, { kind: k, since: null, note: null }] : h.filter((x) => x.kind !== k)));

  return (
    <Card size="small" title={<h2 className="card-h">{t('plan.budget.title')}</h2>}>
      {!data.saved ? <p className="muted">{t('plan.budget.defaults')}</p> : null}
      <h3 className="plan-sub">{t('plan.budget.income')}</h3>
      <div className="plan-grid">{INCOME_KEYS.map((k) => field('income', k, income[k] ?? '', (v) => setIncome((f) => ({ ...f, [k]: v }))))}</div>
      <h3 className="plan-sub">{t('plan.budget.spending')}</h3>
      <div className="plan-grid">{SPEND_KEYS.map((k) => field('spend', k, spending[k] ?? '', (v) => setSpending((f) => ({ ...f, [k]: v }))))}</div>
      <h3 className="plan-sub">{t('plan.budget.hardship')}</h3>
      <p className="muted">{t('plan.budget.hardship.help')}</p>
      <Flex wrap gap={8}>
        {HARDSHIP_KEYS.map((k) => (
          <Checkbox key={k} checked={hardship.some((h) => h.kind === k)} onChange={(e) => toggleHardship(k, e.target.checked)}>
            {t(`plan.hardship.${k}` as MsgKey)}
          </Checkbox>
        ))}
      </Flex>
      {hardship.map((h) => (
        <Flex key={h.kind} gap={8} wrap className="plan-hardship">
          <span>{t(`plan.hardship.${h.kind}` as MsgKey)}</span>
          <Input type="date" value={h.since ?? ''} style={{ width: 170 }} aria-label={t('plan.budget.since')} onChange={(e) => setHardship((all) => all.map((x) => (x.kind === h.kind ? { ...x, since: e.target.value || null } : x)))} />
          <Input value={h.note ?? ''} placeholder={t('plan.budget.note')} aria-label={t('plan.budget.note')} style={{ flex: 1, minWidth: 160 }} onChange={(e) => setHardship((all) => all.map((x) => (x.kind === h.kind ? { ...x, note: e.target.value || null } : x)))} />
        </Flex>
      ))}
      <div className="plan-totals" data-testid="budget-left">
        <Statistic title={t('plan.budget.left')} value={formatYuan(totals.left_fen)} suffix={t('common.yuan')} valueStyle={{ color: totals.left_fen > 0 ? '#1d6770' : '#b42318' }} />
      </div>
      {totals.left_fen <= 0 ? <Alert type="warning" showIcon message={t('plan.budget.negative')} /> : null}
      {bad.length ? <Alert type="error" showIcon message={t('plan.err.amount')} /> : null}
      {err ? <ErrorNotice error={err} compact /> : null}
      <Button type="primary" onClick={save} loading={busy} disabled={bad.length > 0} data-testid="budget-save">
        {t('plan.budget.save')}
      </Button>
    </Card>
  );
});

const DebtCard = memo(function DebtCard({ d, payClaimed, claimedAllowed, onPayClaimed, onChanged }: { d: DebtView; payClaimed: boolean; claimedAllowed: boolean; onPayClaimed(loan: number, v: boolean): void; onChanged(): void }) {
  const { t, pick } = useI18n();
  const [claim, setClaim] = useState(d.claimed_source === 'entered' ? fenToInput(d.claimed_fen) : '');
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState(null as unknown);
  const saveClaim = async () => {
    const fen = claim.trim() ? parseYuan(claim) : null;
    if (claim.trim() && fen === null) return setErr(new Error(t('plan.err.amount')));
    setBusy(true);
    setErr(null);
    try {
      await put('/api/plan/claims', { loan_id: d.loan, amount_fen: fen, date: todayLocal() });
      onChanged();
    } catch (e) {
      setErr(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" className="plan-debt" data-testid={`debt-${d.loan}`}>
      <Flex justify="space-between" wrap gap={8}>
        <strong>{d.lender}</strong>
        <span className="muted">{t(`plan.type.${d.lender_type}` as MsgKey)}{d.apr != null ? ` · ${t('plan.debt.apr', { rate: formatRate(d.apr, 1) })}` : ''}</span>
      </Flex>
      <div className="plan-owed">
        <Statistic title={t(d.claimed_source === 'entered' ? 'plan.debt.claimed.entered' : d.claimed_source === 'message' ? 'plan.debt.claimed.message' : 'plan.debt.claimed.schedule')} value={formatYuan(d.claimed_fen)} />
        <Statistic title={t('plan.debt.supportable')} value={formatYuan(d.supportable_fen)} valueStyle={{ color: '#1d6770' }} />
        <Statistic title={t('plan.debt.disputable')} value={formatYuan(d.disputable_fen)} valueStyle={{ color: d.disputable_fen > 0 ? '#b42318' : undefined }} />
      </div>
      {d.line_view ? (
        <p className="muted">
          {t('plan.debt.basis', { line: pick(d.line_view.label) })} <TierTag tier={d.line_view.tier} label={d.line_view.tier_label} />
        </p>
      ) : d.no_line_reason ? (
        <p className="muted">{pick(d.no_line_reason)}</p>
      ) : null}
      {d.line_view ? <Citations items={d.line_view.citations as unknown as CitationView[]} /> : null}
      {d.harassment > 0 ? <Tag color="volcano">{t('plan.debt.harassment', { n: d.harassment })}</Tag> : null}
      {d.agreement ? <Tag color="green">{t('plan.debt.agreed', { date: d.agreement.date })}</Tag> : null}
      <Flex gap={8} wrap align="center" className="plan-claim">
        <Input inputMode="decimal" value={claim} onChange={(e) => setClaim(e.target.value)} placeholder={t('plan.debt.claim.placeholder')} aria-label={t('plan.debt.claim.placeholder')} suffix={t('common.yuan')} style={{ maxWidth: 220 }} />
        <Button onClick={saveClaim} loading={busy}>
          {t('plan.debt.claim.save')}
        </Button>
        <Switch checked={payClaimed && claimedAllowed} disabled={!claimedAllowed} onChange={(v) => onPayClaimed(d.loan, v)} aria-label={t('plan.debt.payClaimed')} /> <span>{t('plan.debt.payClaimed')}</span>
        {!claimedAllowed ? <span className="muted">{t('plan.debt.payClaimed.legalFirst')}</span> : null}
      </Flex>
      {err ? <ErrorNotice error={err} compact /> : null}
    </Card>
  );
});

function ProposalRow({ p, options, onAgreed }: { p: Proposal; options: PlanOptionsReq; onAgreed(): void }) {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(null as string | null);
  const [err, setErr] = useState(null as unknown);
  const [agreeOpen, setAgreeOpen] = useState(false);
  const [agree, setAgree] = useState({ date: todayLocal(), monthly: fenToInput(p.monthly_fen), months: String(p.months), first: p.first_date });
  // As on the documents page: the letter is a draft until the person confirms they checked it.
  const [confirmed, setConfirmed] = useState(false);
  const letter = async (format: 'pdf' | 'docx') => {
    setBusy(format);
    setErr(null);
    try {
      await download('POST', '/api/plan/negotiation', { loan_id: p.loan, format, lang: lang === 'en' ? 'en' : 'zh', options, for: confirmed ? 'send' : 'draft' }, `negotiation.${format}`);
    } catch (e) {
      setErr(e);
    } finally {
      setBusy(null);
    }
  };
  const saveAgreement = async () => {
    const monthly = parseYuan(agree.monthly);
    const months = Number(agree.months);
    if (monthly === null || !Number.isInteger(months) || months < 1) return setErr(new Error(t('plan.err.amount')));
    setBusy('agree');
    setErr(null);
    try {
      const body: AgreementReq = { loan_id: p.loan, date: agree.date, monthly_fen: monthly, months, first_date: agree.first };
      await post('/api/plan/agreements', body);
      message.success(t('plan.agree.saved'));
      setAgreeOpen(false);
      onAgreed();
    } catch (e) {
      setErr(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <li className="plan-proposal" data-testid={`proposal-${p.loan}`}>
      <strong>{p.lender}</strong>
      <p>
        {t('plan.proposal.text', { first: p.first_date, monthly: formatYuan(p.monthly_fen), months: p.months, total: formatYuan(p.total_fen) })}
        {p.last_fen !== p.monthly_fen ? t('plan.proposal.last', { last: formatYuan(p.last_fen) }) : ''}
      </p>
      {p.over_card_limit ? <Alert type="warning" showIcon message={t('plan.proposal.cardLimit')} /> : null}
      <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)}>
        {t('docs.confirm')}
      </Checkbox>
      <Space wrap>
        <Button icon={<FileTextOutlined />} onClick={() => letter('pdf')} loading={busy === 'pdf'}>
          {t('plan.proposal.letter')}
        </Button>
        <Button onClick={() => letter('docx')} loading={busy === 'docx'}>
          {t('plan.proposal.docx')}
        </Button>
        <Button type="link" onClick={() => setAgreeOpen((v) => !v)}>
          {t('plan.agree.open')}
        </Button>
      </Space>
      {agreeOpen ? (
        <div className="plan-form">
          <p className="muted">{t('plan.agree.help')}</p>
          <label>
            {t('plan.agree.date')}
            <Input type="date" value={agree.date} onChange={(e) => setAgree({ ...agree, date: e.target.value })} />
          </label>
          <label>
            {t('plan.agree.monthly')}
            <Input inputMode="decimal" value={agree.monthly} onChange={(e) => setAgree({ ...agree, monthly: e.target.value })} suffix={t('common.yuan')} />
          </label>
          <label>
            {t('plan.agree.months')}
            <Input inputMode="numeric" value={agree.months} onChange={(e) => setAgree({ ...agree, months: e.target.value })} />
          </label>
          <label>
            {t('plan.agree.first')}
            <Input type="date" value={agree.first} onChange={(e) => setAgree({ ...agree, first: e.target.value })} />
          </label>
          <Button type="primary" onClick={saveAgreement} loading={busy === 'agree'}>
            {t('plan.agree.save')}
          </Button>
        </div>
      ) : null}
      {err ? <ErrorNotice error={err} compact /> : null}
    </li>
  );
}

function PaymentForm({ debts, onSaved }: { debts: DebtView[]; onSaved(): void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [loan, setLoan] = useState(debts[0]?.loan ?? null as number | null);
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState(todayLocal());
  const [payee, setPayee] = useState('');
  const [file, setFile] = useState(null as File | null);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState(null as unknown);
  const save = async () => {
    const fen = parseYuan(amount);
    if (loan == null || fen === null || fen <= 0) return setErr(new Error(t('plan.err.amount')));
    setBusy(true);
    setErr(null);
    try {
      let receipt: string | null = null;
      if (file) receipt = (await uploadFile<{ sha256: string }>('/api/evidence', file, { 'x-note': encodeURIComponent(t('plan.pay.receiptNote')) })).sha256;
      const body: PaymentReq = { loan_id: loan, amount_fen: fen, date, payee: payee.trim() || null, receipt_sha256: receipt };
      await post('/api/plan/payments', body);
      message.success(t('plan.pay.saved'));
      setAmount('');
      setFile(null);
      onSaved();
    } catch (e) {
      setErr(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="plan-form">
      <label>
        {t('plan.pay.loan')}
        <Select value={loan ?? undefined} onChange={setLoan} options={debts.map((d) => ({ value: d.loan, label: d.lender }))} aria-label={t('plan.pay.loan')} />
      </label>
      <label>
        {t('plan.pay.amount')}
        <Input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} suffix={t('common.yuan')} data-testid="pay-amount" />
      </label>
      <label>
        {t('plan.pay.date')}
        <Input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <label>
        {t('plan.pay.payee')}
        <Input value={payee} onChange={(e) => setPayee(e.target.value)} placeholder={t('plan.pay.payee.placeholder')} />
      </label>
      <label>
        {t('plan.pay.receipt')}
        <input type="file" accept="image/*,application/pdf" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      {err ? <ErrorNotice error={err} compact /> : null}
      <Button type="primary" onClick={save} loading={busy} data-testid="pay-save">
        {t('plan.pay.save')}
      </Button>
    </div>
  );
}

const FIRST_PROPOSALS = 5;

/** The heavy part of the plan (chart, per-lender table, proposals), drawn from the deferred plan. */
const PlanDetails = memo(function PlanDetails({ plan, option, proposals, options, onAgreed }: { plan: PlanResult; option: ReturnType<typeof chartOption> | null; proposals: Proposal[]; options: PlanOptionsReq; onAgreed(): void }) {
  const { t } = useI18n();
  // The first few proposals, the rest on request: a phone screen, and a lighter redraw while the slider moves.
  const [showAll, setShowAll] = useState(false);
  return (
    <>
              {option ? <Chart option={option} height={300} label={t('plan.chart.label')} /> : null}

              <Table
                size="small"
                className="plan-table"
                pagination={false}
                rowKey="loan"
                scroll={{ x: true }}
                dataSource={plan.lenders}
                columns={[
                  { title: '#', dataIndex: 'rank', width: 40 },
                  { title: t('plan.col.lender'), dataIndex: 'lender' },
                  { title: t('plan.col.pays'), render: (_: unknown, l: PlanResult['lenders'][number]) => formatYuan(l.target_fen - l.unpaid_fen) },
                  { title: t('plan.col.paidOff'), render: (_: unknown, l: PlanResult['lenders'][number]) => l.paid_off ?? '—' },
                ]}
                expandable={{
                  expandedRowRender: (l: PlanResult['lenders'][number]) => (
                    <ul className="plan-months">
                      {l.months.map((m) => (
                        <li key={m.month}>
                          {m.month}: {formatYuan(m.pay_fen)}
                        </li>
                      ))}
                    </ul>
                  ),
                }}
              />

              <h3 className="plan-sub">{t('plan.proposals.title')}</h3>
              <p className="muted">{t('plan.proposals.help')}</p>
              <ul className="plan-proposals">
                {(showAll ? proposals : proposals.slice(0, FIRST_PROPOSALS)).map((p) => (
                  <ProposalRow key={p.loan} p={p} options={options} onAgreed={onAgreed} />
                ))}
              </ul>
              {!showAll && proposals.length > FIRST_PROPOSALS ? (
                <Button onClick={() => setShowAll(true)} data-testid="proposals-all">
                  {t('plan.proposals.all', { n: proposals.length })}
                </Button>
              ) : null}
    </>
  );
});

export default function Plan() {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const mobile = useIsMobile();
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const onPayClaimed = useCallback((loan: number, v: boolean) => setPayClaimed((p) => (v ? [...p, loan] : p.filter((x) => x !== loan))), []);
  const res = useApi((signal) => call('GET /plan/case', { signal }), [version]);
  const agreements = useApi((signal) => call('GET /plan/agreements', { signal }), [version]);
  const pc = res.data;

  const [strategy, setStrategy] = useState('legal-first' as Strategy);
  const [monthlyYuan, setMonthlyYuanRaw] = useState(null as number | null);
  const [touched, setTouched] = useState(false);
  const setMonthlyYuan = (v: number) => {
    setTouched(true);
    setMonthlyYuanRaw(v);
  };
  const [keepUp, setKeepUp] = useState(0.3);
  const [start, setStart] = useState('');
  const [payDay, setPayDay] = useState(10);
  const [payClaimed, setPayClaimed] = useState([] as number[]);
  const [order, setOrder] = useState([] as number[]);
  const [adopting, setAdopting] = useState(false);
  const [err, setErr] = useState(null as unknown);

  // The saved choice once the case arrives (and again after a save reloads it).
  useEffect(() => {
    if (!pc) return;
    const c = pc.choice;
    setStrategy(c.strategy);
    setKeepUp(c.keep_up);
    setStart(c.start ?? pc.next_month);
    setPayDay(c.pay_day);
    setPayClaimed(c.pay_claimed);
    setOrder(c.order.length ? c.order : pc.debts.map((d) => d.loan));
    // The saved amount, else the budget's surplus (followed as the budget changes) until the person moves the slider.
    if (!touched) setMonthlyYuanRaw(Math.round((c.monthly_fen ?? pc.budget.totals.surplus_fen) / 100));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pc]);

  const surplus = pc?.budget.totals.surplus_fen ?? 0;
  const monthlyFen = (monthlyYuan ?? Math.round(surplus / 100)) * 100;
  const debts: PlanDebt[] = useMemo(
    () => (pc?.debts ?? []).map((d) => ({ loan: d.loan, lender: d.lender, lenderType: d.lender_type, claimed_fen: d.claimed_fen, supportable_fen: d.supportable_fen, apr: d.apr, harassment: d.harassment, pay: payClaimed.includes(d.loan) ? 'claimed' : 'supportable' })),
    [pc, payClaimed],
  );
  const totalTarget = debts.reduce((a, d) => a + (strategy !== 'legal-first' && d.pay === 'claimed' ? d.claimed_fen : d.supportable_fen), 0);
  const sliderMax = Math.max(1000, Math.ceil(Math.max(surplus * 2, totalTarget / 6) / 10000) * 100);
  const plan = useMemo(
    () => (pc && start ? buildPlan({ debts, monthly_fen: monthlyFen, start, strategy, order, keep_up: keepUp }) : null),
    [pc, debts, monthlyFen, start, strategy, order, keepUp],
  );
  // The summary follows the slider at once; the chart, the table and the proposals follow in a deferred render
  // (React drops the ones a newer slider position makes stale), so the slider never waits for them.
  const deferred = useDeferredValue(plan);
  const proposals = useMemo(() => (deferred ? deferred.lenders.map((l) => proposalFor(l, payDay)).filter((p): p is Proposal => p !== null) : []), [deferred, payDay]);
  const option = useMemo(() => (deferred && deferred.totals.length ? chartOption(deferred, t) : null), [deferred, t]);
  const options: PlanOptionsReq = useMemo(() => ({ strategy, monthly_fen: monthlyFen, order, keep_up: keepUp, start, pay_day: payDay, pay_claimed: payClaimed }), [strategy, monthlyFen, order, keepUp, start, payDay, payClaimed]);
  const pvp = useMemo(() => (pc?.adopted ? paidVsPlanned(pc.adopted.lenders, pc.payments.map((p: PaymentView) => ({ loan: p.loan_id, date: p.date, amount_fen: p.amount_fen })), pc.today.slice(0, 7)) : []), [pc]);
  const names = new Map((pc?.debts ?? []).map((d) => [d.loan, d.lender]));

  const adopt = async () => {
    setAdopting(true);
    setErr(null);
    try {
      await post('/api/plan/adopt', options);
      message.success(t('plan.adopt.done'));
      reload();
    } catch (e) {
      setErr(e);
    } finally {
      setAdopting(false);
    }
  };
  const move = (id: number, dir: -1 | 1) =>
    setOrder((o) => {
      const i = o.indexOf(id);
      const j = i + dir;
      if (i < 0 || j < 0 || j >= o.length) return o;
      const next = [...o];
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });

  return (
    <div className="page page-plan">
      <PageHeader title={t('plan.title')} sub={t('plan.sub')} />
      <Alert
        type="info"
        showIcon
        className="plan-scope"
        message={t('plan.scope.title')}
        description={
          <ul>
            <li>{t('plan.scope.1')}</li>
            <li>{t('plan.scope.2')}</li>
            <li>{t('plan.scope.3')}</li>
            <li>{t('plan.scope.4')}</li>
          </ul>
        }
      />
      {res.loading && !pc ? <Loading /> : null}
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
      {pc ? (
        <Flex vertical gap={16}>
          <BudgetCard key={`b${version}`} data={pc.budget} onSaved={reload} />

          {pc.debts.length && plan ? (
            <Card size="small" title={<h2 className="card-h">{t('plan.plan.title')}</h2>}>
              <label className="plan-label">{t('plan.strategy')}</label>
              {mobile ? (
                <Select value={strategy} onChange={setStrategy} options={STRATEGY_KEYS.map((k) => ({ value: k, label: t(`plan.strategy.${k}` as MsgKey) }))} style={{ width: '100%' }} aria-label={t('plan.strategy')} />
              ) : (
                <Segmented value={strategy} onChange={(v) => setStrategy(v as Strategy)} options={STRATEGY_KEYS.map((k) => ({ value: k, label: t(`plan.strategy.${k}` as MsgKey) }))} />
              )}
              <p className="muted">{t(`plan.strategy.${strategy}.help` as MsgKey)}</p>
              {strategy === 'custom' ? (
                <ol className="plan-order">
                  {order.map((id, i) => (
                    <li key={id}>
                      {names.get(id) ?? id}
                      <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(id, -1)} aria-label={t('plan.order.up')} />
                      <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={i === order.length - 1} onClick={() => move(id, 1)} aria-label={t('plan.order.down')} />
                    </li>
                  ))}
                </ol>
              ) : null}

              <label className="plan-label" htmlFor="plan-monthly">
                {t('plan.monthly')}
              </label>
              <Flex gap={12} align="center" wrap>
                <Slider className="plan-slider" min={0} max={sliderMax} step={50} value={monthlyYuan ?? 0} onChange={(v) => setMonthlyYuan(v)} style={{ flex: 1, minWidth: 200 }} ariaLabelForHandle={t('plan.monthly')} data-testid="plan-slider" />
                <InputNumber id="plan-monthly" min={0} max={1e9} value={monthlyYuan ?? 0} onChange={(v) => setMonthlyYuan(typeof v === 'number' ? Math.round(v) : 0)} addonAfter={t('common.yuan')} style={{ width: 170 }} data-testid="plan-monthly" />
              </Flex>
              <p className="muted">{t('plan.monthly.surplus', { surplus: formatYuan(surplus) })}</p>
              <Flex gap={12} wrap>
                <label className="plan-inline">
                  {t('plan.keepUp')}
                  <Select value={keepUp} onChange={setKeepUp} options={[0, 0.1, 0.3, 0.5, 1].map((v) => ({ value: v, label: `${Math.round(v * 100)}%` }))} style={{ width: 100 }} aria-label={t('plan.keepUp')} />
                </label>
                <label className="plan-inline">
                  {t('plan.start')}
                  <Input type="month" value={start} onChange={(e) => e.target.value && setStart(e.target.value)} style={{ width: 160 }} />
                </label>
                <label className="plan-inline">
                  {t('plan.payDay')}
                  <InputNumber min={1} max={31} value={payDay} onChange={(v) => setPayDay(typeof v === 'number' ? v : 10)} style={{ width: 80 }} />
                </label>
              </Flex>
              <p className="muted">{t('plan.keepUp.help')}</p>

              <div className="plan-summary" data-testid="plan-summary">
                <Statistic title={t('plan.sum.end')} value={plan.end ?? t('plan.sum.notEnd')} />
                <Statistic title={t('plan.sum.total')} value={formatYuan(plan.total_fen)} />
                <Statistic title={t('plan.sum.saved')} value={formatYuan(plan.saved_vs_claims_fen)} />
              </div>
              {monthlyFen > surplus ? <Alert type="warning" showIcon message={t('plan.sum.overBudget', { surplus: formatYuan(surplus) })} /> : null}
              {plan.end === null && monthlyFen > 0 ? <Alert type="warning" showIcon message={t('plan.sum.unpaid', { unpaid: formatYuan(plan.unpaid_fen) })} /> : null}
              {monthlyFen === 0 ? <Alert type="info" showIcon message={t('plan.sum.zero')} /> : null}

              {deferred ? <PlanDetails plan={deferred} option={option} proposals={proposals} options={options} onAgreed={reload} /> : null}
              {err ? <ErrorNotice error={err} compact /> : null}
              <Space wrap>
                <Button type="primary" onClick={adopt} loading={adopting} data-testid="plan-adopt">
                  {t('plan.adopt')}
                </Button>
                <Button icon={<DownloadOutlined />} href={`/api/plan/ics?lang=${lang === 'en' ? 'en' : 'zh'}`} disabled={!pc.adopted}>
                  {t('plan.ics')}
                </Button>
              </Space>
              <p className="muted">{pc.adopted ? t('plan.adopted', { date: pc.adopted.adopted_on }) : t('plan.ics.help')}</p>
            </Card>
          ) : null}

          <section aria-labelledby="plan-debts-h">
            <h2 id="plan-debts-h" className="section-title">
              {t('plan.debts.title')}
            </h2>
            <p className="muted">{t('plan.debts.help')}</p>
            {pc.debts.length ? (
              <Flex vertical gap={8}>
                {pc.debts.map((d) => (
                  <DebtCard key={`${d.loan}-${version}`} d={d} payClaimed={payClaimed.includes(d.loan)} claimedAllowed={strategy !== 'legal-first'} onPayClaimed={onPayClaimed} onChanged={reload} />
                ))}
              </Flex>
            ) : (
              <Empty description={t('plan.debts.none')}>
                <Button type="primary" onClick={() => navigate('loans')}>
                  {t('plan.debts.add')}
                </Button>
              </Empty>
            )}
          </section>

          {pc.debts.length ? (
            <Card size="small" title={<h2 className="card-h">{t('plan.pay.title')}</h2>}>
              <p className="muted">{t('plan.pay.help')}</p>
              <Collapse size="small" items={[{ key: 'p', label: t('plan.pay.add'), children: <PaymentForm debts={pc.debts} onSaved={reload} /> }]} />
              {pvp.length ? (
                <Table
                  size="small"
                  pagination={false}
                  rowKey={(r) => `${r.loan}-${r.month}`}
                  dataSource={pvp}
                  scroll={{ x: true }}
                  columns={[
                    { title: t('plan.col.month'), dataIndex: 'month' },
                    { title: t('plan.col.lender'), render: (_: unknown, r: (typeof pvp)[number]) => names.get(r.loan) ?? r.loan },
                    { title: t('plan.col.planned'), render: (_: unknown, r: (typeof pvp)[number]) => formatYuan(r.planned_fen) },
                    { title: t('plan.col.paid'), render: (_: unknown, r: (typeof pvp)[number]) => <span className={r.paid_fen < r.planned_fen ? 'text-warn' : ''}>{formatYuan(r.paid_fen)}</span> },
                  ]}
                />
              ) : null}
              {pc.payments.length ? (
                <ul className="plan-payments">
                  {pc.payments.map((p) => (
                    <li key={p.id}>
                      {t('plan.pay.row', { date: p.date, lender: p.lender ?? String(p.loan_id), amount: formatYuan(p.amount_fen) })}
                      {p.receipt_sha256 ? <Tag color="green">{t('plan.pay.hasReceipt')}</Tag> : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t('plan.pay.none')}</p>
              )}
              {agreements.data?.length ? (
                <>
                  <h3 className="plan-sub">{t('plan.agree.list')}</h3>
                  <ul className="plan-payments">
                    {agreements.data.map((a) => (
                      <li key={a.id}>{t('plan.agree.row', { date: a.date, lender: names.get(a.loan_id) ?? String(a.loan_id), months: a.months, monthly: formatYuan(a.monthly_fen) })}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </Card>
          ) : null}
        </Flex>
      ) : null}
    </div>
  );
}
