/**
 * 借款: the person's loans. Add or edit one (schedule by equal payments, by a builder, or row by row),
 * see its true rate and each legal line in plain words with the yuan above it and the citations.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { App as AntApp, Button, Card, Checkbox, Col, Collapse, Drawer, Empty, Flex, Form, Input, Popconfirm, Row, Segmented, Select, Table, Tag } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Installment, LoanInput, ScheduleRequest } from '../../../src/shared/api.js';
import { splitLines } from '../../../src/shared/findings.js';
import { del, get, post, put } from '../api/client.js';
import type { LineView, LoanView } from '../api/types.js';
import { Citations, ErrorNotice, Limits, Loading, PageHeader, TierTag } from '../components/common.js';
import { Field } from '../components/Field.js';
import { Glossed } from '../components/findings/Rich.js';
import { BINDING } from '../../../src/shared/glossary.js';
import type { Tier } from '../../../src/domain/law.js';
import { useI18n, type MsgKey } from '../i18n/index.js';
import { formatRate, formatYuan, fenToInput } from '../lib/money.js';
import { useApi, useDebounced, useIsMobile } from '../lib/useApi.js';
import type { PageProps } from '../App.js';
import { buildLoan, emptyForm, FEE_TIMINGS, formFromLoan, LENDER_TYPES, SCHEDULE_KINDS, scheduleRequest, STATUSES, type FeeForm, type InstForm, type LoanForm, type PaymentForm } from './loanForm.js';

const STATUS_COLOR: Record<string, string> = { overdue: 'orange', active: 'blue', settled: 'green', disputed: 'purple' };

function LineRow({ line }: { line: LineView }) {
  const { t, pick } = useI18n();
  const state = line.over == null ? 'unknown' : line.over ? 'over' : 'under';
  // A line that does not bind this kind of lender is shown as a yardstick only, without alarm colours.
  const binding = line.applies;
  return (
    <li className={`line line-${state}${binding ? '' : ' line-reference'}`} data-line={line.id}>
      <Flex justify="space-between" align="center" wrap gap={6}>
        <span className="line-label">
          <strong>
            <Glossed text={pick(line.label)} />
          </strong>
          {line.rate != null ? <span className="muted"> · {formatRate(line.rate)}</span> : null}
        </span>
        <span>
          {state === 'over' ? (
            <Tag color={binding ? 'red' : 'default'}>{t(binding ? 'loans.line.over' : 'loans.line.overRef')}</Tag>
          ) : state === 'under' ? (
            <Tag color="green">{t('loans.line.under')}</Tag>
          ) : (
            <Tag>{t('loans.line.unknown')}</Tag>
          )}
          {line.tier && line.tier in BINDING ? (
            <Tag className="line-binding" title={pick(line.tier_label)}>
              {pick(BINDING[line.tier as Tier])}
            </Tag>
          ) : (
            <TierTag tier={line.tier} label={line.tier_label} />
          )}
        </span>
      </Flex>
      {state === 'over' && line.excess_fen != null ? (
        <p className={binding ? 'line-money' : 'line-money-ref'}>
          {t('loans.line.excess', { yuan: formatYuan(line.excess_fen) })}
          {line.paid_above_fen ? ` ${t('loans.line.paidAbove', { yuan: formatYuan(line.paid_above_fen) })}` : ''}
        </p>
      ) : null}
      {state === 'unknown' && line.problem ? <p className="muted small">{line.problem}</p> : null}
      {line.lpr?.note ? (
        <p className="muted small" data-lpr-origin={line.lpr.origin}>
          {pick(line.lpr.note)}
        </p>
      ) : null}
      {!binding ? (
        <p className="muted small">
          {t('loans.line.notApplies')}
          {line.reason ? <Glossed text={pick(line.reason)} /> : null}
        </p>
      ) : null}
      <Citations items={line.citations} />
    </li>
  );
}

/**
 * A loan's lines: those that apply to the lender's type first (src/law/lines.ts says which), so the figure a person reads
 * first is the one that concerns their lender; the others collapsed below, each with why it does not apply.
 */
function LineList({ lines, compact }: { lines: LineView[]; compact?: boolean }) {
  const { t } = useI18n();
  const { applies, others } = splitLines(lines);
  return (
    <>
      <ul className={`lines${compact ? ' compact' : ''}`} data-testid="lines-apply">
        {applies.map((line) => (
          <LineRow key={line.id} line={line} />
        ))}
      </ul>
      {others.length ? (
        <Collapse
          size="small"
          className="lines-others"
          items={[
            {
              key: 'others',
              label: t('fc.lines.others', { n: others.length }),
              children: (
                <ul className={`lines${compact ? ' compact' : ''}`} data-testid="lines-other">
                  {others.map((line) => (
                    <LineRow key={line.id} line={line} />
                  ))}
                </ul>
              ),
            },
          ]}
        />
      ) : null}
    </>
  );
}

export function RateBlock({ view }: { view: Pick<LoanView, 'rates' | 'lines' | 'problem'> }) {
  const { t } = useI18n();
  const r = view.rates;
  const crossed = view.lines.filter((l) => l.over && l.applies).length;
  return (
    <div className="rate-block">
      <div className="rate-main">
        <span className="rate-label">
          <Glossed text={t('loans.rate.true')} />
        </span>
        <span className="rate-value" data-testid="apr">
          {formatRate(r?.apr_nominal)}
        </span>
      </div>
      {r?.apr_nominal != null ? <p className="rate-explain">{t('loans.rate.explain', { rate: formatRate(r.apr_nominal) })}</p> : <p className="muted">{view.problem ?? t('loans.rate.none')}</p>}
      {r ? (
        <p className="muted small">
          <Glossed text={t('loans.rate.others', { effective: formatRate(r.apr_effective), xirr: formatRate(r.xirr), periodic: formatRate(r.periodic_rate, 3) })} />
        </p>
      ) : null}
      {crossed ? <p className="rate-crossed">{t('loans.rate.crossed', { n: crossed })}</p> : null}
    </div>
  );
}

function LoanCard({ view, onEdit, onDeleted }: { view: LoanView; onEdit(): void; onDeleted(): void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const l = view.loan;
  const total = l.schedule.reduce((s, i) => s + i.totalFen, 0);
  const [err, setErr] = useState<unknown>(null);
  const remove = async () => {
    try {
      await del(`/api/loans/${l.id}`);
      message.success(t('loans.deleted'));
      onDeleted();
    } catch (e) {
      setErr(e);
    }
  };
  return (
    <Card
      className="loan-card"
      data-loan={l.id}
      title={
        <h2 className="card-h">
          {l.lenderName}
          {l.productName ? <span className="muted"> · {l.productName}</span> : null}
        </h2>
      }
      extra={
        <Flex gap={4}>
          <Button icon={<EditOutlined />} onClick={onEdit} aria-label={t('loans.edit')}>
            <span className="hide-mobile">{t('loans.edit')}</span>
          </Button>
          <Popconfirm title={t('loans.deleteConfirm')} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={remove}>
            <Button icon={<DeleteOutlined />} danger aria-label={t('common.delete')} />
          </Popconfirm>
        </Flex>
      }
    >
      <Flex gap={8} wrap className="loan-facts">
        <Tag color={STATUS_COLOR[l.status]}>{t(`loans.status.${l.status}` as MsgKey)}</Tag>
        <Tag>{t(`loans.type.${l.lenderType}` as MsgKey)}</Tag>
        <span>{t('loans.fact.contract', { yuan: formatYuan(l.contractPrincipalFen), date: l.contractDate })}</span>
        <span>{t('loans.fact.received', { yuan: formatYuan(l.receivedFen) })}</span>
        <span>{t('loans.fact.total', { yuan: formatYuan(total), n: l.schedule.length })}</span>
      </Flex>
      <ErrorNotice error={err} />
      <RateBlock view={view} />
      <h3 className="sub-h">{t('loans.lines')}</h3>
      <LineList lines={view.lines} />
    </Card>
  );
}

// ------------------------------------------------------------------------------------------------
// The editor

function useFieldError(problems: { field: string; key: MsgKey; vars?: Record<string, string | number> }[], show: boolean) {
  const { t } = useI18n();
  return (field: string) => {
    if (!show) return null;
    const p = problems.find((x) => x.field === field);
    return p ? t(p.key, p.vars) : null;
  };
}

function ScheduleTable({ rows }: { rows: Installment[] }) {
  const { t } = useI18n();
  if (!rows.length) return null;
  const total = rows.reduce((s, r) => s + r.totalFen, 0);
  return (
    <Table<Installment>
      size="small"
      className="schedule-table"
      rowKey="period"
      pagination={rows.length > 12 ? { pageSize: 12, size: 'small' } : false}
      dataSource={rows}
      scroll={{ x: true }}
      columns={[
        { title: t('loans.sch.period'), dataIndex: 'period', width: 56 },
        { title: t('loans.sch.due'), dataIndex: 'dueDate' },
        { title: t('loans.sch.total'), dataIndex: 'totalFen', align: 'right', render: (v: number) => formatYuan(v) },
        { title: t('loans.sch.principal'), dataIndex: 'principalFen', align: 'right', render: (v: number) => formatYuan(v) },
        { title: t('loans.sch.interest'), dataIndex: 'interestFen', align: 'right', render: (v: number, r) => formatYuan(v + r.feeFen) },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={2}>
            {t('loans.sch.sum')}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            {formatYuan(total)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} colSpan={2} />
        </Table.Summary.Row>
      )}
    />
  );
}

function LoanEditor({ initial, editingId, open, onClose, onSaved }: { initial: LoanForm; editingId: number | null; open: boolean; onClose(): void; onSaved(v: LoanView): void }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const [f, setF] = useState<LoanForm>(initial);
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveErr, setSaveErr] = useState<unknown>(null);
  const [building, setBuilding] = useState(false);
  const [buildErr, setBuildErr] = useState<unknown>(null);
  const [buildProblem, setBuildProblem] = useState<MsgKey | null>(null);
  const [preview, setPreview] = useState<LoanView | null>(null);
  const [previewErr, setPreviewErr] = useState<unknown>(null);
  const problemsRef = useRef(null as HTMLDivElement | null);

  // A new form only when another loan (or a fresh one) is opened: closing by mistake keeps the draft.
  useEffect(() => {
    setF(initial);
    setTried(false);
    setSaveErr(null);
    setPreview(null);
    setPreviewErr(null);
  }, [initial]);

  const set = <K extends keyof LoanForm>(k: K, v: LoanForm[K]) => setF((prev) => ({ ...prev, [k]: v }));
  const built = useMemo(() => buildLoan(f), [f]);
  const err = useFieldError(built.problems, tried);
  const debouncedInput = useDebounced(built.input, 500);

  useEffect(() => {
    if (!open || !debouncedInput) return;
    let live = true;
    post<LoanView>('/api/loans/preview', debouncedInput)
      .then((v) => {
        if (live) {
          setPreview(v);
          setPreviewErr(null);
        }
      })
      .catch((e: unknown) => live && setPreviewErr(e));
    return () => {
      live = false;
    };
  }, [debouncedInput, open]);

  const buildSchedule = async () => {
    setBuildErr(null);
    const { req, problem } = scheduleRequest(f);
    setBuildProblem(problem);
    if (!req) return;
    setBuilding(true);
    try {
      const rows = await post<Installment[]>('/api/schedules', req satisfies ScheduleRequest);
      setF((prev) => ({
        ...prev,
        builtPeriod: req.kind === 'payday' ? { days: req.days ?? 1 } : (req.period ?? 'month'),
        schedule: rows.map((r) => ({ dueDate: r.dueDate, total: fenToInput(r.totalFen), principal: fenToInput(r.principalFen), exact: { principalFen: r.principalFen, interestFen: r.interestFen, feeFen: r.feeFen, totalFen: r.totalFen } })),
      }));
    } catch (e) {
      setBuildErr(e);
    } finally {
      setBuilding(false);
    }
  };

  const showProblems = () => setTimeout(() => problemsRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
  const save = async () => {
    setTried(true);
    setSaveErr(null);
    if (!built.input) {
      showProblems();
      return;
    }
    setSaving(true);
    try {
      const body: LoanInput = built.input;
      let v: LoanView;
      if (editingId == null) {
        v = await post<LoanView>('/api/loans', body);
      } else {
        v = await put<LoanView>(`/api/loans/${editingId}`, body);
      }
      onSaved(v);
    } catch (e) {
      // Nothing typed is lost: the form keeps its state.
      setSaveErr(e);
      showProblems();
    } finally {
      setSaving(false);
    }
  };

  const setRow = (k: number, patch: Partial<InstForm>) => setF((prev) => ({ ...prev, schedule: prev.schedule.map((r, i) => (i === k ? { ...r, ...patch, exact: patch.total != null || patch.principal != null ? undefined : r.exact } : r)) }));
  const setFee = (k: number, patch: Partial<FeeForm>) => setF((prev) => ({ ...prev, fees: prev.fees.map((r, i) => (i === k ? { ...r, ...patch } : r)) }));
  const setPay = (k: number, patch: Partial<PaymentForm>) => setF((prev) => ({ ...prev, payments: prev.payments.map((r, i) => (i === k ? { ...r, ...patch } : r)) }));

  const rateLabel: MsgKey = f.kind === 'flat_rate' ? 'loans.b.flatRate' : f.kind === 'card_installment' ? 'loans.b.feeRate' : f.kind === 'payday' ? 'loans.b.dailyRate' : 'loans.b.annualRate';

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={mobile ? '100%' : 760}
      title={editingId == null ? t('loans.add') : t('loans.editTitle')}
      destroyOnHidden={false}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={save} data-testid="loan-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form layout="vertical" className="loan-form" onSubmitCapture={(e) => e.preventDefault()}>
        <p className="muted">{t('loans.form.intro')}</p>
        <h3 className="sub-h">{t('loans.form.basic')}</h3>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Field id="lf-lender" label={t('loans.f.lender')} required error={err('lenderName')}>
              <Input id="lf-lender" value={f.lenderName} onChange={(e) => set('lenderName', e.target.value)} placeholder={t('loans.f.lender.ph')} autoComplete="off" />
            </Field>
          </Col>
          <Col xs={24} sm={12}>
            <Field id="lf-product" label={t('loans.f.product')}>
              <Input id="lf-product" value={f.productName} onChange={(e) => set('productName', e.target.value)} autoComplete="off" />
            </Field>
          </Col>
          <Col xs={24} sm={12}>
            <Field id="lf-type" label={t('loans.f.type')} hint={t('loans.f.type.hint')}>
              <Select id="lf-type" value={f.lenderType} onChange={(v) => set('lenderType', v)} options={LENDER_TYPES.map((x) => ({ value: x, label: t(`loans.type.${x}` as MsgKey) }))} />
            </Field>
          </Col>
          <Col xs={24} sm={12}>
            <Field id="lf-date" label={t('loans.f.date')} required error={err('contractDate')}>
              <Input id="lf-date" type="date" value={f.contractDate} onChange={(e) => set('contractDate', e.target.value)} />
            </Field>
          </Col>
          <Col xs={24} sm={12}>
            <Field id="lf-principal" label={t('loans.f.principal')} required error={err('principal')} hint={t('loans.f.principal.hint')}>
              <Input id="lf-principal" inputMode="decimal" value={f.principal} onChange={(e) => set('principal', e.target.value)} suffix={t('common.yuan')} />
            </Field>
          </Col>
          <Col xs={24} sm={12}>
            <Field id="lf-received" label={t('loans.f.received')} error={err('received')} hint={t('loans.f.received.hint')}>
              <Input id="lf-received" inputMode="decimal" value={f.received} onChange={(e) => set('received', e.target.value)} suffix={t('common.yuan')} />
            </Field>
          </Col>
        </Row>

        <h3 className="sub-h">{t('loans.form.schedule')}</h3>
        <Segmented
          block
          value={f.mode}
          onChange={(v) => set('mode', v as LoanForm['mode'])}
          options={[
            { value: 'equal', label: t('loans.mode.equal') },
            { value: 'builder', label: t('loans.mode.builder') },
            { value: 'manual', label: t('loans.mode.manual') },
          ]}
          aria-label={t('loans.form.schedule')}
        />
        <p className="muted small mode-hint">{t(`loans.mode.${f.mode}.hint` as MsgKey)}</p>
        {f.mode !== 'builder' || f.kind !== 'payday' ? (
          <Row gutter={12}>
            <Col xs={24} sm={8}>
              <Field id="lf-period" label={t('loans.f.period')}>
                <Select id="lf-period" value={f.period} onChange={(v) => set('period', v)} options={(['month', 'week', 'day'] as const).map((p) => ({ value: p, label: t(`loans.period.${p}` as MsgKey) }))} />
              </Field>
            </Col>
            {f.mode !== 'manual' ? (
              <Col xs={12} sm={8}>
                <Field id="lf-periods" label={t('loans.f.periods')} error={err('periods')}>
                  <Input id="lf-periods" inputMode="numeric" value={f.periods} onChange={(e) => set('periods', e.target.value.trim())} />
                </Field>
              </Col>
            ) : null}
            {f.mode === 'equal' ? (
              <Col xs={12} sm={8}>
                <Field id="lf-payment" label={t('loans.f.payment')} error={err('payment')}>
                  <Input id="lf-payment" inputMode="decimal" value={f.payment} onChange={(e) => set('payment', e.target.value)} suffix={t('common.yuan')} />
                </Field>
              </Col>
            ) : null}
          </Row>
        ) : null}

        {f.mode === 'builder' ? (
          <div className="builder">
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <Field id="lf-kind" label={t('loans.b.kind')} hint={t(`loans.kind.${f.kind}.hint` as MsgKey)}>
                  <Select id="lf-kind" value={f.kind} onChange={(v) => set('kind', v)} options={SCHEDULE_KINDS.map((k) => ({ value: k, label: t(`loans.kind.${k}` as MsgKey) }))} />
                </Field>
              </Col>
              <Col xs={12} sm={6}>
                <Field id="lf-rate" label={t(rateLabel)}>
                  <Input id="lf-rate" inputMode="decimal" value={f.rate} onChange={(e) => set('rate', e.target.value)} suffix="%" />
                </Field>
              </Col>
              {f.kind === 'payday' ? (
                <Col xs={12} sm={6}>
                  <Field id="lf-days" label={t('loans.b.days')}>
                    <Input id="lf-days" inputMode="numeric" value={f.days} onChange={(e) => set('days', e.target.value.trim())} />
                  </Field>
                </Col>
              ) : null}
              {f.kind === 'payday' || f.kind === 'bullet' ? (
                <Col xs={12} sm={6}>
                  <Field id="lf-fee" label={t('loans.b.fee')}>
                    <Input id="lf-fee" inputMode="decimal" value={f.fee} onChange={(e) => set('fee', e.target.value)} suffix={t('common.yuan')} />
                  </Field>
                </Col>
              ) : null}
            </Row>
            <Button onClick={buildSchedule} loading={building}>
              {t('loans.b.build')}
            </Button>
            {buildProblem ? <p className="field-problem">{t(buildProblem)}</p> : null}
            {tried && err('schedule') ? <p className="field-problem">{err('schedule')}</p> : null}
            <ErrorNotice error={buildErr} />
            {f.schedule.length ? (
              <Button type="link" onClick={() => set('mode', 'manual')}>
                {t('loans.b.editRows')}
              </Button>
            ) : null}
          </div>
        ) : null}

        {f.mode === 'manual' ? (
          <div className="manual-rows">
            {tried && err('schedule') ? <p className="field-problem">{err('schedule')}</p> : null}
            {f.schedule.map((row, k) => (
              <Row gutter={8} key={k} align="bottom" className="row-line">
                <Col xs={24} sm={8}>
                  <Field id={`lf-row-${k}-date`} label={t('loans.row.date', { n: k + 1 })} error={err(`schedule.${k}.dueDate`)}>
                    <Input id={`lf-row-${k}-date`} type="date" value={row.dueDate} onChange={(e) => setRow(k, { dueDate: e.target.value })} />
                  </Field>
                </Col>
                <Col xs={10} sm={7}>
                  <Field id={`lf-row-${k}-total`} label={t('loans.row.total')} error={err(`schedule.${k}.total`)}>
                    <Input id={`lf-row-${k}-total`} inputMode="decimal" value={row.total} onChange={(e) => setRow(k, { total: e.target.value })} />
                  </Field>
                </Col>
                <Col xs={10} sm={7}>
                  <Field id={`lf-row-${k}-principal`} label={t('loans.row.principal')} error={err(`schedule.${k}.principal`)}>
                    <Input id={`lf-row-${k}-principal`} inputMode="decimal" value={row.principal} onChange={(e) => setRow(k, { principal: e.target.value })} />
                  </Field>
                </Col>
                <Col xs={4} sm={2}>
                  <Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label={t('loans.row.remove', { n: k + 1 })} onClick={() => setF((p) => ({ ...p, schedule: p.schedule.filter((_, i) => i !== k) }))} />
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() =>
                setF((p) => {
                  const last = p.schedule[p.schedule.length - 1];
                  return { ...p, schedule: [...p.schedule, { dueDate: '', total: last?.total ?? '', principal: '' }] };
                })
              }
            >
              {t('loans.row.add')}
            </Button>
          </div>
        ) : null}

        {built.schedule.length && f.mode !== 'manual' ? <ScheduleTable rows={built.schedule} /> : null}

        <h3 className="sub-h">{t('loans.form.fees')}</h3>
        <p className="muted small">{t('loans.form.fees.hint')}</p>
        {f.fees.map((fee, k) => (
          <Row gutter={8} key={k} align="bottom" className="row-line">
            <Col xs={24} sm={7}>
              <Field id={`lf-fee-${k}-name`} label={t('loans.fee.name')} error={err(`fees.${k}.name`)}>
                <Input id={`lf-fee-${k}-name`} value={fee.name} onChange={(e) => setFee(k, { name: e.target.value })} placeholder={t('loans.fee.name.ph')} />
              </Field>
            </Col>
            <Col xs={12} sm={6}>
              <Field id={`lf-fee-${k}-timing`} label={t('loans.fee.timing')}>
                <Select id={`lf-fee-${k}-timing`} value={fee.timing} onChange={(v) => setFee(k, { timing: v })} options={FEE_TIMINGS.map((x) => ({ value: x, label: t(`loans.fee.timing.${x}` as MsgKey) }))} />
              </Field>
            </Col>
            <Col xs={12} sm={5}>
              <Field id={`lf-fee-${k}-amount`} label={t('loans.fee.amount')} error={err(`fees.${k}.amount`)}>
                <Input id={`lf-fee-${k}-amount`} inputMode="decimal" value={fee.amount} onChange={(e) => setFee(k, { amount: e.target.value })} />
              </Field>
            </Col>
            <Col xs={20} sm={4}>
              <Form.Item>
                <Checkbox checked={fee.included} onChange={(e) => setFee(k, { included: e.target.checked })}>
                  {t(fee.timing === 'upfront' ? 'loans.fee.included.upfront' : 'loans.fee.included.period')}
                </Checkbox>
              </Form.Item>
            </Col>
            <Col xs={4} sm={2}>
              <Form.Item>
                <Button icon={<DeleteOutlined />} aria-label={t('loans.fee.remove')} onClick={() => setF((p) => ({ ...p, fees: p.fees.filter((_, i) => i !== k) }))} />
              </Form.Item>
            </Col>
          </Row>
        ))}
        <Button icon={<PlusOutlined />} onClick={() => setF((p) => ({ ...p, fees: [...p.fees, { name: '', timing: 'upfront', amount: '', included: false }] }))}>
          {t('loans.fee.add')}
        </Button>

        <h3 className="sub-h">{t('loans.form.payments')}</h3>
        <p className="muted small">{t('loans.form.payments.hint')}</p>
        {f.payments.map((p, k) => (
          <Row gutter={8} key={k} align="bottom" className="row-line">
            <Col xs={12} sm={9}>
              <Field id={`lf-pay-${k}-date`} label={t('loans.pay.date')} error={err(`payments.${k}.date`)}>
                <Input id={`lf-pay-${k}-date`} type="date" value={p.date} onChange={(e) => setPay(k, { date: e.target.value })} />
              </Field>
            </Col>
            <Col xs={8} sm={9}>
              <Field id={`lf-pay-${k}-amount`} label={t('loans.pay.amount')} error={err(`payments.${k}.amount`)}>
                <Input id={`lf-pay-${k}-amount`} inputMode="decimal" value={p.amount} onChange={(e) => setPay(k, { amount: e.target.value })} />
              </Field>
            </Col>
            <Col xs={4} sm={2}>
              <Form.Item>
                <Button icon={<DeleteOutlined />} aria-label={t('loans.pay.remove')} onClick={() => setF((q) => ({ ...q, payments: q.payments.filter((_, i) => i !== k) }))} />
              </Form.Item>
            </Col>
          </Row>
        ))}
        <Button icon={<PlusOutlined />} onClick={() => setF((p) => ({ ...p, payments: [...p.payments, { date: '', amount: '' }] }))}>
          {t('loans.pay.add')}
        </Button>

        <h3 className="sub-h">{t('loans.form.status')}</h3>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Field id="lf-status" label={t('loans.f.status')}>
              <Select id="lf-status" value={f.status} onChange={(v) => set('status', v)} options={STATUSES.map((s) => ({ value: s, label: t(`loans.status.${s}` as MsgKey) }))} />
            </Field>
          </Col>
          <Col xs={24} sm={12}>
            <Field id="lf-agreement" label={t('loans.f.agreement')} error={err('agreementDate')} hint={t('loans.f.agreement.hint')}>
              <Input id="lf-agreement" type="date" value={f.agreementDate} onChange={(e) => set('agreementDate', e.target.value)} />
            </Field>
          </Col>
          <Col xs={24}>
            <Field id="lf-note" label={t('loans.f.note')}>
              <Input.TextArea id="lf-note" value={f.note} onChange={(e) => set('note', e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} />
            </Field>
          </Col>
        </Row>

        <section className="preview" aria-live="polite" aria-label={t('loans.preview')}>
          <h3 className="sub-h">{t('loans.preview')}</h3>
          {built.input ? (
            preview ? (
              <>
                <RateBlock view={preview} />
                <LineList lines={preview.lines} compact />
              </>
            ) : previewErr ? (
              <ErrorNotice error={previewErr} compact />
            ) : (
              <p className="muted">{t('common.loading')}</p>
            )
          ) : (
            <p className="muted">{t('loans.preview.needs')}</p>
          )}
        </section>
        <div ref={problemsRef} />
        {tried && built.problems.length ? (
          <div role="alert" className="form-problems">
            <p>{t('loans.err.summary', { n: built.problems.length })}</p>
            <ul>
              {built.problems.slice(0, 6).map((p, i) => (
                <li key={i}>{t(p.key, p.vars)}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <ErrorNotice error={saveErr} />
      </Form>
    </Drawer>
  );
}

export default function Loans(_props: PageProps) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const res = useApi((signal) => get<LoanView[]>('/api/loans', { signal }), []);
  const [editor, setEditor] = useState<{ open: boolean; id: number | null; form: LoanForm; saved: boolean }>({ open: false, id: null, form: emptyForm(), saved: false });
  const openNew = () => setEditor((e) => (e.id === null && !e.saved ? { ...e, open: true } : { open: true, id: null, form: emptyForm(), saved: false }));

  const onSaved = (v: LoanView) => {
    setEditor((e) => ({ ...e, open: false, saved: true }));
    message.success(t('loans.saved'));
    const list = res.data ?? [];
    const idx = list.findIndex((x) => x.loan.id === v.loan.id);
    res.setData(idx >= 0 ? list.map((x, i) => (i === idx ? v : x)) : [...list, v]);
  };

  return (
    <div className="page page-loans">
      <PageHeader
        title={t('loans.title')}
        sub={t('loans.sub')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={openNew}>
            {t('loans.add')}
          </Button>
        }
      />
      {res.loading && !res.data ? <Loading /> : null}
      <ErrorNotice error={res.error} onRetry={res.reload} />
      {res.data && !res.data.length ? (
        <Card>
          <Empty description={t('loans.empty')} />
        </Card>
      ) : null}
      <div className="loan-list">
        {(res.data ?? []).map((v) => (
          <LoanCard key={v.loan.id} view={v} onEdit={() => setEditor({ open: true, id: v.loan.id, form: formFromLoan(v.loan), saved: false })} onDeleted={res.reload} />
        ))}
      </div>
      <Card size="small" className="calm-card">
        <h2 className="card-h">{t('loans.about.title')}</h2>
        <p>{t('loans.about.body')}</p>
      </Card>
      <LoanEditor open={editor.open} editingId={editor.id} initial={editor.form} onClose={() => setEditor((e) => ({ ...e, open: false }))} onSaved={onSaved} />
      <Limits extra="limits.loans" />
    </div>
  );
}
