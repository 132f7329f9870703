import { useTranslation } from 'react-i18next';
import type { Device } from '../../../src-main/contract/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { ReasonText } from '../../components/ReasonText.js';
import { formatBytes } from '../../format/bytes.js';
import { baseName } from '../../format/paths.js';
import { useAction } from '../../hooks/use-action.js';
import { useJob } from '../../state/ingest-tracker.js';
import { routeHref } from '../../state/route.js';
import { useStation } from '../../state/station-context.js';
import { CheckInPrompt } from './CheckInPrompt.js';
import { useDeviceName } from './DeviceName.js';
import { UnknownDeviceActions } from './UnknownDeviceActions.js';
import { VolumeCardOutcome } from './VolumeCardOutcome.js';
import { VolumeCardProgress } from './VolumeCardProgress.js';
import type { VolumeCard as Card } from './volume-cards.js';
import type { RackGroup } from './volume-rack.js';

interface Props {
  card: Card;
  devices: readonly Device[];
  /** Who had the recorder, by the ledger; null when it was never checked out (or not recognised). */
  officer: { name: string; officerNumber: string } | null;
  /** Its footage came in after the 24-hour deadline and no one has said why yet. */
  lateWithoutReason: boolean;
  /** Where the rack puts it: a person needed, copying, waiting, verified. */
  group: RackGroup;
  onDevicesChanged(): void;
  onDismiss(): void;
}

/** One plugged-in card from identifying to "safe to remove", or to a failure that says why. */
export function VolumeCard({ card, devices, officer, lateWithoutReason, group, onDevicesChanged, onDismiss }: Props) {
  const { t } = useTranslation();
  const { formatTime } = useStation();
  const deviceName = useDeviceName();
  const { volume, removed } = card;
  const job = useJob(volume.ingestId);
  const starting = useAction();
  const state = removed ? 'removed' : volume.state;
  const canStart = !removed && (volume.state === 'ready' || volume.state === 'unknown-device' || volume.state === 'failed');

  const start = () => starting.run('volumes.ingest', { mountpoint: volume.mountpoint });

  const outcome = job?.outcome;
  const space = volume.sizeBytes !== null ? ` · ${t('volumeCard.space', { free: formatBytes(volume.freeBytes ?? 0), size: formatBytes(volume.sizeBytes) })}` : '';
  const where = `${volume.mountpoint} · ${volume.fsType}${space}`;
  return (
    <article className={`volume-card card-${state}`} data-testid="volume-card" data-mountpoint={volume.mountpoint} data-state={state} data-group={group}>
      <header className="card-head">
        <h3 className="break">{volume.label ?? baseName(volume.mountpoint)}</h3>
        {state === 'verified' ? null : (
          <span className={`card-state state-pill-${state}`} data-testid="card-state">
            {t(`volumeState.${state}`)}
          </span>
        )}
      </header>
      {state === 'verified' ? (
        <div className="safe-banner" role="status" data-testid="safe-to-remove">
          <span aria-hidden="true">✓</span> {t('volumeState.verified')}
        </div>
      ) : null}
      {/* One line on a rack's narrow card: the whole of it in the tooltip. */}
      <p className="mono muted card-where" title={where}>
        {where}
      </p>
      <dl className="facts compact">
        <dt>{t('volumeCard.device')}</dt>
        <dd data-testid="card-device">{volume.device ? deviceName(volume.device) : t('volumeCard.noDevice')}</dd>
        {officer ? (
          <>
            <dt>{t('volumeCard.officer')}</dt>
            <dd data-testid="card-officer">{t('volumeCard.officerName', { name: officer.name, number: officer.officerNumber })}</dd>
          </>
        ) : null}
        {volume.how ? (
          <>
            <dt>{t('volumeCard.how')}</dt>
            <dd data-testid="card-how">{t(`recognition.${volume.how}`)}</dd>
          </>
        ) : null}
        <dt>{t('volumeCard.serialFound')}</dt>
        <dd className="mono" data-testid="card-serial">
          {volume.serial ?? t('volumeCard.noSerial')}
        </dd>
        <dt>{t('volumeCard.attachedAt')}</dt>
        <dd className="num">{formatTime(volume.attachedAt)}</dd>
      </dl>

      {removed ? null : <CheckInPrompt volume={volume} />}
      {lateWithoutReason ? (
        <p className="pill pill-warn" data-testid="card-late-reason-missing">
          <a href={routeHref({ page: 'ledger' })}>{t('volumeCard.lateReasonMissing')}</a>
        </p>
      ) : null}
      {state === 'identifying' ? <p className="muted">{t('volumeCard.identifying')}</p> : null}
      {state === 'unknown-device' ? <UnknownDeviceActions volume={volume} devices={devices} onDevicesChanged={onDevicesChanged} /> : null}
      {state === 'ingesting' ? <VolumeCardProgress progress={job?.progress ?? null} /> : null}
      {state === 'failed' || removed ? (
        <div className="error" role="alert" data-testid="card-failure">
          <strong>{removed ? t('volumeCard.removedEarly') : t('volumeCard.failed')}</strong>
          {outcome?.kind === 'failed' ? (
            <ReasonText code={outcome.reasonCode} reason={outcome.reason} />
          ) : volume.reason ? (
            <ReasonText code={volume.reasonCode} reason={volume.reason} />
          ) : null}
        </div>
      ) : null}
      {(state === 'verified' || state === 'failed' || removed) && volume.ingestId ? (
        // Asked again when the job's end is heard: a card pulled out is reported before its ingest has failed.
        <VolumeCardOutcome key={outcome?.kind ?? 'running'} ingestId={volume.ingestId} />
      ) : null}

      {starting.error ? <ErrorMessage error={starting.error} testId="card-error" /> : null}
      <div className="card-actions">
        {canStart ? (
          <button type="button" className="primary" disabled={starting.busy} onClick={() => void start()} data-testid="card-start">
            {starting.busy ? t('import.starting') : volume.state === 'failed' ? t('volumeCard.retry') : t('volumeCard.start')}
          </button>
        ) : null}
        {removed ? (
          <button type="button" onClick={onDismiss} data-testid="card-dismiss">
            {t('volumeCard.dismiss')}
          </button>
        ) : null}
      </div>
    </article>
  );
}
