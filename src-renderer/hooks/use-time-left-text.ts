import { useTranslation } from 'react-i18next';
import { splitSeconds } from '../format/duration.js';

export function useTimeLeftText(): (seconds: number | null) => string {
  const { t } = useTranslation();
  return (seconds) => {
    if (seconds === null || !Number.isFinite(seconds)) return t('progress.estimating');
    const { hours, minutes, seconds: s } = splitSeconds(seconds);
    if (hours > 0) return t('units.hoursMinutes', { hours, minutes });
    if (minutes > 0) return t('units.minutesSeconds', { minutes, seconds: s });
    return t('units.seconds', { seconds: s });
  };
}
