import { useTranslation } from 'react-i18next';
import { chooseLanguage, currentLanguage, languages, type Language } from '../i18n/setup.js';

const names: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <label className="language-switch">
      <span>{t('app.language')}</span>
      <select
        data-testid="language-switch"
        value={currentLanguage()}
        onChange={(event) => chooseLanguage(event.target.value as Language)}
      >
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {names[language]}
          </option>
        ))}
      </select>
    </label>
  );
}
