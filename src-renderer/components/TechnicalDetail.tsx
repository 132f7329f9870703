import { useTranslation } from 'react-i18next';

/** The station's own words (an OS message, a path, a tag name), one click away: often English, and for the technician. */
export function TechnicalDetail({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <details className="technical-detail" data-testid="technical-detail">
      <summary>{t('common.technicalDetail')}</summary>
      <code>{text}</code>
    </details>
  );
}
