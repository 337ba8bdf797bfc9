/**
 * 亲友: who among the person's contacts was reached by collectors, a note to send them, a statement they
 * can sign, and a form to record what a contact reports ("someone called me about your debt").
 */
import { useRef, useState } from 'react';
import { App as AntApp, Button, Card, Col, Empty, Flex, Form, Input, Row, Select, Switch, Tag } from 'antd';
import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import type { DocumentRenderReq, ReportContactReq } from '../../../src/shared/api.js';
import { download, get, post, postForText, query } from '../api/client.js';
import { call } from '../api/typed.js';
import { documentTypes, type ContactView, type DocumentList, type DocumentType } from '../api/types.js';
import { ErrorNotice, Limits, Loading, PageHeader } from '../components/common.js';
import { Field } from '../components/Field.js';
import { useI18n, type MsgKey } from '../i18n/index.js';
import { nowLocalMinute } from '../lib/format.js';
import { useApi } from '../lib/useApi.js';
import type { PageProps } from '../App.js';

const REPORT_KINDS = ['call', 'sms', 'im', 'visit'] as const;

interface ReportForm {
  contact: string;
  number: string;
  at: string;
  kind: (typeof REPORT_KINDS)[number];
  text: string;
  relation: string;
  guarantor: boolean;
}

function emptyReport(): ReportForm {
  return { contact: '', number: '', at: nowLocalMinute(), kind: 'call', text: '', relation: '', guarantor: false };
}

function copy(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text);
  return Promise.reject(new Error('clipboard unavailable'));
}

function ReportContact({ form, setForm, onSaved }: { form: ReportForm; setForm(f: ReportForm): void; onSaved(): void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const set = <K extends keyof ReportForm>(k: K, v: ReportForm[K]) => setForm({ ...form, [k]: v });
  const [tried, setTried] = useState(false);
  const [err, setErr] = useState(null as unknown);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setTried(true);
    setErr(null);
    if (!form.contact.trim() || !form.at) return;
    setSaving(true);
    try {
      const body: ReportContactReq = {
        contact: form.contact.trim(),
        number: form.number.trim() || null,
        at: form.at.length === 16 ? `${form.at}:00` : form.at,
        text: form.text.trim() || null,
        kind: form.kind,
        relation: form.relation.trim() || null,
        guarantor: form.guarantor,
      };
      await post('/api/contacts/report', body);
      message.success(t('contacts.report.done'));
      setForm(emptyReport());
      setTried(false);
      onSaved();
    } catch (e) {
      setErr(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()}>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Field id="rc-contact" label={t('contacts.report.contact')} required error={tried && !form.contact.trim() ? t('contacts.report.contact.err') : null} hint={t('contacts.report.contact.hint')}>
            <Input id="rc-contact" value={form.contact} onChange={(e) => set('contact', e.target.value)} autoComplete="off" />
          </Field>
        </Col>
        <Col xs={24} sm={12}>
          <Field id="rc-relation" label={t('contacts.report.relation')}>
            <Input id="rc-relation" value={form.relation} onChange={(e) => set('relation', e.target.value)} placeholder={t('contacts.report.relation.ph')} />
          </Field>
        </Col>
        <Col xs={24} sm={12}>
          <Field id="rc-at" label={t('contacts.report.at')} required error={tried && !form.at ? t('contacts.report.at.err') : null}>
            <Input id="rc-at" type="datetime-local" value={form.at} onChange={(e) => set('at', e.target.value)} />
          </Field>
        </Col>
        <Col xs={24} sm={12}>
          <Field id="rc-kind" label={t('contacts.report.kind')}>
            <Select id="rc-kind" value={form.kind} onChange={(v) => set('kind', v)} options={REPORT_KINDS.map((k) => ({ value: k, label: t(`contacts.report.kind.${k}` as MsgKey) }))} />
          </Field>
        </Col>
        <Col xs={24} sm={12}>
          <Field id="rc-number" label={t('contacts.report.number')} hint={t('contacts.report.number.hint')}>
            <Input id="rc-number" inputMode="tel" value={form.number} onChange={(e) => set('number', e.target.value)} />
          </Field>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('contacts.report.guarantor')} htmlFor="rc-guarantor">
            <Switch id="rc-guarantor" checked={form.guarantor} onChange={(v) => set('guarantor', v)} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Field id="rc-text" label={t('contacts.report.text')} hint={t('contacts.report.text.hint')}>
            <Input.TextArea id="rc-text" value={form.text} onChange={(e) => set('text', e.target.value)} autoSize={{ minRows: 3, maxRows: 8 }} />
          </Field>
        </Col>
      </Row>
      <ErrorNotice error={err} />
      <Button type="primary" onClick={save} loading={saving}>
        {t('contacts.report.save')}
      </Button>
    </Form>
  );
}

/** The note to send a contact, and the statement they can sign: from the document templates when the app has them. */
function ContactLetters({ contact, docs }: { contact: ContactView; docs: DocumentType[] }) {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const noteDoc = docs.find((d) => /note|notice|letter_to_contact|contact_letter/.test(d.type));
  const statementDoc = docs.find((d) => /statement|declaration/.test(d.type));
  const answers = {};
  const who = contact.name || contact.numbers[0] || null;
  const note = useApi(async () => {
    if (!noteDoc) return t('contacts.note.template', { name: contact.name });
    // The app's own note (built from the case), as plain text ready to paste into a chat.
    const text = await postForText('/api/documents/render', { type: noteDoc.type, contact: who, answers, format: 'txt', lang: lang === 'en' ? 'en' : 'zh' } satisfies DocumentRenderReq);
    return text.trim() || t('contacts.note.template', { name: contact.name });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [contact.id, noteDoc?.type, lang]);
  const [err, setErr] = useState<unknown>(null);
  const render = async (format: DocumentRenderReq['format']) => {
    if (!statementDoc) return;
    setErr(null);
    try {
      await download('POST', '/api/documents/render', { type: statementDoc.type, contact: who, answers, format, lang: lang === 'en' ? 'en' : 'zh' } satisfies DocumentRenderReq, `statement-${contact.id}.${format}`);
    } catch (e) {
      setErr(e);
    }
  };
  const statement = t('contacts.statement.template', { name: contact.name });
  return (
    <div className="contact-letters">
      <h4 className="mini-h">{t('contacts.note')}</h4>
      {note.loading ? <p className="muted">{t('common.loading')}</p> : <Input.TextArea readOnly value={note.data ?? t('contacts.note.template', { name: contact.name })} autoSize={{ minRows: 3, maxRows: 8 }} aria-label={t('contacts.note')} />}
      <Button size="small" icon={<CopyOutlined />} onClick={() => copy(note.data ?? '').then(() => message.success(t('docs.copied')), () => message.error(t('docs.copyFailed')))}>
        {t('contacts.note.copy')}
      </Button>
      <h4 className="mini-h">{t('contacts.statement')}</h4>
      <p className="muted small">{t('contacts.statement.hint')}</p>
      {statementDoc ? (
        <Flex gap={8} wrap>
          <Button size="small" icon={<DownloadOutlined />} onClick={() => render('pdf')}>
            {t('docs.pdf')}
          </Button>
          <Button size="small" icon={<DownloadOutlined />} onClick={() => render('docx')}>
            {t('docs.docx')}
          </Button>
        </Flex>
      ) : (
        <>
          <Input.TextArea readOnly value={statement} autoSize={{ minRows: 4, maxRows: 12 }} aria-label={t('contacts.statement')} />
          <Button size="small" icon={<CopyOutlined />} onClick={() => copy(statement).then(() => message.success(t('docs.copied')), () => message.error(t('docs.copyFailed')))}>
            {t('contacts.statement.copy')}
          </Button>
        </>
      )}
      <ErrorNotice error={err} />
    </div>
  );
}

export default function Contacts(_props: PageProps) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const res = useApi((signal) => call('GET /contacts', { query: { touched: all ? undefined : 'true' }, signal }), [all]);
  const docs = useApi((signal) => get<DocumentList>('/api/documents', { signal }).then(documentTypes, () => [] as DocumentType[]), []);
  const [open, setOpen] = useState(null as number | null);
  const [form, setForm] = useState(emptyReport);
  const formRef = useRef(null as HTMLDivElement | null);

  const reportFor = (c: ContactView) => {
    setForm({ ...form, contact: c.name || c.numbers[0] || '', relation: c.relation ?? form.relation, guarantor: c.is_guarantor });
    formRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  return (
    <div className="page page-contacts">
      <PageHeader title={t('contacts.title')} sub={t('contacts.sub')} />
      <Card size="small" className="calm-card">
        <p>{t('contacts.calm')}</p>
      </Card>
      <Flex align="center" gap={8} className="toggle-row">
        <Switch id="contacts-all" checked={all} onChange={setAll} />
        <label htmlFor="contacts-all">{t('contacts.showAll')}</label>
      </Flex>
      {res.loading && !res.data ? <Loading /> : null}
      <ErrorNotice error={res.error} onRetry={res.reload} />
      {res.data && !res.data.length ? <Empty description={t(all ? 'contacts.empty.all' : 'contacts.empty')} /> : null}
      <Row gutter={[12, 12]}>
        {(res.data ?? []).map((c) => (
          <Col xs={24} md={12} key={c.id}>
            <Card size="small" className="contact-card" data-contact={c.id} title={<h2 className="card-h">{c.name || c.numbers[0]}</h2>}>
              <Flex gap={6} wrap>
                {c.touched ? <Tag color="red">{t('contacts.touched', { n: c.events.length })}</Tag> : <Tag>{t('contacts.untouched')}</Tag>}
                {c.relation ? <Tag>{c.relation}</Tag> : null}
                {c.is_guarantor ? <Tag color="orange">{t('contacts.guarantor')}</Tag> : null}
              </Flex>
              <p className="muted small">{c.numbers.join('，')}</p>
              <Flex gap={8} wrap>
                <Button size="small" onClick={() => setOpen(open === c.id ? null : c.id)} aria-expanded={open === c.id}>
                  {t(open === c.id ? 'contacts.letters.hide' : 'contacts.letters')}
                </Button>
                <Button size="small" onClick={() => reportFor(c)}>
                  {t('contacts.report.for')}
                </Button>
              </Flex>
              {open === c.id ? <ContactLetters contact={c} docs={docs.data ?? []} /> : null}
            </Card>
          </Col>
        ))}
      </Row>
      <div ref={formRef}>
        <Card size="small" title={<h2 className="card-h">{t('contacts.report')}</h2>} className="report-card">
          <p className="muted small">{t('contacts.report.hint')}</p>
          <ReportContact form={form} setForm={setForm} onSaved={res.reload} />
        </Card>
      </div>
      <Limits extra="limits.contacts" />
    </div>
  );
}
