import { useTranslation } from 'react-i18next';
import type { IngestState } from '../../../src-main/contract/index.js';
import { DayRange } from '../../components/DayRange.js';
import { DeviceSelect } from '../../components/DeviceSelect.js';

const states: readonly IngestState[] = ['running', 'completed', 'failed', 'interrupted'];

export interface IngestFilterInputs {
  state: IngestState | null;
  deviceId: number | null;
  /** Days as YYYY-MM-DD; empty leaves that end open. */
  from: string;
  to: string;
}

interface Props {
  inputs: IngestFilterInputs;
  onChange(change: Partial<IngestFilterInputs>): void;
}

export function IngestFilters({ inputs, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="filters" role="search">
      <label>
        <span>{t('filters.state')}</span>
        <select
          value={inputs.state ?? ''}
          onChange={(event) => onChange({ state: states.find((state) => state === event.target.value) ?? null })}
          data-testid="ingests-state"
        >
          <option value="">{t('filters.allStates')}</option>
          {states.map((state) => (
            <option key={state} value={state}>
              {t(`filters.states.${state}`)}
            </option>
          ))}
        </select>
      </label>
      <DeviceSelect deviceId={inputs.deviceId} onChange={(deviceId) => onChange({ deviceId })} testId="ingests-device" />
      <DayRange from={inputs.from} to={inputs.to} onFrom={(from) => onChange({ from })} onTo={(to) => onChange({ to })} testId="ingests-days" />
    </div>
  );
}
