import { useTranslation } from 'react-i18next';
import { DayRange } from '../../components/DayRange.js';
import { useCommand } from '../../hooks/use-command.js';

export interface LedgerFilterInputs {
  from: string;
  to: string;
  deviceSerial: string;
  officerNumber: string;
}

interface Props {
  inputs: LedgerFilterInputs;
  onChange(change: Partial<LedgerFilterInputs>): void;
}

/** Period (days of check-out), device and officer: the ledger a clerk prints for a month or a case. */
export function LedgerFilters({ inputs, onChange }: Props) {
  const { t } = useTranslation();
  const devices = useCommand('devices.list', {});
  const people = useCommand('people.list', {});
  const officers = (people.value ?? []).filter((person) => person.officerNumber !== null);
  return (
    <div className="filters" role="search">
      <DayRange from={inputs.from} to={inputs.to} onFrom={(from) => onChange({ from })} onTo={(to) => onChange({ to })} testId="ledger-days" />
      <label>
        <span>{t('filters.device')}</span>
        <select value={inputs.deviceSerial} onChange={(event) => onChange({ deviceSerial: event.target.value })} data-testid="ledger-filter-device">
          <option value="">{t('filters.allDevices')}</option>
          {(devices.value ?? []).map((device) => (
            <option key={device.id} value={device.serial}>
              {device.name ? `${device.name} (${device.serial})` : device.serial}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('ledger.officer')}</span>
        <select value={inputs.officerNumber} onChange={(event) => onChange({ officerNumber: event.target.value })} data-testid="ledger-filter-officer">
          <option value="">{t('ledger.allOfficers')}</option>
          {officers.map((person) => (
            <option key={person.id} value={person.officerNumber ?? ''}>
              {`${person.name} (${person.officerNumber ?? ''})`}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
