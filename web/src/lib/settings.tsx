/** App-wide settings from GET /api/settings (language, quiet mode…), shared by the pages. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { get, put } from '../api/client.js';
import type { SettingsPatchReq } from '../../../src/shared/api.js';
import type { Settings } from '../api/types.js';
import { normaliseLang, useI18n } from '../i18n/index.js';

interface SettingsCtx {
  settings: Settings | null;
  /** Saves a change (PUT /api/settings) and keeps it locally even if the server has no settings route yet. */
  update(patch: SettingsPatchReq): Promise<void>;
  reload(): void;
}

const Ctx = createContext<SettingsCtx | null>(null);

export function SettingsProvider({ children }: { children: ReactNode }) {
  const { setLang } = useI18n();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    get<Settings>('/api/settings')
      .then((s) => {
        if (!live) return;
        setSettings(s);
        if (s?.lang) setLang(normaliseLang(s.lang));
      })
      .catch(() => {
        /* settings are optional for every page but the settings page itself */
      });
    return () => {
      live = false;
    };
  }, [tick, setLang]);
  const update = useCallback(async (patch: SettingsPatchReq) => {
    const next = await put<Settings>('/api/settings', patch);
    setSettings((prev) => ({ ...(prev ?? ({} as Settings)), ...patch, ...(next && typeof next === 'object' ? next : {}) }));
  }, []);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const value = useMemo(() => ({ settings, update, reload }), [settings, update, reload]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSettings(): SettingsCtx {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSettings outside SettingsProvider');
  return v;
}
