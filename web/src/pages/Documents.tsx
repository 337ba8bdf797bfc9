/**
 * 文书: pick a document, answer only the questions the case cannot answer itself, preview it, download
 * it as PDF / DOCX / text, or copy the short text for an online complaint form.
 */
import { useEffect, useMemo, useState } from 'react';
import { App as AntApp, Button, Card, Checkbox, Col, Empty, Flex, Form, Input, Radio, Row, Select } from 'antd';
import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import type { DocumentPreviewReq, DocumentRenderReq } from '../../../src/shared/api.js';
import { download, get, post } from '../api/client.js';
import { documentTypes, type ChannelView, type DocumentList, type DocumentPreview, type LoanView, type MissingField } from '../api/types.js';
import { ErrorNotice, Limits, Loading, PageHeader } from '../components/common.js';
import { Field } from '../components/Field.js';
import { useI18n } from '../i18n/index.js';
import { fenToInput, parseYuan } from '../lib/money.js';
import { useApi, useDebounced, useIsMobile } from '../lib/useApi.js';
import type { PageProps } from '../App.js';

type Answers = Record<string, string>;

function answerValues(missing: MissingField[], answers: Answers): { values: DocumentPreviewReq['answers']; bad: string[] } {
  const kinds = new Map(missing.map((m) => [m.key, m.kind]));
  const values: DocumentPreviewReq['answers'] = {};
  const bad: string[] = [];
  for (const [k, raw] of Object.entries(answers)) {
    const v = raw.trim();
    if (!v) continue;
    const kind = kinds.get(k) ?? 'text';
    if (kind === 'money') {
      // Checked here (exactly, from the string), sent as yuan: the documents read money answers in yuan.
      const fen = parseYuan(v);
      if (fen == null) bad.push(k);
      else values[k] = fenToInput(fen);
    } else if (kind === 'number') {
      const n = Number(v);
      if (!Number.isFinite(n)) bad.push(k);
      else values[k] = n;
    } else values[k] = v;
  }
  return { values, bad };
}

function channelId(c: ChannelView | string): string {
  return typeof c === 'string' ? c : c.id;
}

function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text);
  const ta = document.createElement('textarea');
  ta.value = text;
  document.body.appendChild(ta);
  ta.select();
  document.execCommand('copy');
  ta.remove();
  return Promise.resolve();
}

export default function Documents({ params }: PageProps) {
  const { t, pick, lang } = useI18n();
  const { message } = AntApp.useApp();
  const mobile = useIsMobile();
  const typesRes = useApi((signal) => get<DocumentList>('/api/documents', { signal }), []);
  const types = { ...typesRes, data: typesRes.data ? documentTypes(typesRes.data) : undefined };
  const loans = useApi((signal) => get<LoanView[]>('/api/loans', { signal }).catch(() => [] as LoanView[]), []);
  const [type, setType] = useState(params.get('type') ?? '');
  const [channel, setChannel] = useState(null as string | null);
  const [loanId, setLoanId] = useState(null as number | null);
  const [lenderKey, setLenderKey] = useState(null as string | null);
  const [answers, setAnswers] = useState({} as Answers);
  const [known, setKnown] = useState([] as MissingField[]);
  const [preview, setPreview] = useState(null as DocumentPreview | null);
  const [previewErr, setPreviewErr] = useState(null as unknown);
  const [previewing, setPreviewing] = useState(false);
  const [length, setLength] = useState('full' as 'short' | 'medium' | 'full');
  const [busy, setBusy] = useState(null as string | null);
  const [renderErr, setRenderErr] = useState(null as unknown);
  const [downloaded, setDownloaded] = useState(null as string | null);
  // The person confirms once that they checked the facts; downloads are then the version to send (no draft banner).
  const [confirmed, setConfirmed] = useState(false);

  // Pick the first complaint-like document when arriving from a finding, or the first one.
  useEffect(() => {
    if (type || !types.data?.length) return;
    const complaint = params.get('finding') ? types.data.find((d) => /complaint/.test(d.type)) : undefined;
    setType((complaint ?? types.data[0]!).type);
  }, [types.data, type, params]);

  const info = types.data?.find((d) => d.type === type);
  const needsLoan = [...(info?.needs ?? []), ...(info?.questions ?? [])].some((n) => /loan/.test(n));
  const { values, bad } = useMemo(() => answerValues(known, answers), [known, answers]);
  const req = useMemo(
    (): DocumentPreviewReq | null => (type ? { type, channel, loan_id: type === 'complaint' && lenderKey ? null : loanId, lender: type === 'complaint' ? lenderKey : null, answers: values, lang: lang === 'en' ? 'en' : 'zh' } : null),
    [type, channel, loanId, lenderKey, values, lang],
  );
  const debounced = useDebounced(req, 500);

  useEffect(() => {
    if (!debounced) return;
    let live = true;
    setPreviewing(true);
    post<DocumentPreview>('/api/documents/preview', debounced)
      .then((p) => {
        if (!live) return;
        setPreview(p);
        setPreviewErr(null);
        // Keep every question seen so far, so an answer never disappears from under the person.
        setKnown((prev) => {
          const m = new Map(prev.map((x) => [x.key, x]));
          for (const x of p.missing) m.set(x.key, x);
          return [...m.values()];
        });
        // Answers remembered from earlier documents fill the fields the person has not typed in.
        if (p.answers) setAnswers((a) => ({ ...Object.fromEntries(Object.entries(p.answers ?? {}).filter(([, v]) => v != null && v !== '')), ...a }));
        if (channel == null && p.channel) setChannel(p.channel);
        if (lenderKey == null && p.lender) setLenderKey(p.lender);
      })
      .catch((e: unknown) => live && setPreviewErr(e))
      .finally(() => live && setPreviewing(false));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const missingNow = new Set((preview?.missing ?? []).map((m) => m.key));
  // Only channels a letter can be written for are offered for a complaint: the chosen lender's first (routed to
  // the authority that supervises it), then the case-wide ones.
  const forLender = (preview?.complaints ?? []).find((c) => c.lender === (lenderKey ?? preview?.lender));
  const caseWide = (preview?.channels ?? []).filter((c) => typeof c === 'string' || c.letter !== false);
  const lenderIds = new Set(['lender', '12378', 'local_regulator', 'nifa']);
  const channels = forLender
    ? [...forLender.channels.filter((c) => c.letter !== false), ...caseWide.filter((c) => !lenderIds.has(channelId(c)))]
    : caseWide;
  const selected = channels.find((c) => channelId(c) === (channel ?? preview?.channel));
  const whyHere = selected && typeof selected !== 'string' ? selected.why ?? null : null;
  const title = preview ? pick(preview.title) : '';

  const pickType = (v: string) => {
    setType(v);
    setChannel(null);
    setPreview(null);
    setKnown([]);
    setDownloaded(null);
  };

  const render = async (format: DocumentRenderReq['format']) => {
    if (!req) return;
    setBusy(format);
    setRenderErr(null);
    try {
      const body: DocumentRenderReq = { ...req, format, length: format === 'txt' ? length : undefined, for: confirmed ? 'send' : 'draft' };
      const r = await download('POST', '/api/documents/render', body, `huxun-${type}.${format}`);
      setDownloaded(t('docs.downloaded.version', { name: r.name, version: t(confirmed ? 'docs.version.send' : 'docs.version.draft') }));
    } catch (e) {
      setRenderErr(e);
    } finally {
      setBusy(null);
    }
  };


  return (
    <div className="page page-documents">
      <PageHeader title={t('docs.title')} sub={t('docs.sub')} />
      {types.loading && !types.data ? <Loading /> : null}
      <ErrorNotice error={types.error} onRetry={types.reload} />
      {types.data && !types.data.length ? <Empty description={t('docs.none')} /> : null}
      {types.data?.length ? (
        <Card size="small" title={<h2 className="card-h">{t('docs.pick')}</h2>}>
          <Radio.Group value={type} onChange={(e) => pickType(e.target.value as string)} className="doc-types" aria-label={t('docs.pick')}>
            {types.data.map((d) => (
              <Radio key={d.type} value={d.type} className="doc-type">
                <strong>{pick(d.title)}</strong>
                {d.description ? <span className="muted small"> {pick(d.description)}</span> : null}
              </Radio>
            ))}
          </Radio.Group>
        </Card>
      ) : null}

      {type ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <Card size="small" title={<h2 className="card-h">{t('docs.questions')}</h2>}>
              <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()}>
                {type === 'complaint' && (preview?.complaints?.length ?? 0) > 0 ? (
                  <Field id="doc-lender" label={t('docs.lender')} hint={t('docs.lender.hint')}>
                    <Select
                      id="doc-lender"
                      value={lenderKey ?? undefined}
                      onChange={(v) => {
                        setLenderKey(v);
                        setChannel(null);
                      }}
                      options={(preview?.complaints ?? []).map((c) => ({ value: c.lender, label: `${pick(c.name)}${c.regulator ? ` · ${c.regulator}` : ''}` }))}
                    />
                  </Field>
                ) : null}
                {channels.length ? (
                  <Field id="doc-channel" label={t('docs.channel')} hint={t('docs.channel.hint')}>
                    <Select
                      id="doc-channel"
                      value={channel ?? undefined}
                      onChange={setChannel}
                      options={channels.map((c) => ({ value: channelId(c), label: typeof c === 'string' ? c : `${pick(c.name)}${c.contact ? ` · ${c.contact}` : ''}` }))}
                    />
                  </Field>
                ) : null}
                {whyHere ? (
                  <p className="muted small" data-testid="channel-why">
                    <strong>{t('docs.why')}</strong>
                    {pick(whyHere)}
                  </p>
                ) : null}
                {needsLoan || (loans.data?.length ?? 0) > 0 ? (
                  <Field id="doc-loan" label={t('docs.loan')} hint={t('docs.loan.hint')}>
                    <Select
                      id="doc-loan"
                      allowClear
                      value={loanId ?? undefined}
                      onChange={(v) => setLoanId(v ?? null)}
                      options={(loans.data ?? []).map((l) => ({ value: l.loan.id, label: `${l.loan.lenderName} · ${l.loan.contractDate}` }))}
                    />
                  </Field>
                ) : null}
                {known.length ? <p className="muted small">{t('docs.questions.hint')}</p> : preview ? <p className="ok-text">{t('docs.questions.none')}</p> : null}
                {known.map((m) => {
                  const id = `doc-a-${m.key}`;
                  const v = answers[m.key] ?? '';
                  const set = (x: string) => setAnswers((a) => ({ ...a, [m.key]: x }));
                  const answered = !missingNow.has(m.key);
                  return (
                    <Field key={m.key} id={id} label={pick(m.label)} required={m.required} error={bad.includes(m.key) ? t(m.kind === 'money' ? 'docs.bad.money' : 'docs.bad.number') : null} hint={answered && v ? t('docs.answered') : m.hint ? pick(m.hint) : undefined}>
                      {m.kind === 'date' ? (
                        <Input id={id} type="date" value={v} onChange={(e) => set(e.target.value)} />
                      ) : m.kind === 'money' ? (
                        <Input id={id} inputMode="decimal" value={v} onChange={(e) => set(e.target.value)} suffix={t('common.yuan')} />
                      ) : m.kind === 'number' ? (
                        <Input id={id} inputMode="numeric" value={v} onChange={(e) => set(e.target.value)} />
                      ) : (
                        <Input.TextArea id={id} value={v} onChange={(e) => set(e.target.value)} autoSize={{ minRows: 1, maxRows: 6 }} />
                      )}
                    </Field>
                  );
                })}
              </Form>
              <h3 className="sub-h">{t('docs.download')}</h3>
              <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="doc-confirm">
                {t('docs.confirm')}
              </Checkbox>
              <p className="muted small">{t('docs.confirm.hint')}</p>
              <Flex gap={8} wrap>
                <Button type="primary" icon={<DownloadOutlined />} loading={busy === 'pdf'} onClick={() => render('pdf')} data-testid="doc-pdf">
                  {t('docs.pdf')}
                </Button>
                <Button icon={<DownloadOutlined />} loading={busy === 'docx'} onClick={() => render('docx')}>
                  {t('docs.docx')}
                </Button>
              </Flex>
              <Flex gap={8} wrap align="center" className="txt-row">
                <Select
                  aria-label={t('docs.length')}
                  value={length}
                  onChange={setLength}
                  options={[
                    { value: 'short', label: t('docs.length.short') },
                    { value: 'medium', label: t('docs.length.medium') },
                    { value: 'full', label: t('docs.length.full') },
                  ]}
                  style={{ minWidth: 140 }}
                />
                <Button icon={<DownloadOutlined />} loading={busy === 'txt'} onClick={() => render('txt')}>
                  {t('docs.txt')}
                </Button>
              </Flex>
              {downloaded ? <p className="ok-text">{downloaded}</p> : null}
              <ErrorNotice error={renderErr} />
              {preview?.short_text ? (
                <div className="short-text">
                  <h3 className="sub-h">{t('docs.short')}</h3>
                  <p className="muted small">{t('docs.short.hint', { n: Array.from(preview.short_text).length })}</p>
                  <Input.TextArea value={preview.short_text} readOnly autoSize={{ minRows: 3, maxRows: 10 }} aria-label={t('docs.short')} />
                  <Button
                    icon={<CopyOutlined />}
                    onClick={() =>
                      copyText(preview.short_text ?? '').then(
                        () => message.success(t('docs.copied')),
                        () => message.error(t('docs.copyFailed')),
                      )
                    }
                  >
                    {t('docs.copy')}
                  </Button>
                </div>
              ) : null}
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card size="small" title={<h2 className="card-h">{title || t('docs.preview')}</h2>} extra={previewing ? <span className="muted small">{t('docs.updating')}</span> : null}>
              <ErrorNotice error={previewErr} />
              {preview ? (
                <iframe className="doc-preview" title={t('docs.preview')} sandbox="" srcDoc={preview.html} style={{ height: mobile ? 480 : 720 }} />
              ) : !previewErr ? (
                <Loading />
              ) : null}
            </Card>
          </Col>
        </Row>
      ) : null}
      <Limits extra="limits.documents" />
    </div>
  );
}
