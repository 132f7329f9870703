import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportReceipt } from '../../../src-main/contract/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatBytes } from '../../format/bytes.js';
import { useAction } from '../../hooks/use-action.js';
import { useModal } from '../../hooks/use-modal.js';
import { approvalRequestId, exportInput, type ExportProblem, type ExportTarget } from './custody-view.js';

interface Props {
  target: ExportTarget;
  onClose(): void;
}

/** 导出证据包: where, zipped or not, what for; then what was made, or which approval it waits for. */
export function ExportDialog({ target, onClose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useModal();
  const [out, setOut] = useState('');
  const [zip, setZip] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [problems, setProblems] = useState<ExportProblem[]>([]);
  const [receipt, setReceipt] = useState<ExportReceipt | null>(null);
  const create = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const request = exportInput(target, out, zip, purpose);
    setProblems(request.ok ? [] : request.problems);
    if (!request.ok) return;
    const made = await create.run('export.create', request.input);
    if (made) setReceipt(made);
  };
  const requestId = create.error ? approvalRequestId(create.error) : null;
  const errorText = requestId !== null ? t('export.approvalNeeded', { id: requestId }) : undefined;
  // No window.station: a browser tab, and the folder is on the station machine, not this computer.
  const inBrowser = window.station === undefined;
  const count = 'recordingIds' in target ? t('export.recordings', { n: target.recordingIds.length }) : t('export.ingest', { id: target.ingestId });
  return (
    <dialog
      ref={ref}
      className="confirm"
      aria-labelledby={`${id}-title`}
      data-testid="export-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <h2 id={`${id}-title`}>{t('export.title')}</h2>
        <p>{count}</p>
        {receipt ? (
          <dl className="facts export-result" data-testid="export-result">
            <dt>{t('export.path')}</dt>
            <dd className="mono">{receipt.path}</dd>
            {receipt.zipPath ? (
              <>
                <dt>{t('export.zipPath')}</dt>
                <dd className="mono">{receipt.zipPath}</dd>
              </>
            ) : null}
            <dt>{t('export.files')}</dt>
            <dd>{receipt.files}</dd>
            <dt>{t('export.bytes')}</dt>
            <dd>
              {formatBytes(receipt.bytes)} <span className="muted">({receipt.bytes.toLocaleString()} B)</span>
            </dd>
          </dl>
        ) : (
          <>
            <label htmlFor={`${id}-out`}>{t('export.out')}</label>
            <input
              id={`${id}-out`}
              type="text"
              className="mono"
              value={out}
              placeholder={t('export.outPlaceholder')}
              onChange={(event) => setOut(event.target.value)}
              aria-invalid={problems.includes('out-needed') || undefined}
              data-testid="export-out"
            />
            <p className="muted">{inBrowser ? t('export.outHintBrowser') : t('export.outHint')}</p>
            {problems.includes('out-needed') ? (
              <span className="field-error" role="alert" data-testid="export-out-needed">
                {t('export.outNeeded')}
              </span>
            ) : null}
            <label>
              <input type="checkbox" checked={zip} onChange={(event) => setZip(event.target.checked)} data-testid="export-zip" /> {t('export.zip')}
            </label>
            <label htmlFor={`${id}-purpose`}>{t('export.purpose')}</label>
            <input
              id={`${id}-purpose`}
              type="text"
              maxLength={500}
              value={purpose}
              placeholder={t('export.purposePlaceholder')}
              onChange={(event) => setPurpose(event.target.value)}
              data-testid="export-purpose"
            />
            {create.error ? <ErrorMessage error={create.error} text={errorText} testId="export-error" /> : null}
          </>
        )}
        <div className="actions">
          <button type="button" onClick={onClose} data-testid="export-close">
            {receipt ? t('common.close') : t('common.back')}
          </button>
          {receipt ? null : (
            <button type="submit" className="primary" disabled={create.busy} data-testid="export-create">
              {create.busy ? t('export.working') : t('export.create')}
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}

/** The button that opens the dialog for one recording or one import's recordings. */
export function ExportButton({ target }: { target: ExportTarget }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="export-open">
        {t('export.button')}
      </button>
      {open ? <ExportDialog target={target} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
