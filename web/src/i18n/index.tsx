/**
 * The i18n layer: every string a person reads goes through t('key'). zh-CN is the source; English second.
 * Texts that arrive from the API as { zh, en } go through pick().
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { zh, type MsgKey } from './zh.js';
import { en } from './en.js';

export type Lang = 'zh-CN' | 'en';
export type { MsgKey };

const DICTS: Record<Lang, Record<MsgKey, string>> = { 'zh-CN': zh, en };
const STORAGE_KEY = 'huxun.lang';

export type Vars = Record<string, string | number>;

export function translate(lang: Lang, key: MsgKey, vars?: Vars): string {
  const s = DICTS[lang][key] ?? zh[key] ?? key;
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function normaliseLang(v: unknown): Lang {
  return typeof v === 'string' && v.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved) return normaliseLang(saved);
  } catch {
    /* storage may be blocked */
  }
  return 'zh-CN';
}

export interface I18n {
  lang: Lang;
  setLang(l: Lang): void;
  t(key: MsgKey, vars?: Vars): string;
  /** Chooses the right half of an API { zh, en } text; plain strings pass through. */
  pick(v: { zh: string; en: string } | string | null | undefined): string;
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* ignore */
    }
    document.documentElement.lang = l;
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      pick: (v) => (v == null ? '' : typeof v === 'string' ? v : lang === 'en' ? v.en || v.zh : v.zh || v.en),
    }),
    [lang, setLang],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
