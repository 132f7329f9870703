import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiscCopyName, DiscEntry, DiscProgress } from '../../../src-main/contract/index.js';
import { CopyButton } from '../../components/CopyButton.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatBytes } from '../../format/bytes.js';
import { shortHash } from '../../format/hash.js';
import { useAction } from '../../hooks/use-action.js';
import { useStation } from '../../state/station-context.js';
import { BurnPanel } from './BurnPanel.js';
import { CopyRow } from './CopyRow.js';
import { DiscProgressView } from './DiscProgressView.js';

interface Props {
  disc: DiscEntry;
  /** The disc staff's actions are shown (the core checks again). */
  staff: boolean;
  progress: DiscProgress | null;
  onChanged(): void;
}

/** One disc (n of m): its medium, payload and image hash, the label, the image for burning elsewhere, and its two copies. */
export function DiscCard({ disc, staff, progress, onChanged }: Props) {
  const { t } = useTranslation();
  const { formatTime } = useStation();
  const [burning, setBurning] = useState<{ copy: DiscCopyName; mode: 'burn' | 'verify' } | null>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const [written, setWritten] = useState<string | null>(null);
  const [label, setLabel] = useState<string | null>(null);
  const image = useAction();
  const print = useAction();
  const writeImage = async (event: FormEvent) => {
    event.preventDefault();
    const out = folder?.trim() ?? '';
    if (out === '') return;
    const done = await image.run('discs.image', { discId: disc.discId, out });
    if (done) {
      setFolder(null);
      setWritten(done.path);
    }
    onChanged();
  };
  // As the work-record form: the station writes the PDF under its data folder and says where.
  const printLabel = async () => {
    setLabel(null);
    const done = await print.run('discs.label', { discId: disc.discId });
    if (done) {
      setLabel(done.path);
      onChanged();
    }
  };
  return (
    <section className="disc" aria-label={t('discs.discOf', { n: disc.index, m: disc.of })} data-testid="disc" data-disc-id={disc.discId}>
      <header className="disc-head">
        <h4 data-testid="disc-ordinal">{t('discs.discOf', { n: disc.index, m: disc.of })}</h4>
        <span className="badge">{t(`discs.mediaName.${disc.media}`)}</span>
        <span className="muted">{t('discs.filesBytes', { files: disc.files, bytes: formatBytes(disc.bytes) })}</span>
        <span className="muted mono" title={t('discs.volumeId')}>
          {disc.volumeId}
        </span>
        {disc.labelledAt ? <span className="pill">{t('discs.labelledAt', { at: formatTime(disc.labelledAt) })}</span> : null}
      </header>
      <p className="disc-hash">
        {t('discs.imageHash')}{' '}
        {disc.imageSha256 ? (
          <>
            <span className="mono" title={disc.imageSha256} data-testid="disc-image-hash">
              {shortHash(disc.imageSha256)}…
            </span>{' '}
            {disc.imageBytes === null ? null : <span className="muted">({formatBytes(disc.imageBytes)})</span>} <CopyButton value={disc.imageSha256} testId="disc-image-hash-copy" />
          </>
        ) : (
          <span className="muted">{t('discs.noImageYet')}</span>
        )}
      </p>
      {staff ? (
        <div className="actions disc-actions">
          {folder === null ? (
            <button type="button" disabled={image.busy} onClick={() => setFolder('')} data-testid="disc-image">
              {t('discs.writeImage')}
            </button>
          ) : (
            <form className="disc-image-form" onSubmit={(event) => void writeImage(event)} noValidate>
              <label>
                <span>{t('discs.imageFolder')}</span>{' '}
                <input className="mono" value={folder} onChange={(event) => setFolder(event.target.value)} disabled={image.busy} data-testid="disc-image-folder" />
              </label>{' '}
              <button type="submit" className="primary" disabled={image.busy || folder.trim() === ''} data-testid="disc-image-write">
                {image.busy ? t('discs.writingImage') : t('discs.writeImageNow')}
              </button>{' '}
              <button type="button" className="link" disabled={image.busy} onClick={() => setFolder(null)}>
                {t('common.back')}
              </button>
            </form>
          )}
          <button type="button" disabled={print.busy} onClick={() => void printLabel()} data-testid="disc-label">
            {t('discs.printLabel')}
          </button>
        </div>
      ) : null}
      {image.busy ? <DiscProgressView progress={progress && progress.copy === null ? progress : null} /> : null}
      {image.error ? <ErrorMessage error={image.error} testId="disc-image-error" /> : null}
      {print.error ? <ErrorMessage error={print.error} testId="disc-label-error" /> : null}
      {written ? (
        <p className="saved" role="status" data-testid="disc-image-written">
          {t('discs.imageWritten')} <span className="mono break">{written}</span>
        </p>
      ) : null}
      {label ? (
        <p className="saved" role="status" data-testid="disc-label-printed">
          {t('discs.labelPrinted')} <span className="mono break">{label}</span>
        </p>
      ) : null}
      <table className="history disc-copies" data-testid="disc-copies">
        <thead>
          <tr>
            <th scope="col">{t('discs.columns.copy')}</th>
            <th scope="col">{t('discs.columns.state')}</th>
            <th scope="col">{t('discs.columns.burned')}</th>
            <th scope="col">{t('discs.columns.verified')}</th>
            <th scope="col">{t('discs.columns.location')}</th>
            <th scope="col">{t('discs.columns.due')}</th>
            <th scope="col">{t('discs.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {disc.copies.map((copy) => (
            <CopyRow key={copy.copy} discId={disc.discId} copy={copy} staff={staff} onBurn={(mode) => setBurning({ copy: copy.copy, mode })} onChanged={onChanged} />
          ))}
        </tbody>
      </table>
      {burning ? (
        <BurnPanel
          key={`${burning.copy}-${burning.mode}`}
          discId={disc.discId}
          copy={burning.copy}
          mode={burning.mode}
          progress={progress}
          onClose={() => setBurning(null)}
          onChanged={onChanged}
        />
      ) : null}
    </section>
  );
}
