import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { LanguagePicker } from '../../app/LanguagePicker';

/** The calm single-card page around setup, sign-in and password reset. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="auth">
      <main className="auth__card" id="main">
        <p className="brand">{t('app.name')}</p>
        <h1>{title}</h1>
        {children}
      </main>
      <LanguagePicker />
    </div>
  );
}
