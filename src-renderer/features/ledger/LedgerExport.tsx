import { useTranslation } from 'react-i18next';
import type { CommandInput, CommandOutput } from '../../api/types.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../hooks/use-action.js';
import { useState } from 'react';

/** The ledger as a spreadsheet or a printable PDF, with the filters on screen; the station says where it wrote it. */
export function LedgerExport({ query }: { query: CommandInput<'ledger.list'> }) {
  const { t } = useTranslation();
  const exporting = useAction();
  const [written, setWritten] = useState<CommandOutput<'ledger.export'> | null>(null);
  const run = async (format: 'xlsx' | 'pdf') => {
    setWritten(null);
    const result = await exporting.run('ledger.export', { ...query, format });
    if (result) setWritten(result);
  };
  return (
    <div className="ledger-export">
      <button type="button" disabled={exporting.busy} onClick={() => void run('xlsx')} data-testid="ledger-export-xlsx">
        {t('ledger.exportXlsx')}
      </button>
      <button type="button" disabled={exporting.busy} onClick={() => void run('pdf')} data-testid="ledger-export-pdf">
        {t('ledger.exportPdf')}
      </button>
      {written ? (
        <p className="saved" role="status" data-testid="ledger-exported">
          {t('ledger.exported', { rows: written.rows })} <span className="mono break">{written.path}</span>
        </p>
      ) : null}
      {exporting.error ? <ErrorMessage error={exporting.error} testId="ledger-export-error" /> : null}
    </div>
  );
}
