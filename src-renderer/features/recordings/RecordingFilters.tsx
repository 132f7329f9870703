import { useTranslation } from 'react-i18next';
import type { MediaKind } from '../../../src-main/contract/index.js';
import { DayRange } from '../../components/DayRange.js';
import { DeviceSelect } from '../../components/DeviceSelect.js';
import type { RecordingFilter } from './use-recording-pages.js';

const kinds: readonly MediaKind[] = ['video', 'audio', 'photo', 'other'];

/** What the officer has typed or chosen; typed text is applied once it settles. */
export type FilterInputs = Omit<RecordingFilter, 'ingestId'>;

interface Props {
  inputs: FilterInputs;
  onChange(change: Partial<FilterInputs>): void;
}

export function RecordingFilters({ inputs, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="filters" role="search">
      <label>
        <span>{t('recordings.search')}</span>
        <input
          type="search"
          value={inputs.search}
          maxLength={200}
          placeholder={t('recordings.searchPlaceholder')}
          onChange={(event) => onChange({ search: event.target.value })}
          data-testid="recordings-search"
        />
      </label>
      <label>
        <span>{t('recordings.kind')}</span>
        <select
          value={inputs.kind ?? ''}
          onChange={(event) => onChange({ kind: event.target.value === '' ? null : (event.target.value as MediaKind) })}
          data-testid="recordings-kind"
        >
          <option value="">{t('recordings.allKinds')}</option>
          {kinds.map((value) => (
            <option key={value} value={value}>
              {t(`kinds.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('recordings.officer')}</span>
        <input
          type="search"
          value={inputs.officer}
          maxLength={20}
          size={8}
          placeholder={t('recordings.officerPlaceholder')}
          onChange={(event) => onChange({ officer: event.target.value })}
          data-testid="recordings-officer"
        />
      </label>
      <label className="check">
        <input type="checkbox" checked={inputs.importantOnly} onChange={(event) => onChange({ importantOnly: event.target.checked })} data-testid="recordings-important" />
        <span>{t('recordings.importantOnly')}</span>
      </label>
      <DeviceSelect deviceId={inputs.deviceId} onChange={(deviceId) => onChange({ deviceId })} testId="recordings-device" />
      <DayRange from={inputs.from} to={inputs.to} onFrom={(from) => onChange({ from })} onTo={(to) => onChange({ to })} testId="recordings-days" />
      <label className="check">
        <input type="checkbox" checked={inputs.damagedOnly} onChange={(event) => onChange({ damagedOnly: event.target.checked })} data-testid="recordings-damaged" />
        <span>{t('recordings.damagedOnly')}</span>
      </label>
    </div>
  );
}
