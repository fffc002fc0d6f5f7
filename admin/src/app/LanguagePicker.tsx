import { useId } from 'react';
import { isLanguage, LANGUAGES, useI18n } from '../i18n/i18n';

export function LanguagePicker() {
  const { t, language, setLanguage } = useI18n();
  const id = useId();
  return (
    <div className="language-picker">
      <label htmlFor={id}>{t('app.language')}</label>
      <select id={id} value={language} onChange={(e) => isLanguage(e.target.value) && setLanguage(e.target.value)}>
        {Object.entries(LANGUAGES).map(([code, name]) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
