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
import { useCardReport, VolumeCardOutcome } from './VolumeCardOutcome.js';
import { ProgressCounts, VolumeCardProgress } from './VolumeCardProgress.js';
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
  /** One of many on the rack: what the desk reads at a glance in view, the rest behind "详情". */
  compact: boolean;
  onDevicesChanged(): void;
  onDismiss(): void;
}

/** One plugged-in card from identifying to "safe to remove", or to a failure that says why. */
export function VolumeCard({ card, devices, officer, lateWithoutReason, group, compact, onDevicesChanged, onDismiss }: Props) {
  const { t } = useTranslation();
  const { formatTime } = useStation();
  const deviceName = useDeviceName();
  const { volume, removed } = card;
  const job = useJob(volume.ingestId);
  const starting = useAction();
  const state = removed ? 'removed' : volume.state;
  const canStart = !removed && (volume.state === 'ready' || volume.state === 'unknown-device' || volume.state === 'failed');
  const outcome = job?.outcome;
  const ended = state === 'verified' || state === 'failed' || removed;
  const report = useCardReport(ended ? volume.ingestId : null, outcome?.kind ?? 'running');

  const start = () => starting.run('volumes.ingest', { mountpoint: volume.mountpoint });
  const startButton = canStart ? (
    <button type="button" className="primary" disabled={starting.busy} onClick={() => void start()} data-testid="card-start">
      {starting.busy ? t('import.starting') : volume.state === 'failed' ? t('volumeCard.retry') : t('volumeCard.start')}
    </button>
  ) : null;

  const space = volume.sizeBytes !== null ? ` · ${t('volumeCard.space', { free: formatBytes(volume.freeBytes ?? 0), size: formatBytes(volume.sizeBytes) })}` : '';
  const where = `${volume.mountpoint} · ${volume.fsType}${space}`;
  // One line on a rack's narrow card: the whole of it in the tooltip.
  const whereLine = (
    <p className="mono muted card-where" title={where}>
      {where}
    </p>
  );
  const deviceText = volume.device ? deviceName(volume.device) : t('volumeCard.noDevice');
  const officerText = officer ? t('volumeCard.officerName', { name: officer.name, number: officer.officerNumber }) : null;
  // What an unknown card is registered by stays in view; a recognised one's serial is in its name.
  const serialAtGlance = !compact || volume.device === null;
  const serial = (
    <>
      <dt>{t('volumeCard.serialFound')}</dt>
      <dd className="mono" data-testid="card-serial">
        {volume.serial ?? t('volumeCard.noSerial')}
      </dd>
    </>
  );
  const how = volume.how ? (
    <>
      <dt>{t('volumeCard.how')}</dt>
      <dd data-testid="card-how">{t(`recognition.${volume.how}`)}</dd>
    </>
  ) : null;
  const attachedAt = (
    <>
      <dt>{t('volumeCard.attachedAt')}</dt>
      <dd className="num">{formatTime(volume.attachedAt)}</dd>
    </>
  );
  const safe = (
    <>
      <span aria-hidden="true">✓</span> {t('volumeState.verified')}
    </>
  );

  return (
    <article
      className={`volume-card card-${state}${compact ? ' compact' : ''}`}
      data-testid="volume-card"
      data-mountpoint={volume.mountpoint}
      data-state={state}
      data-group={group}
    >
      <header className="card-head">
        <h3 className="break">{volume.label ?? baseName(volume.mountpoint)}</h3>
        {state !== 'verified' ? (
          <span className={`card-state state-pill-${state}`} data-testid="card-state">
            {t(`volumeState.${state}`)}
          </span>
        ) : compact ? (
          <span className="card-state safe-badge" role="status" data-testid="safe-to-remove">
            {safe}
          </span>
        ) : null}
      </header>
      {state === 'verified' && !compact ? (
        <div className="safe-banner" role="status" data-testid="safe-to-remove">
          {safe}
        </div>
      ) : null}
      {compact ? null : whereLine}
      <dl className="facts compact">
        <dt>{t('volumeCard.device')}</dt>
        <dd data-testid="card-device" title={compact ? deviceText : undefined}>
          {deviceText}
        </dd>
        {compact && serialAtGlance ? serial : null}
        {officerText ? (
          <>
            <dt>{t('volumeCard.officer')}</dt>
            <dd data-testid="card-officer" title={compact ? officerText : undefined}>
              {officerText}
            </dd>
          </>
        ) : null}
        {compact ? null : (
          <>
            {how}
            {serial}
            {attachedAt}
          </>
        )}
      </dl>

      {removed ? null : <CheckInPrompt volume={volume} compact={compact} />}
      {lateWithoutReason ? (
        <p className="pill pill-warn" data-testid="card-late-reason-missing">
          <a href={routeHref({ page: 'ledger' })}>{t('volumeCard.lateReasonMissing')}</a>
        </p>
      ) : null}
      {state === 'identifying' ? <p className="muted">{t('volumeCard.identifying')}</p> : null}
      {state === 'unknown-device' ? (
        <UnknownDeviceActions volume={volume} devices={devices} compact={compact ? { start: startButton } : null} onDevicesChanged={onDevicesChanged} />
      ) : null}
      {state === 'ingesting' ? <VolumeCardProgress progress={job?.progress ?? null} compact={compact} /> : null}
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
      <VolumeCardOutcome report={report} part={compact ? 'glance' : 'all'} />

      {starting.error ? <ErrorMessage error={starting.error} testId="card-error" /> : null}
      <div className="card-actions">
        {compact && state === 'unknown-device' ? null : startButton}
        {removed ? (
          <button type="button" onClick={onDismiss} data-testid="card-dismiss">
            {t('volumeCard.dismiss')}
          </button>
        ) : null}
      </div>
      {compact ? (
        <details className="card-details" data-testid="card-details">
          <summary>{t('volumeCard.details')}</summary>
          {whereLine}
          <dl className="facts compact">
            {how}
            {serialAtGlance ? null : serial}
            {attachedAt}
            {state === 'ingesting' && job?.progress ? <ProgressCounts progress={job.progress} /> : null}
          </dl>
          <VolumeCardOutcome report={report} part="details" />
        </details>
      ) : null}
    </article>
  );
}
