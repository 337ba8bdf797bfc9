/**
 * 时间线: every call and message, filtered; a view per collector with calls per day and an hour × weekday
 * heatmap. Abusive text stays blurred until tapped; quiet mode files collection messages without
 * showing them. The list is windowed and loads page by page, so 100,000 events scroll smoothly.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App as AntApp, Button, Card, Col, Descriptions, Drawer, Empty, Flex, Form, Input, Popconfirm, Row, Select, Statistic, Switch, Tabs, Tag } from 'antd';
import { MessageOutlined, PhoneOutlined, TeamOutlined, FileTextOutlined } from '@ant-design/icons';
import type { MarkCollectorReq } from '../../../src/shared/api.js';
import { get, post, put, query } from '../api/client.js';
import { call } from '../api/typed.js';
import type { CollectorDossier, CollectorView, EventView, LoanView } from '../api/types.js';
import { Chart } from '../components/Chart.js';
import { ErrorNotice, isAbusive, Limits, Loading, PageHeader, SensitiveText } from '../components/common.js';
import { Field } from '../components/Field.js';
import { VirtualList } from '../components/VirtualList.js';
import { LabelChips, LabelTags } from '../components/LabelTags.js';
import { Crop } from '../components/OcrReview.js';
import { useI18n, type MsgKey } from '../i18n/index.js';
import { formatAt, formatDuration } from '../lib/format.js';
import { navigate } from '../lib/route.js';
import { useSettings } from '../lib/settings.js';
import { useApi, useIsMobile } from '../lib/useApi.js';
import type { PageProps } from '../App.js';

const PAGE = 2000;
const ROW_H = 92;
const KINDS = ['call', 'sms', 'im', 'third_party_report', 'visit', 'letter', 'payment', 'note'] as const;
interface Filters {
  from: string;
  to: string;
  kind: string;
  collector: string;
  labelled: boolean;
}

function KindIcon({ kind }: { kind: string }) {
  if (kind === 'call') return <PhoneOutlined />;
  if (kind === 'third_party_report') return <TeamOutlined />;
  if (kind === 'sms' || kind === 'im') return <MessageOutlined />;
  return <FileTextOutlined />;
}

/** Who the event is with, in words. */
function who(e: EventView, t: (k: MsgKey, v?: Record<string, string | number>) => string): string {
  if (e.kind === 'third_party_report') return t('tl.reportedBy', { name: e.contact_name ?? e.number ?? '' });
  const party = e.collector_name ?? e.contact_name ?? e.number ?? t('tl.unknownNumber');
  return party;
}

function useEventPages(filters: Filters) {
  const [events, setEvents] = useState<EventView[]>([]);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const gen = useRef(0);
  const busy = useRef(false);

  const qs = useMemo(
    () => ({ from: filters.from, to: filters.to, kind: filters.kind, collector: filters.collector, labelled: filters.labelled ? 'true' : undefined }),
    [filters],
  );

  const loadMore = useCallback(
    async (reset = false) => {
      if (busy.current && !reset) return;
      const my = reset ? ++gen.current : gen.current;
      busy.current = true;
      setLoading(true);
      try {
        const offset = reset ? 0 : events.length;
        const page = await call('GET /events', { query: { ...qs, limit: PAGE, offset } });
        if (my !== gen.current) return;
        setEvents((prev) => (reset ? page : [...prev, ...page]));
        setDone(page.length < PAGE);
        setError(null);
      } catch (e) {
        if (my === gen.current) setError(e);
      } finally {
        if (my === gen.current) {
          busy.current = false;
          setLoading(false);
        }
      }
    },
    [qs, events.length],
  );

  useEffect(() => {
    setEvents([]);
    setDone(false);
    busy.current = false;
    void loadMore(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [qs]);

  return { events, done, error, loading, loadMore, reload: () => void loadMore(true) };
}

interface EventRowProps {
  e: EventView;
  revealed: boolean;
  quiet: boolean;
  onReveal(id: number): void;
  onOpen(e: EventView): void;
}

/** One row of the windowed list; memoised so that scrolling only renders the rows coming into view. */
const EventRow = memo(function EventRow({ e, revealed, onReveal: reveal, quiet, onOpen: open }: EventRowProps) {
  const onReveal = () => reveal(e.id);
  const onOpen = () => open(e);
  const { t } = useI18n();
  const abusive = isAbusive(e.labels);
  const collection = e.labels.includes('collection');
  const hideQuiet = quiet && collection && !revealed;
  return (
    <div className={`event-row kind-${e.kind}`} onClick={onOpen} data-event={e.id}>
      <div className="event-meta">
        <span className="event-time">{formatAt(e.at)}</span>
        <span className="event-who">{who(e, t)}</span>
        <span className="event-tags">
          <LabelChips labels={e.labels} />
        </span>
        <button type="button" className="linkish row-open" onClick={(ev) => { ev.stopPropagation(); onOpen(); }}>
          {t('tl.details')}
        </button>
      </div>
      <div className="event-text">
        {e.kind === 'call' ? (
          <span className="muted">
            {t(e.direction === 'out' ? 'tl.call.out' : 'tl.call.in')}
            {e.call_status ? ` · ${t(`tl.status.${e.call_status}` as MsgKey)}` : ''}
            {e.duration_s ? ` · ${formatDuration(e.duration_s)}` : ''}
          </span>
        ) : hideQuiet ? (
          <span className="quiet-filed">
            {t('tl.quiet.filed')}{' '}
            <button type="button" className="linkish" onClick={(ev) => { ev.stopPropagation(); onReveal(); }}>
              {t('tl.quiet.show')}
            </button>
          </span>
        ) : e.text ? (
          <SensitiveText text={e.text} spans={e.spans} hidden={abusive && !revealed} onReveal={onReveal} />
        ) : null}
      </div>
    </div>
  );
});

function MarkCollectorForm({ initialNumber, onDone }: { initialNumber?: string; onDone(): void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [numbers, setNumbers] = useState(initialNumber ?? '');
  const [name, setName] = useState('');
  const [lender, setLender] = useState('');
  const [err, setErr] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const list = numbers.split(/[\s,，、;；]+/).map((s) => s.trim()).filter(Boolean);
    if (!list.length) {
      setErr(new Error(t('tl.mark.needNumber')));
      return;
    }
    setSaving(true);
    try {
      const body: MarkCollectorReq = { numbers: list, name: name.trim() || undefined, lender: lender.trim() || null };
      await post('/api/collectors', body);
      message.success(t('tl.mark.done'));
      onDone();
    } catch (e) {
      setErr(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()}>
      <Field id="mc-numbers" label={t('tl.mark.numbers')} hint={t('tl.mark.numbers.hint')}>
        <Input id="mc-numbers" value={numbers} onChange={(e) => setNumbers(e.target.value)} inputMode="tel" />
      </Field>
      <Field id="mc-name" label={t('tl.mark.name')}>
        <Input id="mc-name" value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field id="mc-lender" label={t('tl.mark.lender')}>
        <Input id="mc-lender" value={lender} onChange={(e) => setLender(e.target.value)} />
      </Field>
      <ErrorNotice error={err} />
      <Button type="primary" onClick={save} loading={saving}>
        {t('tl.mark.save')}
      </Button>
    </Form>
  );
}

/** "Not a collector": as easy as the reverse (a bank's codes, salary or statements, an advert, someone the person knows). */
function NotCollectorButton({ numbers, onDone }: { numbers: string[]; onDone(): void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<unknown>(null);
  const go = async () => {
    setBusy(true);
    try {
      await post('/api/collectors/unmark', { numbers });
      message.success(t('tl.notCollector.done'));
      onDone();
    } catch (e) {
      setErr(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Popconfirm title={t('tl.notCollector')} description={<span className="small">{t('tl.notCollector.hint')}</span>} onConfirm={go}>
        <Button loading={busy} data-action="not-collector">
          {t('tl.notCollector')}
        </Button>
      </Popconfirm>
      <ErrorNotice error={err} compact />
    </>
  );
}

/** The person picks the loan a collector belongs to; their choice wins and is kept as evidence. */
function LoanPicker({ c, onDone }: { c: CollectorView; onDone(): void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const loans = useApi((signal) => call('GET /loans', { signal }), []);
  const [err, setErr] = useState<unknown>(null);
  const choose = async (v: string) => {
    try {
      await put(`/api/collectors/${c.id}/loan`, { loan_id: v === '' ? null : Number(v) });
      message.success(t('tl.col.pickLoan.done'));
      onDone();
    } catch (e) {
      setErr(e);
    }
  };
  const list = loans.data ?? [];
  if (loans.data && !list.length) return <p className="muted small">{t('tl.col.pickLoan.noLoans')}</p>;
  return (
    <div className="loan-picker">
      <label htmlFor={`pick-loan-${c.id}`} className="small">
        {t('tl.col.pickLoan')}
      </label>
      <Select
        id={`pick-loan-${c.id}`}
        style={{ minWidth: 220 }}
        value={c.loan_id != null ? String(c.loan_id) : ''}
        onChange={choose}
        loading={loans.loading}
        options={[
          { value: '', label: t('tl.col.pickLoan.none') },
          ...list.map((l) => ({ value: String(l.loan.id), label: `${l.loan.lenderName}${l.loan.productName ? `（${l.loan.productName}）` : ''} · ${l.loan.contractDate}` })),
        ]}
      />
      <ErrorNotice error={err} compact />
    </div>
  );
}

/** Who the collector works for, as the registry or the person says; what it claims to be; unknown asks for a loan. */
function LenderInfo({ c, onChanged }: { c: CollectorView; onChanged(): void }) {
  const { t } = useI18n();
  const lender = c.lender_entity && c.lender_brand && c.lender_brand !== c.lender_entity ? `${c.lender_entity}（${c.lender_brand}）` : (c.lender ?? c.lender_entity);
  return (
    <div className="lender-info">
      {lender ? (
        <p>
          <strong>{t('tl.col.lender')}：</strong>
          {lender}
          {c.lender_source ? <span className="muted small"> · {t(`tl.col.source.${c.lender_source}` as MsgKey)}</span> : null}
          {c.lender_regulator ? <span className="muted small"> · {t('tl.col.regulator')}：{c.lender_regulator}</span> : null}
        </p>
      ) : (
        <p>
          <Tag color="orange">{t('tl.col.unknown')}</Tag>
        </p>
      )}
      {c.multi_lender ? <p className="muted small">{t('tl.col.multi')}</p> : null}
      {c.claims?.length ? (
        <p>
          <Tag color="red">{t('tl.col.claims', { claims: c.claims.join('、') })}</Tag>
        </p>
      ) : null}
      {c.needs_loan || c.lender_source === 'user' ? <LoanPicker c={c} onDone={onChanged} /> : null}
    </div>
  );
}

function Dossier({ id, onBack, onShowEvents }: { id: number; onBack(): void; onShowEvents(id: number): void }) {
  const { t } = useI18n();
  const res = useApi((signal) => call('GET /collectors/:id', { params: { id }, signal }), [id]);
  const d = res.data;
  const days = [t('wd.mon'), t('wd.tue'), t('wd.wed'), t('wd.thu'), t('wd.fri'), t('wd.sat'), t('wd.sun')];
  const perDay = d?.per_day ?? [];
  const heat: [number, number, number][] = [];
  let max = 1;
  (d?.hour_weekday ?? []).forEach((row, wd) =>
    row.forEach((v, h) => {
      heat.push([h, wd, v]);
      if (v > max) max = v;
    }),
  );
  const findingsCount = d ? (typeof d.findings === 'number' ? d.findings : Array.isArray(d.findings) ? d.findings.length : 0) : 0;
  return (
    <div className="dossier">
      <Button onClick={onBack}>{t('tl.dossier.back')}</Button>
      {res.loading && !d ? <Loading /> : null}
      <ErrorNotice error={res.error} onRetry={res.reload} />
      {d ? (
        <>
          <h2 className="section-title">{d.name}</h2>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label={t('tl.col.numbers')}>{d.numbers.join('，')}</Descriptions.Item>
            <Descriptions.Item label={t('tl.col.lender')}>{d.lender ?? t('tl.col.unknown')}</Descriptions.Item>
            <Descriptions.Item label={t('tl.col.first')}>{formatAt(d.first_contact)}</Descriptions.Item>
            <Descriptions.Item label={t('tl.col.last')}>{formatAt(d.last_contact)}</Descriptions.Item>
          </Descriptions>
          <LenderInfo c={d} onChanged={res.reload} />
          <Flex gap={24} wrap className="stat-row">
            <Statistic title={t('tl.col.calls')} value={d.calls} />
            <Statistic title={t('tl.col.messages')} value={d.messages} />
            <Statistic title={t('tl.col.answered')} value={d.answered} />
            <Statistic title={t('tl.col.unanswered')} value={d.unanswered} />
            <Statistic title={t('tl.col.findings')} value={findingsCount} />
          </Flex>
          <Card size="small" title={<h3 className="card-h">{t('tl.chart.perDay')}</h3>}>
            <Chart
              label={t('tl.chart.perDay')}
              height={240}
              option={{
                grid: { left: 36, right: 12, top: 32, bottom: 40 },
                legend: { data: [t('overview.chart.calls'), t('overview.chart.messages')], top: 0 },
                tooltip: { trigger: 'axis' },
                xAxis: { type: 'category', data: perDay.map((x) => x.date) },
                yAxis: { type: 'value', minInterval: 1 },
                series: [
                  { name: t('overview.chart.calls'), type: 'bar', stack: 'a', data: perDay.map((x) => x.calls), itemStyle: { color: '#1d6770' } },
                  { name: t('overview.chart.messages'), type: 'bar', stack: 'a', data: perDay.map((x) => x.messages), itemStyle: { color: '#d48806' } },
                ],
              }}
            />
          </Card>
          <Card size="small" title={<h3 className="card-h">{t('tl.chart.heat')}</h3>}>
            <p className="muted small">{t('tl.chart.heat.hint')}</p>
            <Chart
              label={t('tl.chart.heat')}
              height={300}
              option={{
                grid: { left: 48, right: 12, top: 10, bottom: 64 },
                tooltip: { position: 'top' },
                xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, h) => String(h)), splitArea: { show: true } },
                yAxis: { type: 'category', data: days, splitArea: { show: true } },
                visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#f0f5f5', '#1d6770', '#a8071a'] } },
                series: [{ type: 'heatmap', data: heat, label: { show: false } }],
              }}
            />
          </Card>
          <Flex gap={8} wrap>
            <Button onClick={() => onShowEvents(d.id)}>{t('tl.dossier.events')}</Button>
            <Button onClick={() => navigate('findings')}>{t('tl.dossier.findings')}</Button>
            <NotCollectorButton numbers={d.numbers} onDone={onBack} />
          </Flex>
        </>
      ) : null}
    </div>
  );
}

function Collectors({ onPick }: { onPick(id: number): void }) {
  const { t } = useI18n();
  const res = useApi((signal) => call('GET /collectors', { signal }), []);
  const [marking, setMarking] = useState(false);
  return (
    <div className="collectors">
      {res.loading && !res.data ? <Loading /> : null}
      <ErrorNotice error={res.error} onRetry={res.reload} />
      {res.data && !res.data.length ? <Empty description={t('tl.col.empty')} /> : null}
      <Row gutter={[12, 12]}>
        {(res.data ?? []).map((c) => (
          <Col xs={24} md={12} key={c.id}>
            <Card size="small" className="collector-card" title={<h3 className="card-h">{c.name}</h3>} extra={<Button onClick={() => onPick(c.id)}>{t('tl.col.open')}</Button>}>
              <p>{t('tl.col.summary', { calls: c.calls, messages: c.messages, numbers: c.numbers.length })}</p>
              <p className="muted small">
                {formatAt(c.first_contact)} — {formatAt(c.last_contact)}
              </p>
              <LenderInfo c={c} onChanged={res.reload} />
              <NotCollectorButton numbers={c.numbers} onDone={res.reload} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" className="mark-card" title={<h3 className="card-h">{t('tl.mark.title')}</h3>}>
        <p className="muted small">{t('tl.mark.hint')}</p>
        {marking ? (
          <MarkCollectorForm
            onDone={() => {
              setMarking(false);
              res.reload();
            }}
          />
        ) : (
          <Button onClick={() => setMarking(true)}>{t('tl.mark.open')}</Button>
        )}
      </Card>
    </div>
  );
}

export default function Timeline({ params }: PageProps) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const { settings, update } = useSettings();
  const quiet = Boolean(settings?.quiet_mode);
  const [tab, setTab] = useState(params.get('view') === 'collectors' ? 'collectors' : 'events');
  const [dossier, setDossier] = useState<number | null>(null);
  const [filters, setFilters] = useState<Filters>({ from: params.get('from') ?? '', to: params.get('to') ?? '', kind: params.get('kind') ?? '', collector: params.get('collector') ?? '', labelled: params.get('labelled') === 'true' });
  const collectors = useApi((signal) => call('GET /collectors', { signal }), []);
  const pages = useEventPages(filters);
  const [revealed, setRevealed] = useState<Set<number>>(() => new Set());
  const [open, setOpen] = useState(null as EventView | null);
  const [quietErr, setQuietErr] = useState(null as unknown);
  const [showFilters, setShowFilters] = useState(false);

  const reveal = useCallback((id: number) => setRevealed((s) => new Set(s).add(id)), []);
  const openEvent = useCallback((e: EventView) => {
    setOpen(e);
  }, []);
  const setF = <K extends keyof Filters>(k: K, v: Filters[K]) => setFilters((f) => ({ ...f, [k]: v }));
  const onNearEnd = useCallback(() => {
    if (!pages.done && !pages.loading && !pages.error) void pages.loadMore();
  }, [pages]);

  const showCollectorEvents = (id: number) => {
    setFilters((f) => ({ ...f, collector: String(id) }));
    setTab('events');
  };

  const toggleQuiet = async (v: boolean) => {
    try {
      setQuietErr(null);
      await update({ quiet_mode: v });
    } catch (e) {
      setQuietErr(e);
    }
  };

  const activeFilters = [filters.from, filters.to, filters.kind, filters.collector].filter(Boolean).length + (filters.labelled ? 1 : 0);
  const list = (
    <div className="timeline-events">
      {mobile ? (
        <Button className="filter-toggle" aria-expanded={showFilters} aria-controls="tl-filters" onClick={() => setShowFilters((v) => !v)}>
          {t(showFilters ? 'tl.filters.hide' : 'tl.filters.show', { n: activeFilters })}
        </Button>
      ) : null}
      <Form layout="vertical" className="filters" id="tl-filters" hidden={mobile && !showFilters} onSubmitCapture={(e) => e.preventDefault()}>
        <Row gutter={8}>
          <Col xs={12} md={5}>
            <Field id="tf-from" label={t('tl.f.from')}>
              <Input id="tf-from" type="date" value={filters.from} onChange={(e) => setF('from', e.target.value)} />
            </Field>
          </Col>
          <Col xs={12} md={5}>
            <Field id="tf-to" label={t('tl.f.to')}>
              <Input id="tf-to" type="date" value={filters.to} onChange={(e) => setF('to', e.target.value)} />
            </Field>
          </Col>
          <Col xs={12} md={5}>
            <Field id="tf-kind" label={t('tl.f.kind')}>
              <Select id="tf-kind" value={filters.kind} onChange={(v) => setF('kind', v)} options={[{ value: '', label: t('tl.f.all') }, ...KINDS.map((k) => ({ value: k, label: t(`kind.${k}` as MsgKey) }))]} />
            </Field>
          </Col>
          <Col xs={12} md={5}>
            <Field id="tf-collector" label={t('tl.f.collector')}>
              <Select
                id="tf-collector"
                value={filters.collector}
                onChange={(v) => setF('collector', v)}
                options={[{ value: '', label: t('tl.f.all') }, ...(collectors.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))]}
              />
            </Field>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item label={t('tl.f.labelled')} htmlFor="tf-labelled">
              <Switch id="tf-labelled" checked={filters.labelled} onChange={(v) => setF('labelled', v)} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <ErrorNotice error={pages.error} onRetry={pages.reload} />
      <p className="muted small list-count" aria-live="polite">
        {pages.loading && !pages.events.length ? t('common.loading') : t(pages.done ? 'tl.count.all' : 'tl.count.more', { n: pages.events.length })}
      </p>
      {pages.events.length ? (
        <VirtualList
          count={pages.events.length}
          rowHeight={ROW_H}
          height={mobile ? 'max(360px, calc(100vh - 170px))' : 'max(420px, calc(100vh - 300px))'}
          label={t('tl.list')}
          onNearEnd={onNearEnd}
          renderRow={(i) => {
            const e = pages.events[i]!;
            return <EventRow e={e} revealed={revealed.has(e.id)} onReveal={reveal} quiet={quiet} onOpen={openEvent} />;
          }}
        />
      ) : !pages.loading && !pages.error ? (
        <Empty description={t('tl.empty')}>
          <Button onClick={() => navigate('import')}>{t('tl.empty.import')}</Button>
        </Empty>
      ) : null}
    </div>
  );

  return (
    <div className="page page-timeline">
      <PageHeader
        title={t('tl.title')}
        sub={t('tl.sub')}
        extra={
          <Flex align="center" gap={8} className="quiet-toggle">
            <Switch id="quiet-mode" checked={quiet} onChange={toggleQuiet} aria-describedby="quiet-hint" />
            <label htmlFor="quiet-mode">{t('tl.quiet')}</label>
          </Flex>
        }
      />
      <p id="quiet-hint" className="muted small">
        {t(quiet ? 'tl.quiet.on' : 'tl.quiet.hint')}
      </p>
      <ErrorNotice error={quietErr} compact />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'events', label: t('tl.tab.events'), children: list },
          { key: 'collectors', label: t('tl.tab.collectors'), children: dossier != null ? <Dossier id={dossier} onBack={() => setDossier(null)} onShowEvents={showCollectorEvents} /> : <Collectors onPick={setDossier} /> },
        ]}
      />
      <Drawer open={open != null} onClose={() => setOpen(null)} title={open ? (<span><KindIcon kind={open.kind} /> {t(`kind.${open.kind}` as MsgKey)}</span>) : ''} size={mobile ? '100%' : 520}>
        {open ? (
          <div className="event-detail">
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('tl.d.time')}>{formatAt(open.at)}</Descriptions.Item>
              <Descriptions.Item label={t('tl.d.number')}>{open.number ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('tl.d.direction')}>{t(open.direction === 'out' ? 'tl.d.out' : 'tl.d.in')}</Descriptions.Item>
              {open.collector_name ? <Descriptions.Item label={t('tl.d.collector')}>{open.collector_name}</Descriptions.Item> : null}
              {open.contact_name ? <Descriptions.Item label={t('tl.d.contact')}>{open.contact_name}</Descriptions.Item> : null}
              {open.duration_s != null ? <Descriptions.Item label={t('tl.d.duration')}>{formatDuration(open.duration_s)}</Descriptions.Item> : null}
            </Descriptions>
            {open.labels.length ? (
              <div className="detail-labels">
                <LabelTags labels={open.labels} />
                <p className="muted small">{t('tl.d.why')}</p>
              </div>
            ) : null}
            {open.text ? (
              <Card size="small" className="detail-text">
                <SensitiveText text={open.text} spans={open.spans} hidden={(isAbusive(open.labels) || (quiet && open.labels.includes('collection'))) && !revealed.has(open.id)} onReveal={() => reveal(open.id)} />
              </Card>
            ) : null}
            {open.ocr && !((isAbusive(open.labels) || (quiet && open.labels.includes('collection'))) && !revealed.has(open.id)) ? <Crop item={open.ocr} /> : null}
            <Flex gap={8} wrap className="detail-actions">
              <Button onClick={() => navigate('evidence', { event: open.id })}>{t('tl.d.attach')}</Button>
              {open.collector != null ? (
                <Button
                  onClick={() => {
                    setOpen(null);
                    setTab('collectors');
                    setDossier(open.collector);
                  }}
                >
                  {t('tl.d.dossier')}
                </Button>
              ) : null}
            </Flex>
            {open.number && open.collector != null ? (
              <Card size="small" className="mark-card">
                <p className="muted small">{t('tl.notCollector.hint')}</p>
                <NotCollectorButton
                  numbers={[open.number]}
                  onDone={() => {
                    setOpen(null);
                    pages.reload();
                    collectors.reload();
                  }}
                />
              </Card>
            ) : null}
            {open.number && open.collector == null ? (
              <Card size="small" className="mark-card" title={<h3 className="card-h">{t('tl.mark.title')}</h3>}>
                <MarkCollectorForm initialNumber={open.number} onDone={() => setOpen(null)} />
              </Card>
            ) : null}
          </div>
        ) : null}
      </Drawer>
      <Limits extra="limits.timeline" />
    </div>
  );
}
