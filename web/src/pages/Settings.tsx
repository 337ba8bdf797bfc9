/**
 * 设置: language, quiet mode, the data folder, backup and restore, and an optional passphrase for the
 * app's own data file.
 */
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Descriptions, Flex, Form, Input, Progress, Segmented, Switch, Table, Tag, Upload } from 'antd';
import { DownloadOutlined, RollbackOutlined, UploadOutlined } from '@ant-design/icons';
import type { PassphraseReq, RestorePointView, RollbackReq } from '../../../src/shared/api.js';
import { download, get, post, uploadFile } from '../api/client.js';
import { call } from '../api/typed.js';
import { ErrorNotice, Limits, Loading, PageHeader } from '../components/common.js';
import { Field } from '../components/Field.js';
import { useI18n, type Lang } from '../i18n/index.js';
import { formatAt, formatBytes } from '../lib/format.js';
import { useSettings } from '../lib/settings.js';
import { useApi } from '../lib/useApi.js';
import type { PageProps } from '../App.js';

export default function Settings(_props: PageProps) {
  const { t, lang, setLang } = useI18n();
  const { message, modal } = AntApp.useApp();
  const { settings, update, reload } = useSettings();
  const [err, setErr] = useState<unknown>(null);
  const [pass, setPass] = useState({ a: '', b: '' });
  const [passErr, setPassErr] = useState<unknown>(null);
  const [passTried, setPassTried] = useState(false);
  const [passSaving, setPassSaving] = useState(false);
  const [backupErr, setBackupErr] = useState<unknown>(null);
  const [backupMsg, setBackupMsg] = useState<string | null>(null);
  const [restore, setRestore] = useState<{ file: File; progress: number | null; err?: unknown; done?: boolean; staged?: boolean } | null>(null);
  const points = useApi((signal) => call('GET /restore-points', { signal }), []);
  const [rollback, setRollback] = useState<{ name: string; busy?: boolean; err?: unknown; staged?: boolean } | null>(null);

  const changeLang = async (l: Lang) => {
    setLang(l);
    try {
      setErr(null);
      await update({ lang: l === 'en' ? 'en' : 'zh' });
    } catch (e) {
      setErr(e);
    }
  };
  const changeQuiet = async (v: boolean) => {
    try {
      setErr(null);
      await update({ quiet_mode: v });
    } catch (e) {
      setErr(e);
    }
  };

  const passMismatch = pass.a !== pass.b;
  const savePass = async () => {
    setPassTried(true);
    setPassErr(null);
    if (passMismatch || pass.a.length < 6) return;
    setPassSaving(true);
    try {
      const body: PassphraseReq = { passphrase: pass.a };
      await post('/api/settings/passphrase', body);
      message.success(t('settings.pass.done'));
      setPass({ a: '', b: '' });
      setPassTried(false);
      reload();
    } catch (e) {
      setPassErr(e);
    } finally {
      setPassSaving(false);
    }
  };

  const backup = async () => {
    setBackupErr(null);
    try {
      const r = await download('GET', '/api/backup', undefined, 'huxun-backup.db');
      setBackupMsg(t('settings.backup.done', { name: r.name, size: formatBytes(r.size) }));
    } catch (e) {
      setBackupErr(e);
    }
  };

  const doRestore = async (file: File) => {
    setRestore({ file, progress: 0 });
    try {
      const r = await uploadFile<{ staged?: boolean }>('/api/restore', file, {}, (p) => setRestore({ file, progress: p.total ? Math.floor((p.loaded / p.total) * 100) : 0 }));
      setRestore({ file, progress: null, done: true, staged: Boolean(r?.staged) });
      reload();
    } catch (e) {
      setRestore({ file, progress: null, err: e });
    }
  };

  const confirmRestore = (file: File) =>
    modal.confirm({
      title: t('settings.restore.confirm.title'),
      content: t('settings.restore.confirm.body', { name: file.name }),
      okText: t('settings.restore.confirm.ok'),
      cancelText: t('common.cancel'),
      onOk: () => doRestore(file),
    });

  const doRollback = async (p: RestorePointView) => {
    setRollback({ name: p.name, busy: true });
    try {
      const body: RollbackReq = { name: p.name };
      const r = await post<{ staged?: boolean }>('/api/restore-points/rollback', body);
      setRollback({ name: p.name, staged: Boolean(r?.staged) });
    } catch (e) {
      setRollback({ name: p.name, err: e });
      points.reload();
    }
  };

  const confirmRollback = (p: RestorePointView) =>
    modal.confirm({
      title: t('settings.points.confirm.title'),
      content: t('settings.points.confirm.body', { at: formatAt(Date.parse(p.at)) }),
      okText: t('settings.points.confirm.ok'),
      cancelText: t('common.cancel'),
      onOk: () => doRollback(p),
    });

  return (
    <div className="page page-settings">
      <PageHeader title={t('settings.title')} sub={t('settings.sub')} />
      <ErrorNotice error={err} />
      <Card size="small" title={<h2 className="card-h">{t('settings.lang')}</h2>}>
        <Segmented
          aria-label={t('settings.lang')}
          value={lang}
          onChange={(v) => void changeLang(v as Lang)}
          options={[
            { value: 'zh-CN', label: t('settings.lang.zh') },
            { value: 'en', label: t('settings.lang.en') },
          ]}
        />
      </Card>
      <Card size="small" title={<h2 className="card-h">{t('settings.quiet')}</h2>}>
        <Flex align="center" gap={8}>
          <Switch id="set-quiet" checked={Boolean(settings?.quiet_mode)} onChange={(v) => void changeQuiet(v)} />
          <label htmlFor="set-quiet">{t('settings.quiet.label')}</label>
        </Flex>
        <p className="muted small">{t('settings.quiet.hint')}</p>
      </Card>
      <Card size="small" title={<h2 className="card-h">{t('settings.data')}</h2>}>
        {settings ? (
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('settings.data.dir')}>
              <span className="mono">{settings.data_dir}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('settings.data.tz')}>{settings.tz}</Descriptions.Item>
            <Descriptions.Item label={t('settings.data.encrypted')}>{t(settings.encrypted ? 'settings.data.encrypted.yes' : 'settings.data.encrypted.no')}</Descriptions.Item>
          </Descriptions>
        ) : (
          <Loading />
        )}
        <p className="muted small">{t('settings.data.hint')}</p>
      </Card>
      <Card size="small" title={<h2 className="card-h">{t('settings.backup')}</h2>}>
        <p>{t('settings.backup.hint')}</p>
        <Flex gap={8} wrap>
          <Button icon={<DownloadOutlined />} onClick={backup}>
            {t('settings.backup.go')}
          </Button>
          <Upload
            showUploadList={false}
            beforeUpload={(f) => {
              confirmRestore(f);
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<UploadOutlined />}>{t('settings.restore.go')}</Button>
          </Upload>
        </Flex>
        {backupMsg ? <p className="ok-text">{backupMsg}</p> : null}
        <ErrorNotice error={backupErr} />
        {restore?.progress != null ? <Progress percent={restore.progress} size="small" aria-label={t('settings.restore.go')} /> : null}
        {restore?.done ? <Alert type="success" showIcon title={t(restore.staged ? 'settings.restore.staged' : 'settings.restore.done')} /> : null}
        {restore?.err ? <ErrorNotice error={restore.err} /> : null}
      </Card>
      <Card size="small" title={<h2 className="card-h">{t('settings.points')}</h2>}>
        <p className="muted small">{t('settings.points.hint')}</p>
        <ErrorNotice error={points.error} onRetry={points.reload} />
        <Table<RestorePointView>
          size="small"
          rowKey="name"
          loading={points.loading && !points.data}
          dataSource={points.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: true }}
          locale={{ emptyText: <span className="muted">{t('settings.points.empty')}</span> }}
          columns={[
            {
              title: t('settings.points.at'),
              dataIndex: 'at',
              // Local time: the ISO string is UTC.
              render: (v: string, r) => (
                <span>
                  {formatAt(Date.parse(v))}
                  {r.encrypted ? <> <Tag>{t('settings.points.encrypted')}</Tag></> : null}
                </span>
              ),
            },
            { title: t('settings.points.size'), dataIndex: 'bytes', render: (v: number) => formatBytes(v) },
            {
              title: '',
              key: 'go',
              render: (_v, r) => (
                <Button size="small" icon={<RollbackOutlined />} loading={rollback?.name === r.name && rollback.busy} onClick={() => confirmRollback(r)}>
                  {t('settings.points.go')}
                </Button>
              ),
            },
          ]}
        />
        {rollback?.staged ? <Alert type="success" showIcon title={t('settings.points.staged')} /> : null}
        {rollback?.err ? <ErrorNotice error={rollback.err} /> : null}
      </Card>
      <Card size="small" title={<h2 className="card-h">{t('settings.pass')}</h2>}>
        <Alert type="info" showIcon title={t('settings.pass.never')} />
        <p>{t('settings.pass.hint')}</p>
        <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()} className="pass-form">
          <Field id="set-pass-a" label={t('settings.pass.a')} error={passTried && pass.a.length < 6 ? t('settings.pass.short') : null}>
            <Input.Password id="set-pass-a" value={pass.a} onChange={(e) => setPass({ ...pass, a: e.target.value })} autoComplete="new-password" />
          </Field>
          <Field id="set-pass-b" label={t('settings.pass.b')} error={passTried && passMismatch ? t('settings.pass.mismatch') : null}>
            <Input.Password id="set-pass-b" value={pass.b} onChange={(e) => setPass({ ...pass, b: e.target.value })} autoComplete="new-password" />
          </Field>
          <p className="muted small">{t('settings.pass.warn')}</p>
          <ErrorNotice error={passErr} />
          <Button type="primary" onClick={savePass} loading={passSaving}>
            {t('settings.pass.save')}
          </Button>
        </Form>
      </Card>
      <Limits />
    </div>
  );
}
