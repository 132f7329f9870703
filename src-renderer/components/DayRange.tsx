import { useTranslation } from 'react-i18next';

interface Props {
  from: string;
  to: string;
  onFrom(day: string): void;
  onTo(day: string): void;
  testId: string;
}

/** A span of days (YYYY-MM-DD, the station's zone); either end may stay open. */
export function DayRange({ from, to, onFrom, onTo, testId }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="day-range">
      <legend>{t('filters.days')}</legend>
      <input type="date" value={from} max={to || undefined} aria-label={t('filters.from')} onChange={(event) => onFrom(event.target.value)} data-testid={`${testId}-from`} />
      <span aria-hidden="true">–</span>
      <input type="date" value={to} min={from || undefined} aria-label={t('filters.to')} onChange={(event) => onTo(event.target.value)} data-testid={`${testId}-to`} />
    </fieldset>
  );
}
