import { useTranslation } from 'react-i18next';
import { useStationNow } from '../hooks/use-station-now.js';
import { useStation } from '../state/station-context.js';

export function StationClock() {
  const { t } = useTranslation();
  const { info, offsetMs, formatTime } = useStation();
  const now = useStationNow(offsetMs);
  return (
    <div className="station-clock" aria-label={t('app.stationClock')}>
      <time data-testid="station-clock" dateTime={new Date(now).toISOString()}>
        {formatTime(new Date(now).toISOString())}
      </time>
      <span className="zone">{info.zone}</span>
    </div>
  );
}
