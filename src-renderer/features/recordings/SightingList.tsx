import { useTranslation } from 'react-i18next';
import type { RecordingDetail } from '../../../src-main/contract/index.js';
import type { TimeFormatter } from '../../format/station-time.js';
import { routeHref } from '../../state/route.js';

/** Every ingest that met this file: the first archived it, later ones found it already there. */
export function SightingList({ sightings, formatTime }: { sightings: RecordingDetail['sightings']; formatTime: TimeFormatter }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="sightings-heading">
      <h4 id="sightings-heading">{t('detail.sightings')}</h4>
      {sightings.length === 0 ? <p className="muted">—</p> : null}
      <ul className="sightings" data-testid="detail-sightings">
        {sightings.map((sighting) => (
          <li key={`${sighting.ingestId}:${sighting.source}`}>
            <span className="num">{formatTime(sighting.at)}</span>{' '}
            <a href={routeHref({ page: 'recordings', ingestId: sighting.ingestId })} className="mono">
              {sighting.ingestId}
            </a>{' '}
            <span className="mono break">{sighting.source}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
