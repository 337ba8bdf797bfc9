/**
 * 证据: the evidence chain's state, the attachments (recordings, screenshots), adding one, exporting a
 * bundle to hand over, and verifying a bundle.
 */
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Checkbox, Col, Form, Input, Progress, Row, Select, Table, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { ExportBundleReq } from '../../../src/shared/api.js';
import { ApiError, download, get, uploadFile } from '../api/client.js';
import { call } from '../api/typed.js';
import type { StoredAttachmentView } from '../../../src/shared/views.js';
import type { VerifyResult } from '../api/types.js';
import { ErrorNotice, Limits, Loading, PageHeader } from '../components/common.js';
import { Field } from '../components/Field.js';
import { useI18n } from '../i18n/index.js';
import { formatAt, formatBytes } from '../lib/format.js';
import { useApi } from '../lib/useApi.js';
import type { PageProps } from '../App.js';

/** The server's answer when a bundle is encrypted: details.bundle_passphrase says whether one is needed or was wrong. */
function bundlePassphraseProblem(e: unknown): 'needed' | 'wrong' | null {
  if (!(e instanceof ApiError) || e.status !== 400) return null;
  const p = (e.details as { bundle_passphrase?: unknown } | null | undefined)?.bundle_passphrase;
  return p === 'needed' || p === 'wrong' ? p : null;
}

const MIN_BUNDLE_PASS = 6;

function AddAttachment({ eventId, onAdded }: { eventId: string; onAdded(): void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const contacts = useApi((signal) => call('GET /contacts', { signal }), []);
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [event, setEvent] = useState(eventId);
  const [source, setSource] = useState('user');
  const [progress, setProgress] = useState<number | null>(null);
  const [err, setErr] = useState<unknown>(null);

  const send = async () => {
    if (!file) {
      setErr(new Error(t('ev.add.needFile')));
      return;
    }
    setErr(null);
    setProgress(0);
    try {
      const headers: Record<string, string> = { 'x-source': source };
      if (note.trim()) headers['x-note'] = encodeURIComponent(note.trim());
      if (event.trim()) headers['x-event-id'] = event.trim();
      await uploadFile('/api/evidence', file, headers, (p) => setProgress(p.total ? Math.floor((p.loaded / p.total) * 100) : 0));
      message.success(t('ev.add.done'));
      setFile(null);
      setNote('');
      onAdded();
    } catch (e) {
      setErr(e);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()}>
      <Upload
        beforeUpload={(f) => {
          setFile(f);
          return Upload.LIST_IGNORE;
        }}
        showUploadList={false}
        accept="audio/*,image/*,video/*,application/pdf,.amr,.m4a,.mp3,.wav,.jpg,.jpeg,.png,.heic,.pdf"
      >
        <Button icon={<UploadOutlined />}>{t('ev.add.pick')}</Button>
      </Upload>
      <p className="picked">{file ? t('ev.add.picked', { name: file.name, size: formatBytes(file.size) }) : t('ev.add.none')}</p>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Field id="ev-note" label={t('ev.add.note')} hint={t('ev.add.note.hint')}>
            <Input.TextArea id="ev-note" value={note} onChange={(e) => setNote(e.target.value)} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Field>
        </Col>
        <Col xs={12} sm={6}>
          <Field id="ev-source" label={t('ev.add.source')}>
            <Select
              id="ev-source"
              value={source}
              onChange={setSource}
              options={[{ value: 'user', label: t('ev.add.source.me') }, ...(contacts.data ?? []).map((c) => ({ value: `contact:${c.id}`, label: t('ev.add.source.contact', { name: c.name }) }))]}
            />
          </Field>
        </Col>
        <Col xs={12} sm={6}>
          <Field id="ev-event" label={t('ev.add.event')} hint={t('ev.add.event.hint')}>
            <Input id="ev-event" inputMode="numeric" value={event} onChange={(e) => setEvent(e.target.value.replace(/\D/g, ''))} />
          </Field>
        </Col>
      </Row>
      {progress != null ? <Progress percent={progress} size="small" aria-label={t('ev.add.progress')} /> : null}
      <ErrorNotice error={err} />
      <Button type="primary" onClick={send} disabled={progress != null}>
        {t('ev.add.save')}
      </Button>
    </Form>
  );
}

export default function Evidence({ params }: PageProps) {
  const { t } = useI18n();
  const res = useApi((signal) => call('GET /evidence', { signal }), []);
  const [redact, setRedact] = useState(true);
  const [exporting, setExporting] = useState(false);
  const [exportErr, setExportErr] = useState<unknown>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [encrypt, setEncrypt] = useState(false);
  const [bundlePass, setBundlePass] = useState('');
  const [exportTried, setExportTried] = useState(false);
  const [verify, setVerify] = useState<{ file: File; result?: VerifyResult; err?: unknown; progress?: number; pass?: 'needed' | 'wrong' } | null>(null);
  const [verifyPass, setVerifyPass] = useState('');

  const passTooShort = encrypt && !(bundlePass.length >= MIN_BUNDLE_PASS);
  const exportBundle = async () => {
    setExportTried(true);
    setExportErr(null);
    if (passTooShort) return;
    setExporting(true);
    try {
      const body: ExportBundleReq = { redact_third_parties: redact, ...(encrypt ? { encrypt_passphrase: bundlePass } : {}) };
      const r = await download('POST', '/api/export/bundle', body, encrypt ? 'huxun-evidence.zip.hxseal' : 'huxun-evidence.zip');
      setExported(t('ev.export.done', { name: r.name, size: formatBytes(r.size) }));
    } catch (e) {
      setExportErr(e);
    } finally {
      setExporting(false);
    }
  };

  /** Verifies a bundle; an encrypted one is sent again with the passphrase the person types when the server asks. */
  const verifyFile = async (f: File, passphrase?: string) => {
    setVerify({ file: f, progress: 0 });
    const headers: Record<string, string> = passphrase ? { 'x-bundle-passphrase': encodeURIComponent(passphrase) } : {};
    try {
      const result = await uploadFile<VerifyResult>('/api/verify', f, headers, (p) => setVerify({ file: f, progress: p.total ? Math.floor((p.loaded / p.total) * 100) : 0 }));
      setVerify({ file: f, result });
      setVerifyPass('');
    } catch (e) {
      const need = bundlePassphraseProblem(e);
      if (need) setVerify({ file: f, pass: passphrase ? 'wrong' : need });
      else setVerify({ file: f, err: e });
    }
  };

  const chain = res.data?.chain;
  const attachments = res.data?.attachments ?? [];
  const problem = chain?.problem == null ? '' : typeof chain.problem === 'string' ? chain.problem : t('ev.chain.problemAt', { seq: chain.problem.seq ?? '?', reason: chain.problem.reason ?? '' });
  return (
    <div className="page page-evidence">
      <PageHeader title={t('ev.title')} sub={t('ev.sub')} />
      {res.loading && !res.data ? <Loading /> : null}
      <ErrorNotice error={res.error} onRetry={res.reload} />
      {chain ? (
        <Alert
          type={chain.ok ? 'success' : 'error'}
          showIcon
          title={chain.ok ? t('ev.chain.ok', { n: chain.count }) : t('ev.chain.bad')}
          description={
            <div>
              <p>{chain.ok ? t('ev.chain.ok.explain') : problem}</p>
              {chain.head ? (
                <p className="mono small">
                  {t('ev.chain.head')}
                  {chain.head}
                </p>
              ) : null}
            </div>
          }
        />
      ) : null}

      <Card title={<h2 className="card-h">{t('ev.list')}</h2>} size="small">
        <Table<StoredAttachmentView>
          size="small"
          rowKey="sha256"
          dataSource={attachments}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: true }}
          locale={{ emptyText: <span className="muted">{t('ev.list.empty')}</span> }}
          columns={[
            { title: t('ev.col.name'), dataIndex: 'name', render: (v: string | null, r) => (<span>{v ?? r.sha256.slice(0, 12)}<br /><span className="muted small mono">{r.sha256.slice(0, 16)}…</span></span>) },
            { title: t('ev.col.size'), dataIndex: 'size', render: (v: number) => formatBytes(v) },
            { title: t('ev.col.received'), dataIndex: 'received_at', render: (v: number) => formatAt(v) },
            { title: t('ev.col.source'), dataIndex: 'source', render: (v: string | null) => (v && v.startsWith('contact:') ? t('ev.col.source.contact') : t('ev.col.source.me')) },
            { title: t('ev.col.note'), dataIndex: 'note', render: (v: string | null, r) => (<span>{v ?? ''}{r.event_id != null ? <span className="muted small"> {t('ev.col.event', { id: r.event_id })}</span> : null}</span>) },
          ]}
        />
      </Card>

      <Card title={<h2 className="card-h">{t('ev.add')}</h2>} size="small">
        <p className="muted small">{t('ev.add.hint')}</p>
        <AddAttachment eventId={params.get('event') ?? ''} onAdded={res.reload} />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card title={<h2 className="card-h">{t('ev.export')}</h2>} size="small">
            <p>{t('ev.export.hint')}</p>
            <Checkbox checked={redact} onChange={(e) => setRedact(e.target.checked)}>
              {t('ev.export.redact')}
            </Checkbox>
            <p className="muted small">{t('ev.export.redact.hint')}</p>
            <Checkbox checked={encrypt} onChange={(e) => setEncrypt(e.target.checked)}>
              {t('ev.export.encrypt')}
            </Checkbox>
            <p className="muted small">{t('ev.export.encrypt.hint')}</p>
            {encrypt ? (
              <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()}>
                <Field id="ev-bundle-pass" label={t('ev.export.pass')} error={exportTried && passTooShort ? t('ev.export.pass.short') : null}>
                  <Input.Password id="ev-bundle-pass" value={bundlePass} onChange={(e) => setBundlePass(e.target.value)} autoComplete="new-password" maxLength={1024} />
                </Field>
              </Form>
            ) : null}
            <Button type="primary" icon={<DownloadOutlined />} loading={exporting} onClick={exportBundle}>
              {t('ev.export.go')}
            </Button>
            {exported ? <p className="ok-text">{exported}</p> : null}
            <ErrorNotice error={exportErr} />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={<h2 className="card-h">{t('ev.verify')}</h2>} size="small">
            <p>{t('ev.verify.hint')}</p>
            <Upload
              accept=".zip,.hxseal,application/zip"
              showUploadList={false}
              beforeUpload={(f) => {
                void verifyFile(f);
                return Upload.LIST_IGNORE;
              }}
            >
              <Button icon={<UploadOutlined />}>{t('ev.verify.pick')}</Button>
            </Upload>
            {verify?.progress != null ? <Progress percent={verify.progress} size="small" aria-label={t('ev.verify')} /> : null}
            {verify?.pass ? (
              <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()} className="verify-pass">
                <Alert type={verify.pass === 'wrong' ? 'warning' : 'info'} showIcon title={t('ev.verify.pass.title')} description={t(verify.pass === 'wrong' ? 'ev.verify.pass.wrong' : 'ev.verify.pass.body')} />
                <Field id="ev-verify-pass" label={t('ev.verify.pass.label')}>
                  <Input.Password
                    id="ev-verify-pass"
                    value={verifyPass}
                    onChange={(e) => setVerifyPass(e.target.value)}
                    onPressEnter={() => verifyPass && void verifyFile(verify.file, verifyPass)}
                    autoComplete="off"
                    maxLength={1024}
                  />
                </Field>
                <Button type="primary" disabled={!verifyPass} onClick={() => void verifyFile(verify.file, verifyPass)}>
                  {t('ev.verify.pass.ok')}
                </Button>
              </Form>
            ) : null}
            {verify?.result ? (
              <Alert
                className="verify-result"
                type={verify.result.ok ? 'success' : 'error'}
                showIcon
                title={verify.result.ok ? t('ev.verify.ok', { records: verify.result.records ?? 0, attachments: verify.result.attachments ?? 0 }) : t('ev.verify.bad')}
                description={verify.result.ok ? undefined : (verify.result.message ?? verify.result.problem ?? undefined)}
              />
            ) : null}
            {verify?.err ? <ErrorNotice error={verify.err} /> : null}
          </Card>
        </Col>
      </Row>
      <Limits extra="limits.evidence" />
    </div>
  );
}
