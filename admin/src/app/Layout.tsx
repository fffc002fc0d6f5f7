import { useState, type ReactNode } from 'react';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { LanguagePicker } from './LanguagePicker';
import { Link, useLocation } from './router';
import { useCan, useSession, useStaff } from './session';
import type { Staff } from '../api/types';
import { ROLE_KEYS } from './labels';

interface NavItem {
  to: string;
  label: MessageKey;
  /** Shown only to those it is for (the API refuses the others anyway). */
  shown?(can: ReturnType<typeof useCan>, staff: Staff): boolean;
}

const seesEverything = (can: ReturnType<typeof useCan>) => can('story.readAll') || can('story.editAny');

const NAV: NavItem[] = [
  { to: '/stories', label: 'nav.stories' },
  { to: '/calendar', label: 'nav.calendar', shown: seesEverything },
  {
    to: '/desk',
    label: 'nav.desk',
    shown: (can, staff) => can('story.editAny') || staff.locales.some((locale) => can('translation.edit', { locale })),
  },
  { to: '/taxonomy', label: 'nav.taxonomy', shown: (can) => can('taxonomy.manage') },
  { to: '/staff', label: 'nav.staff', shown: (can) => can('staff.manage') },
  { to: '/api-keys', label: 'nav.apiKeys', shown: (can) => can('apiKey.manage') },
  { to: '/audit', label: 'nav.audit', shown: (can) => can('audit.read') },
];

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const staff = useStaff();
  const session = useSession();
  const can = useCan();
  const { path } = useLocation();
  const [signingOut, setSigningOut] = useState(false);
  const current = (to: string) =>
    path === to || path.startsWith(`${to}/`) || (to === '/stories' && (path === '/' || path.startsWith('/translations')));

  const signOut = async (everywhere: boolean) => {
    setSigningOut(true);
    try {
      await session.signOut(everywhere);
    } finally {
      setSigningOut(false);
    }
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <Link to="/stories" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('nav.label')} className="topbar__nav">
          <ul>
            {NAV.filter((item) => !item.shown || item.shown(can, staff)).map((item) => (
              <li key={item.to}>
                <Link to={item.to} aria-current={current(item.to) ? 'page' : undefined}>
                  {t(item.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="topbar__me">
          <LanguagePicker />
          <span className="topbar__who">
            <Link to="/account" aria-current={current('/account') ? 'page' : undefined} title={t('nav.account')}>
              {staff.name}
            </Link>{' '}
            <span className="badge">{t(ROLE_KEYS[staff.role])}</span>
          </span>
          <button type="button" className="button button--quiet" disabled={signingOut} onClick={() => void signOut(false)}>
            {t('nav.signOut')}
          </button>
          <button type="button" className="button button--quiet" disabled={signingOut} onClick={() => void signOut(true)}>
            {t('nav.signOutEverywhere')}
          </button>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
