/**
 * The unlock screen: the server started locked (the data is encrypted and no passphrase was given at
 * start), so the person types the passphrase here instead of restarting with a flag. Also says what
 * to do if it is forgotten, because a locked-out person under stress needs the way out on this page.
 */
import { useState } from 'react';
import { Button, Input, Segmented } from 'antd';
import { ApiError, post } from '../api/client.js';
import { ErrorNotice } from '../components/common.js';
import { useI18n, type Lang } from '../i18n/index.js';

export function Unlock({ onUnlocked }: { onUnlocked(): void }) {
  const { t, lang, setLang } = useI18n();
  const [pass, setPass] = useState('');
  const [busy, setBusy] = useState(false);
  const [wrong, setWrong] = useState(false);
  const [err, setErr] = useState<unknown>(null);

  const submit = async () => {
    if (!pass || busy) return;
    setBusy(true);
    setWrong(false);
    setErr(null);
    try {
      await post('/api/unlock', { passphrase: pass });
      onUnlocked();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'BAD_PASSPHRASE') setWrong(true);
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
      <h1 className="page-title">{t('unlock.title')}</h1>
      <p>{t('unlock.sub')}</p>
      <form
        className="unlock-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label htmlFor="unlock-pass">{t('unlock.label')}</label>
        <Input.Password
          id="unlock-pass"
          autoFocus
          autoComplete="current-password"
          value={pass}
          status={wrong ? 'error' : undefined}
          aria-invalid={wrong}
          aria-describedby={wrong ? 'unlock-wrong' : undefined}
          onChange={(e) => {
            setPass(e.target.value);
            setWrong(false);
          }}
        />
        {wrong ? (
          <p id="unlock-wrong" className="unlock-wrong" role="alert">
            {t('unlock.wrong')}
          </p>
        ) : null}
        <Button type="primary" htmlType="submit" loading={busy} disabled={!pass} data-testid="unlock-go">
          {t('unlock.go')}
        </Button>
      </form>
      <ErrorNotice error={err} />
      <section className="unlock-forgot" aria-labelledby="unlock-forgot-h">
        <h2 id="unlock-forgot-h" className="card-h">
          {t('unlock.forgot')}
        </h2>
        <p>{t('unlock.forgot.1')}</p>
        <p>{t('unlock.forgot.2')}</p>
        <p>{t('unlock.forgot.3')}</p>
      </section>
    </main>
  );
}
