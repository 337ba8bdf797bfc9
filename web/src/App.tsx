/**
 * The app shell: language and theme, navigation (a side menu on a laptop; a top bar, a drawer and a
 * bottom bar on a phone) and the lazily loaded pages.
 */
import { lazy, Suspense, useEffect, useState, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { App as AntApp, Button, ConfigProvider, Drawer, Menu } from 'antd';
import type { Locale } from 'antd/es/locale/index.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import enUSModule from 'antd/es/locale/en_US.js';
import {
  AccountBookOutlined,
  AlertOutlined,
  AuditOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  FieldTimeOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  HomeOutlined,
  MenuOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { PageKey } from './api/types.js';
import { useI18n, type MsgKey } from './i18n/index.js';
import { navigate, useRoute } from './lib/route.js';
import { useIsMobile } from './lib/useApi.js';
import { SettingsProvider } from './lib/settings.js';
import { ErrorNotice, Loading } from './components/common.js';
import { ApiError, get } from './api/client.js';
import { OrgGate } from './pages/Org.js';
import { Unlock } from './pages/Unlock.js';

export interface PageProps {
  params: URLSearchParams;
}

type LazyPage = LazyExoticComponent<ComponentType<PageProps>>;

const PAGES: { [K in PageKey]: LazyPage } = {
  overview: lazy(() => import('./pages/Overview.js')),
  loans: lazy(() => import('./pages/Loans.js')),
  import: lazy(() => import('./pages/Import.js')),
  timeline: lazy(() => import('./pages/Timeline.js')),
  findings: lazy(() => import('./pages/Findings.js')),
  evidence: lazy(() => import('./pages/Evidence.js')),
  documents: lazy(() => import('./pages/Documents.js')),
  contacts: lazy(() => import('./pages/Contacts.js')),
  settings: lazy(() => import('./pages/Settings.js')),
  plan: lazy(() => import('./pages/Plan.js')),
  followup: lazy(() => import('./pages/FollowUp.js')),
  report: lazy(() => import('./pages/Report.js')),
};

const NAV: { key: PageKey; label: MsgKey; icon: ReactNode }[] = [
  { key: 'overview', label: 'nav.overview', icon: <HomeOutlined /> },
  { key: 'loans', label: 'nav.loans', icon: <AccountBookOutlined /> },
  { key: 'plan', label: 'nav.plan', icon: <CalendarOutlined /> },
  { key: 'import', label: 'nav.import', icon: <CloudUploadOutlined /> },
  { key: 'timeline', label: 'nav.timeline', icon: <FieldTimeOutlined /> },
  { key: 'findings', label: 'nav.findings', icon: <AlertOutlined /> },
  { key: 'evidence', label: 'nav.evidence', icon: <SafetyCertificateOutlined /> },
  { key: 'documents', label: 'nav.documents', icon: <FileTextOutlined /> },
  { key: 'followup', label: 'nav.followup', icon: <AuditOutlined /> },
  { key: 'report', label: 'nav.report', icon: <FileSearchOutlined /> },
  { key: 'contacts', label: 'nav.contacts', icon: <TeamOutlined /> },
  { key: 'settings', label: 'nav.settings', icon: <SettingOutlined /> },
];

const BOTTOM: PageKey[] = ['overview', 'timeline', 'findings', 'documents'];

/** antd ships its locales as ES modules without "type": "module"; under NodeNext TS sees the module, Vite the default export. */
function localeOf(m: unknown): Locale {
  const v = m as { default?: Locale } & Locale;
  return v.default && typeof v.default === 'object' && 'locale' in v.default ? v.default : v;
}
const zhCN = localeOf(zhCNModule);
const enUS = localeOf(enUSModule);

const THEME = {
  token: {
    colorPrimary: '#1d6770',
    colorLink: '#1d6770',
    colorPrimaryBg: '#e1eff0',
    colorPrimaryBgHover: '#d2e7e9',
    // Darker secondary text than antd's default, so every text meets WCAG AA contrast.
    colorTextSecondary: 'rgba(0,0,0,0.68)',
    colorTextTertiary: 'rgba(0,0,0,0.62)',
    colorTextDescription: 'rgba(0,0,0,0.65)',
    colorTextPlaceholder: 'rgba(0,0,0,0.55)',
    borderRadius: 8,
    fontFamily:
      "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Micro Hei', sans-serif",
    fontSize: 15,
    // No sliding and fading for people who ask their system for less motion.
    motion: typeof window === 'undefined' || !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
  },
  components: {
    Menu: { itemSelectedBg: '#e1eff0', itemSelectedColor: '#124e55', itemHoverBg: '#eef5f5', itemActiveBg: '#d5e9ea' },
  },
};

function NavMenu({ page, onPick }: { page: PageKey; onPick(k: PageKey): void }) {
  const { t } = useI18n();
  return (
    <Menu
      mode="inline"
      selectedKeys={[page]}
      items={NAV.map((n) => ({ key: n.key, icon: n.icon, label: t(n.label) }))}
      onClick={(e) => onPick(e.key as PageKey)}
      className="nav-menu"
    />
  );
}

function Shell() {
  const { t } = useI18n();
  const route = useRoute();
  const mobile = useIsMobile();
  const [drawer, setDrawer] = useState(false);
  const Page = PAGES[route.page];
  const navItem = NAV.find((n) => n.key === route.page)!;

  useEffect(() => {
    document.title = `${t(navItem.label)} · ${t('app.name')}`;
    window.scrollTo(0, 0);
  }, [route.page, navItem, t]);

  const go = (k: PageKey) => {
    setDrawer(false);
    navigate(k);
  };

  const main = (
    <main className="content" id="main">
      <Suspense fallback={<Loading />}>
        <Page params={route.params} key={route.page} />
      </Suspense>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </main>
  );

  if (mobile) {
    return (
      <div className="shell shell-mobile">
        <header className="topbar">
          <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.open')} onClick={() => setDrawer(true)} />
          <span className="brand">{t('app.name')}</span>
          <span className="topbar-page">{t(navItem.label)}</span>
        </header>
        <Drawer open={drawer} placement="left" size={260} onClose={() => setDrawer(false)} title={t('app.name')}>
          <nav aria-label={t('nav.label')}>
            <NavMenu page={route.page} onPick={go} />
          </nav>
        </Drawer>
        {main}
        <nav className="bottomnav" aria-label={t('nav.quick')}>
          {BOTTOM.map((k) => {
            const n = NAV.find((x) => x.key === k)!;
            return (
              <button key={k} type="button" className={k === route.page ? 'active' : ''} aria-current={k === route.page ? 'page' : undefined} onClick={() => go(k)}>
                <span className="bn-icon" aria-hidden="true">
                  {n.icon}
                </span>
                <span>{t(n.label)}</span>
              </button>
            );
          })}
          <button type="button" onClick={() => setDrawer(true)}>
            <span className="bn-icon" aria-hidden="true">
              <MenuOutlined />
            </span>
            <span>{t('nav.more')}</span>
          </button>
        </nav>
      </div>
    );
  }
  return (
    <div className="shell shell-desktop">
      <aside className="sider">
        <div className="brand-block">
          <span className="brand">{t('app.name')}</span>
          <span className="brand-sub">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          <NavMenu page={route.page} onPick={go} />
        </nav>
      </aside>
      {main}
    </div>
  );
}

/**
 * Before the shell: is the app locked (encrypted data, server started without the passphrase)? Then the
 * unlock screen. Without the launch key (the page was opened from an old or partial address) nothing
 * can load: say which address to open. Any other failure lets the shell show it page by page.
 */
function Gate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<'checking' | 'locked' | 'open' | 'org' | ApiError>('checking');
  useEffect(() => {
    let live = true;
    get<{ locked?: boolean; mode?: string }>('/api/health').then(
      (h) => live && setState(h?.mode === 'org' ? 'org' : h?.locked ? 'locked' : 'open'),
      (e: unknown) => live && setState(e instanceof ApiError && e.code === 'NEED_KEY' ? e : 'open'),
    );
    return () => {
      live = false;
    };
  }, []);
  if (state === 'checking') return <Loading />;
  if (state === 'locked') return <Unlock onUnlocked={() => setState('open')} />;
  if (state === 'org') return <OrgGate>{children}</OrgGate>;
  if (state instanceof ApiError) {
    return (
      <main className="unlock" id="main">
        <ErrorNotice error={state} />
      </main>
    );
  }
  return <>{children}</>;
}

export function App() {
  const { lang } = useI18n();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={THEME} button={{ autoInsertSpace: false }}>
      <AntApp>
        <Gate>
          <SettingsProvider>
            <Shell />
          </SettingsProvider>
        </Gate>
      </AntApp>
    </ConfigProvider>
  );
}
