import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useCommand } from '../../hooks/use-command.js';

export function VolumeList({ selected, onSelect }: { selected: string; onSelect(mountpoint: string): void }) {
  const { t } = useTranslation();
  const volumes = useCommand('volumes.list', {});
  return (
    <section className="panel" aria-labelledby="volumes-heading">
      <div className="panel-head">
        <h3 id="volumes-heading">{t('import.volumes')}</h3>
        <button type="button" className="link" onClick={volumes.reload} data-testid="volumes-refresh">
          {t('common.refresh')}
        </button>
      </div>
      {volumes.state === 'failed' ? <ErrorMessage error={volumes.error} /> : null}
      {volumes.value && volumes.value.length === 0 ? <p className="muted">{t('import.noVolumes')}</p> : null}
      <ul className="volume-list" data-testid="volume-list">
        {(volumes.value ?? []).map((volume) => (
          <li key={volume.mountpoint}>
            <button
              type="button"
              className={volume.mountpoint === selected ? 'volume selected' : 'volume'}
              aria-pressed={volume.mountpoint === selected}
              onClick={() => onSelect(volume.mountpoint)}
            >
              <span className="volume-label">{volume.label ?? volume.mountpoint}</span>
              <span className="muted mono">{volume.mountpoint}</span>
              {volume.removable ? <span className="badge">{t('import.removable')}</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
