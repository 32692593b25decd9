/** The UI language: the system's by default, or the operator's choice (kept on this computer only). */
import { LANGUAGES, useLocaleStore, useT, type Language } from '../../i18n';

function isLanguage(value: string): value is Language {
  return LANGUAGES.some((language) => language === value);
}

export function LanguageSection() {
  const t = useT();
  const override = useLocaleStore((state) => state.override);
  const setOverride = useLocaleStore((state) => state.setOverride);
  return (
    <section className="card settings-section" aria-labelledby="settings-language">
      <h2 id="settings-language">{t('settings.language')}</h2>
      <div className="field">
        <label htmlFor="settings-language-select">{t('settings.languageLabel')}</label>
        <select id="settings-language-select" value={override ?? ''} onChange={(event) => setOverride(isLanguage(event.target.value) ? event.target.value : undefined)}>
          <option value="">{t('settings.languageSystem')}</option>
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {t(`language.${language}`)}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
