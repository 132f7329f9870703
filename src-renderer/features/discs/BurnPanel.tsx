import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BurnResult, DiscCopyName, DiscProgress } from '../../../src-main/contract/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatBytes } from '../../format/bytes.js';
import { useAction } from '../../hooks/use-action.js';
import { useCommand } from '../../hooks/use-command.js';
import { CheckList } from './CheckList.js';
import { DiscProgressView } from './DiscProgressView.js';
import { driveSpec } from './disc-view.js';

interface Props {
  discId: string;
  copy: DiscCopyName;
  /** `burn` writes the copy and checks it; `verify` reads a burned copy and checks it again. */
  mode: 'burn' | 'verify';
  progress: DiscProgress | null;
  onClose(): void;
  onChanged(): void;
}

/**
 * Burning (or re-checking) one copy, in the page rather than a modal dialog: it takes minutes, and
 * the rest of the queue stays usable meanwhile. Choose a drive (an optical drive the station sees,
 * or a file or block device used as one), confirm, follow the progress, cancel, read the checks.
 */
export function BurnPanel({ discId, copy, mode, progress, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const drives = useCommand('discs.drives', {});
  const [kind, setKind] = useState<'device' | 'file'>('device');
  const [device, setDevice] = useState('');
  const [path, setPath] = useState('');
  const [missing, setMissing] = useState(false);
  const [result, setResult] = useState<BurnResult | null>(null);
  const work = useAction();
  const cancel = useAction();
  const listed = drives.value ?? [];
  // No optical drive attached: a file is the only choice, offered at once.
  const chosenKind = drives.state === 'ready' && listed.length === 0 ? 'file' : kind;
  const start = async (event: FormEvent) => {
    event.preventDefault();
    const drive = driveSpec(chosenKind === 'device' ? { kind: 'device', device } : { kind: 'file', path });
    setMissing(drive === null);
    if (drive === null) return;
    setResult(null);
    const done = await work.run(mode === 'burn' ? 'discs.burn' : 'discs.verify', { discId, copy, drive });
    if (done) setResult(done);
    onChanged();
  };
  const ours = progress && (progress.copy === copy || progress.copy === null) ? progress : null;
  return (
    <section className="panel disc-burn" aria-labelledby={`${id}-title`} data-testid="disc-burn-panel" data-copy={copy} data-mode={mode}>
      <h4 id={`${id}-title`}>{t(mode === 'burn' ? 'discs.burnTitle' : 'discs.verifyTitle', { copy })}</h4>
      {!work.busy && !result ? (
        <form onSubmit={(event) => void start(event)} noValidate>
          {drives.state === 'failed' ? <ErrorMessage error={drives.error} testId="disc-drives-error" /> : null}
          {listed.length > 0 ? (
            <fieldset className="disc-drive-choice">
              <legend>{t('discs.drive.legend')}</legend>
              <label>
                <input type="radio" name={`${id}-kind`} checked={chosenKind === 'device'} onChange={() => setKind('device')} data-testid="disc-drive-kind-device" />{' '}
                {t('discs.drive.optical')}
              </label>
              <select value={device} disabled={chosenKind !== 'device'} onChange={(event) => setDevice(event.target.value)} data-testid="disc-drive-device">
                <option value="">{t('checkout.choose')}</option>
                {listed.map((drive) => (
                  <option key={drive.device} value={drive.device}>
                    {[drive.device, drive.vendor, drive.model].filter(Boolean).join(' ')} —{' '}
                    {drive.media.kind === 'none'
                      ? t('discs.drive.noDisc')
                      : t(drive.media.blank ? 'discs.drive.blank' : 'discs.drive.written', {
                          kind: drive.media.kind,
                          free: drive.media.freeBytes === null ? '—' : formatBytes(drive.media.freeBytes),
                        })}
                  </option>
                ))}
              </select>
              <label>
                <input type="radio" name={`${id}-kind`} checked={chosenKind === 'file'} onChange={() => setKind('file')} data-testid="disc-drive-kind-file" /> {t('discs.drive.file')}
              </label>
            </fieldset>
          ) : drives.state === 'ready' ? (
            <p className="muted" data-testid="disc-no-drives">
              {t('discs.drive.none')}
            </p>
          ) : null}
          {chosenKind === 'file' ? (
            <label className="disc-drive-path">
              <span>{t('discs.drive.path')}</span>
              <input value={path} onChange={(event) => setPath(event.target.value)} placeholder="/dev/loop0 · /srv/discs/copy-a.iso" className="mono" data-testid="disc-drive-path" />
            </label>
          ) : null}
          {missing ? (
            <span className="field-error" role="alert" data-testid="disc-drive-missing">
              {t('discs.drive.missing')}
            </span>
          ) : null}
          <p className="muted hint">{t(mode === 'burn' ? 'discs.burnHint' : 'discs.verifyHint')}</p>
          {work.error ? <ErrorMessage error={work.error} testId="disc-burn-error" /> : null}
          <div className="actions">
            <button type="button" onClick={onClose} data-testid="disc-burn-close">
              {t('common.back')}
            </button>
            <button type="submit" className="primary" data-testid="disc-burn-start">
              {t(mode === 'burn' ? 'discs.burnStart' : 'discs.verifyStart', { copy })}
            </button>
          </div>
        </form>
      ) : null}
      {work.busy ? (
        <div aria-busy="true">
          <DiscProgressView progress={ours} />
          {cancel.error ? <ErrorMessage error={cancel.error} testId="disc-cancel-error" /> : null}
          <div className="actions">
            <button type="button" className="danger" disabled={cancel.busy} onClick={() => void cancel.run('discs.cancel', { discId })} data-testid="disc-burn-cancel">
              {t('discs.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {result ? (
        <div className={result.verified ? 'disc-result good' : 'disc-result bad'} role="status" data-testid="disc-burn-result" data-verified={result.verified}>
          <strong>{t(result.verified ? 'discs.result.verified' : 'discs.result.failed', { copy: result.copy })}</strong>
          <CheckList checks={result.checks} testId="disc-burn-checks" />
          {result.problem ? <p className="signoff-reason-short">{result.problem}</p> : null}
          <div className="actions">
            <button type="button" onClick={onClose} data-testid="disc-burn-done">
              {t('common.close')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
