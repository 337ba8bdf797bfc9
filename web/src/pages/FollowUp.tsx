/**
 * 投诉跟进 (issue 16): record a complaint sent (where, when, how, 受理编号, the text sent kept as evidence), see when
 * its answer is due (the law's deadline where there is one, else the person's reminder), download reminders, record
 * the answer, and when nothing came: the follow-up letter, the escalation note and the next channel's letter.
 */
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Checkbox, Col, Empty, Flex, Form, Input, Row, Select, Space, Tag } from 'antd';
import { CalendarOutlined, DownloadOutlined } from '@ant-design/icons';
import { download, get, post, put } from '../api/client.js';
import { call } from '../api/typed.js';
import type { ComplaintOptions, ComplaintView, FollowUpState } from '../api/followup.js';
import { ErrorNotice, Loading, PageHeader } from '../components/common.js';
import { Field } from '../components/Field.js';
import { useI18n, type MsgKey } from '../i18n/index.js';
import { useApi } from '../lib/useApi.js';
import type { PageProps } from '../App.js';

const STATE_COLOR: Record<FollowUpState, string> = { submitted: 'blue', due: 'red', answered: 'green', escalated: 'purple' };
const STATE_KEY: Record<FollowUpState, MsgKey> = { submitted: 'fu.state.submitted', due: 'fu.state.due', answered: 'fu.state.answered', escalated: 'fu.state.escalated' };

interface Prefill {
  parent_id: number | null;
  channel: string | null;
  lender: string | null;
}

function AddComplaint({ options, prefill, onAdded }: { options: ComplaintOptions; prefill: Prefill; onAdded(): void }) {
  const { t, pick } = useI18n();
  const { message } = AntApp.useApp();
  const [channel, setChannel] = useState<string | null>(prefill.channel);
  const [lender, setLender] = useState<string | null>(prefill.lender);
  const [date, setDate] = useState(options.today);
  const [method, setMethod] = useState('web');
  const [reference, setReference] = useState('');
  const [remind, setRemind] = useState('');
  const [text, setText] = useState('');
  const [generate, setGenerate] = useState(false);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<unknown>(null);
  const ch = options.channels.find((c) => c.id === channel);

  const save = async () => {
    if (!channel) return setErr(new Error(t('fu.add.needChannel')));
    if (!date) return setErr(new Error(t('fu.add.needDate')));
    setErr(null);
    setBusy(true);
    try {
      await post('/api/complaints', {
        channel, lender, submitted_on: date, method, reference: reference.trim() || null, remind_on: remind || null,
        text: generate ? null : text.trim() || null, generate: generate && !text.trim() ? 'pdf' : null, parent_id: prefill.parent_id,
      });
      message.success(t('fu.add.done'));
      setReference('');
      setText('');
      setRemind('');
      onAdded();
    } catch (e) {
      setErr(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()}>
      {prefill.parent_id ? <Alert type="info" showIcon message={t('fu.add.parent', { id: prefill.parent_id })} style={{ marginBottom: 12 }} /> : null}
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Field id="fu-channel" label={t('fu.add.channel')}>
            <Select
              id="fu-channel"
              value={channel ?? undefined}
              onChange={(v: string) => setChannel(v)}
              options={options.channels.map((c) => ({ value: c.id, label: `${pick(c.name)}${c.deadline ? ` · ${t('fu.add.channel.deadline')}` : ''}` }))}
            />
          </Field>
        </Col>
        <Col xs={24} sm={12}>
          <Field id="fu-lender" label={t('fu.add.lender')}>
            <Select
              id="fu-lender"
              value={lender ?? ''}
              onChange={(v: string) => setLender(v || null)}
              options={[{ value: '', label: t('fu.add.lender.none') }, ...options.lenders.map((l) => ({ value: l.key, label: l.name }))]}
            />
          </Field>
        </Col>
        <Col xs={12} sm={6}>
          <Field id="fu-date" label={t('fu.add.date')}>
            <Input id="fu-date" type="date" value={date} max={options.today} onChange={(e) => setDate(e.target.value)} />
          </Field>
        </Col>
        <Col xs={12} sm={6}>
          <Field id="fu-method" label={t('fu.add.method')}>
            <Select id="fu-method" value={method} onChange={(v: string) => setMethod(v)} options={options.methods.map((m) => ({ value: m.id, label: pick(m.label) }))} />
          </Field>
        </Col>
        <Col xs={24} sm={12}>
          <Field id="fu-ref" label={t('fu.add.ref')} hint={t('fu.add.ref.hint')}>
            <Input id="fu-ref" value={reference} maxLength={200} onChange={(e) => setReference(e.target.value)} />
          </Field>
        </Col>
        <Col xs={24} sm={12}>
          <Field id="fu-remind" label={t('fu.add.remind')} hint={ch && !ch.deadline ? t('fu.add.remind.hint') : undefined}>
            <Input id="fu-remind" type="date" value={remind} min={date} onChange={(e) => setRemind(e.target.value)} />
          </Field>
        </Col>
        <Col xs={24}>
          <Field id="fu-text" label={t('fu.add.text')}>
            <Input.TextArea id="fu-text" value={text} disabled={generate} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 3, maxRows: 10 }} />
          </Field>
          {ch?.letter ? (
            <Checkbox checked={generate} onChange={(e) => setGenerate(e.target.checked)}>
              {t('fu.add.generate')}
            </Checkbox>
          ) : null}
        </Col>
      </Row>
      {err ? <ErrorNotice error={err} compact /> : null}
      <Button type="primary" onClick={save} loading={busy} style={{ marginTop: 12 }}>
        {t('fu.add.save')}
      </Button>
    </Form>
  );
}

function AnswerForm({ c, options, onDone }: { c: ComplaintView; options: ComplaintOptions; onDone(): void }) {
  const { t, pick } = useI18n();
  const { message } = AntApp.useApp();
  const [date, setDate] = useState(options.today);
  const [outcome, setOutcome] = useState('resolved');
  const [text, setText] = useState('');
  const [err, setErr] = useState<unknown>(null);
  const save = async () => {
    setErr(null);
    try {
      await post(`/api/complaints/${c.id}/answer`, { answered_on: date, outcome, text: text.trim() || null });
      message.success(t('fu.answer.done'));
      onDone();
    } catch (e) {
      setErr(e);
    }
  };
  return (
    <Form layout="vertical" className="fu-answer" onSubmitCapture={(e) => e.preventDefault()}>
      <h4>{t('fu.answer.title')}</h4>
      <Flex gap={8} wrap>
        <Field id={`fu-ad-${c.id}`} label={t('fu.answer.date')}>
          <Input id={`fu-ad-${c.id}`} type="date" value={date} min={c.submitted_on} max={options.today} onChange={(e) => setDate(e.target.value)} />
        </Field>
        <Field id={`fu-ao-${c.id}`} label={t('fu.answer.outcome')}>
          <Select id={`fu-ao-${c.id}`} style={{ minWidth: 180 }} value={outcome} onChange={(v: string) => setOutcome(v)} options={options.outcomes.map((o) => ({ value: o.id, label: pick(o.label) }))} />
        </Field>
      </Flex>
      <Field id={`fu-at-${c.id}`} label={t('fu.answer.text')}>
        <Input.TextArea id={`fu-at-${c.id}`} value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Field>
      {err ? <ErrorNotice error={err} compact /> : null}
      <Button onClick={save}>{t('fu.answer.save')}</Button>
    </Form>
  );
}

function Reminder({ c, onDone }: { c: ComplaintView; onDone(): void }) {
  const { t } = useI18n();
  const [date, setDate] = useState(c.remind_on ?? '');
  const [err, setErr] = useState<unknown>(null);
  const save = async () => {
    setErr(null);
    try {
      await put(`/api/complaints/${c.id}`, { remind_on: date || null });
      onDone();
    } catch (e) {
      setErr(e);
    }
  };
  return (
    <Form layout="inline" onSubmitCapture={(e) => e.preventDefault()}>
      <Field id={`fu-rm-${c.id}`} label={t('fu.reminder.set')}>
        <Input id={`fu-rm-${c.id}`} type="date" value={date} min={c.submitted_on} onChange={(e) => setDate(e.target.value)} />
      </Field>
      <Button onClick={save}>{t('fu.reminder.save')}</Button>
      {err ? <ErrorNotice error={err} compact /> : null}
    </Form>
  );
}

function whenText(c: ComplaintView, t: ReturnType<typeof useI18n>['t']): string | null {
  if (c.days_left == null) return null;
  if (c.days_left > 0) return t('fu.deadline.left', { n: c.days_left });
  if (c.days_left === 0) return t('fu.deadline.today');
  return t('fu.deadline.past', { n: -c.days_left });
}

function ComplaintCard({ c, options, onChanged, onEscalate }: { c: ComplaintView; options: ComplaintOptions; onChanged(): void; onEscalate(p: Prefill): void }) {
  const { t, pick, lang } = useI18n();
  const l = lang === 'en' ? 'en' : 'zh';
  const [err, setErr] = useState<unknown>(null);
  const doc = async (step: 'urge' | 'escalate' | 'letter') => {
    setErr(null);
    try {
      await download('GET', `/api/complaints/${c.id}/document?step=${step}&format=pdf&lang=${l}`, undefined, `complaint-${c.id}-${step}.pdf`);
    } catch (e) {
      setErr(e);
    }
  };
  const open = c.state === 'submitted' || c.state === 'due';
  const escalate = c.next_steps.find((s) => s.kind === 'escalate');
  return (
    <Card size="small" className={`fu-card fu-${c.state}`} title={<span>#{c.id} {pick(c.channel_name)}{c.lender_name ? ` · ${c.lender_name}` : ''}</span>} extra={<Tag color={STATE_COLOR[c.state]}>{t(STATE_KEY[c.state])}</Tag>}>
      <p>
        {t('fu.sent', { date: c.submitted_on, method: pick(c.method_label) })} · {c.reference ? t('fu.ref', { ref: c.reference }) : t('fu.ref.none')}
      </p>
      {c.deadline ? (
        <p>
          <strong>{t('fu.deadline', { date: c.deadline.due_on, days: c.deadline.days, unit: t(c.deadline.unit === 'working' ? 'fu.unit.working' : 'fu.unit.calendar'), what: pick(c.deadline.what) })}</strong>
          {open && whenText(c, t) ? ` · ${whenText(c, t)}` : ''}
          <br />
          <small>
            {t('fu.basis')}：{c.deadline.citations.map((x) => `${pick(x.title)}“${pick(x.excerpt)}”`).join('；')}
            {c.deadline.caveat ? ` ${pick(c.deadline.caveat)}` : ''}
          </small>
        </p>
      ) : open ? (
        <Alert type="info" showIcon message={pick(c.no_deadline)} />
      ) : null}
      {c.remind_on ? <p>{t('fu.reminder', { date: c.remind_on })}{open && c.next_kind === 'reminder' && whenText(c, t) ? ` · ${whenText(c, t)}` : ''}</p> : null}
      {open ? <Reminder c={c} onDone={onChanged} /> : null}
      {c.document ? (
        <p className="fu-kept">
          <small>
            {t('fu.kept', { name: c.document.name ?? '' })}
            <br />
            <code style={{ wordBreak: 'break-all' }}>{t('fu.kept.hash', { hash: c.document.sha256 })}</code>
          </small>
        </p>
      ) : null}
      {c.answer ? <p>{t('fu.answer.shown', { date: c.answer.on, outcome: pick(c.answer.outcome_label) })}{c.answer.text ? `：${c.answer.text}` : ''}</p> : null}
      {c.children.length ? <p>{t('fu.escalatedTo', { ids: c.children.join(', #') })}</p> : null}
      {c.next_steps.length ? (
        <section className="fu-next">
          <h4>{t('fu.next.title')}</h4>
          <ul>
            {c.next_steps.map((s) => (
              <li key={s.kind}>
                <strong>{pick(s.title)}</strong> — {pick(s.why)}
              </li>
            ))}
          </ul>
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => doc('urge')}>
              {t('fu.next.urge')}
            </Button>
            {escalate ? (
              <>
                <Button icon={<DownloadOutlined />} onClick={() => doc('escalate')}>
                  {t('fu.next.escalate')}
                </Button>
                {options.channels.find((x) => x.id === escalate.channel)?.letter ? (
                  <Button icon={<DownloadOutlined />} onClick={() => doc('letter')}>
                    {t('fu.next.letter', { channel: pick(escalate.channel_name) })}
                  </Button>
                ) : null}
                <Button type="primary" onClick={() => onEscalate({ parent_id: c.id, channel: escalate.channel, lender: c.lender_key })}>
                  {t('fu.next.record')}
                </Button>
              </>
            ) : null}
          </Space>
        </section>
      ) : null}
      {err ? <ErrorNotice error={err} compact /> : null}
      {open ? <AnswerForm c={c} options={options} onDone={onChanged} /> : null}
    </Card>
  );
}

export default function FollowUp(_props: PageProps) {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const options = useApi((signal) => get<ComplaintOptions>('/api/complaints/options', { signal }), []);
  const list = useApi((signal) => call('GET /complaints', { signal }), []);
  const [prefill, setPrefill] = useState<Prefill>({ parent_id: null, channel: null, lender: null });
  const [formKey, setFormKey] = useState(0);
  const [err, setErr] = useState<unknown>(null);

  const ics = async () => {
    setErr(null);
    try {
      await download('GET', `/api/complaints/ics?lang=${lang === 'en' ? 'en' : 'zh'}`, undefined, 'huxun-complaints.ics');
      message.success(t('fu.ics.done'));
    } catch (e) {
      setErr(e);
    }
  };
  const reload = () => {
    list.reload();
    setPrefill({ parent_id: null, channel: null, lender: null });
    setFormKey((k) => k + 1);
  };

  return (
    <div className="page page-followup">
      <PageHeader
        title={t('fu.title')}
        sub={t('fu.sub')}
        extra={
          <Button icon={<CalendarOutlined />} onClick={ics}>
            {t('fu.ics')}
          </Button>
        }
      />
      {err ? <ErrorNotice error={err} compact /> : null}
      <Card title={t('fu.add.title')} className="fu-add" id="fu-add">
        {options.error ? <ErrorNotice error={options.error} onRetry={options.reload} /> : null}
        {options.data ? (
          <AddComplaint key={formKey} options={options.data} prefill={prefill} onAdded={reload} />
        ) : options.loading ? (
          <Loading />
        ) : null}
      </Card>
      <section aria-labelledby="fu-list-h">
        <h2 id="fu-list-h" className="section-title">
          {t('fu.list.title')}
        </h2>
        {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
        {list.loading && !list.data ? <Loading /> : null}
        {list.data && !list.data.length ? <Empty description={t('fu.list.empty')} /> : null}
        <Flex vertical gap={12}>
          {options.data
            ? [...(list.data ?? [])]
                .sort((a, b) => Number(b.state === 'due') - Number(a.state === 'due') || b.submitted_on.localeCompare(a.submitted_on))
                .map((c) => (
                  <ComplaintCard
                    key={c.id}
                    c={c}
                    options={options.data!}
                    onChanged={list.reload}
                    onEscalate={(p) => {
                      setPrefill(p);
                      setFormKey((k) => k + 1);
                      document.getElementById('fu-add')?.scrollIntoView();
                    }}
                  />
                ))
            : null}
        </Flex>
      </section>
    </div>
  );
}
