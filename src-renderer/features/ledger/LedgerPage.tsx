import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandInput } from '../../api/types.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useCommand } from '../../hooks/use-command.js';
import { useStation } from '../../state/station-context.js';
import { CheckinForm } from './CheckinForm.js';
import { CheckoutForm } from './CheckoutForm.js';
import { LedgerExport } from './LedgerExport.js';
import { LedgerFilters, type LedgerFilterInputs } from './LedgerFilters.js';
import { LedgerRow, ledgerColumns } from './LedgerRow.js';
import { useLedgerChanges } from './use-ledger-changes.js';

type Done = { kind: 'checkout'; device: string; officer: string } | { kind: 'checkin'; deadline: string };

function ledgerQuery(filters: LedgerFilterInputs): CommandInput<'ledger.list'> {
  return {
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.deviceSerial ? { deviceSerial: filters.deviceSerial } : {}),
    ...(filters.officerNumber ? { officerNumber: filters.officerNumber } : {}),
  };
}

/** 设备台账: the clerk checks recorders out and in here, and prints or exports the book. */
export function LedgerPage() {
  const { t } = useTranslation();
  const { formatTime } = useStation();
  const [filters, setFilters] = useState<LedgerFilterInputs>({ from: '', to: '', deviceSerial: '', officerNumber: '' });
  const query = ledgerQuery(filters);
  const list = useCommand('ledger.list', query);
  useLedgerChanges(list.reload);
  const [form, setForm] = useState<'checkout' | 'checkin' | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const filter = useCallback((change: Partial<LedgerFilterInputs>) => setFilters((previous) => ({ ...previous, ...change })), []);
  const openForm = (which: 'checkout' | 'checkin') => {
    setDone(null);
    setForm(which);
  };
  const filtered = Boolean(filters.from || filters.to || filters.deviceSerial || filters.officerNumber);

  return (
    <div className="page" data-testid="ledger-page">
      <div className="page-head">
        <h2>{t('ledger.title')}</h2>
        <div className="ledger-actions">
          <button type="button" className="primary" onClick={() => openForm('checkout')} data-testid="open-checkout">
            {t('checkout.open')}
          </button>
          <button type="button" className="primary" onClick={() => openForm('checkin')} data-testid="open-checkin">
            {t('checkin.open')}
          </button>
        </div>
      </div>
      {done ? (
        <p className="saved" role="status" data-testid="ledger-done">
          {done.kind === 'checkout' ? t('checkout.done', { device: done.device, officer: done.officer }) : t('checkin.done', { deadline: formatTime(done.deadline) })}
        </p>
      ) : null}
      {form === 'checkout' ? (
        <CheckoutForm
          onCancel={() => setForm(null)}
          onDone={(receipt) => {
            setForm(null);
            setDone({ kind: 'checkout', device: receipt.device.serial, officer: receipt.officer.name });
            list.reload();
          }}
        />
      ) : null}
      {form === 'checkin' ? (
        <CheckinForm
          onCancel={() => setForm(null)}
          onDone={(receipt) => {
            setForm(null);
            setDone({ kind: 'checkin', deadline: receipt.deadline });
            list.reload();
          }}
        />
      ) : null}
      <LedgerFilters inputs={filters} onChange={filter} />
      <LedgerExport query={query} />
      {list.state === 'failed' ? <ErrorMessage error={list.error} testId="ledger-error" /> : null}
      {list.value && list.value.length === 0 ? (
        <p className="muted" data-testid="ledger-empty">
          {filtered ? t('ledger.noMatch') : t('ledger.empty')}
        </p>
      ) : null}
      {list.value && list.value.length > 0 ? (
        <div className="table-scroll">
          <table className="ledger" data-testid="ledger-table">
            <thead>
              <tr>
                {ledgerColumns.map((column) => (
                  <th key={column} scope="col">
                    {t(`ledger.columns.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {list.value.map((entry) => (
                <LedgerRow key={entry.checkoutId} entry={entry} formatTime={formatTime} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
