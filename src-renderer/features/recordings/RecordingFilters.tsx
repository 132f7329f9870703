import { useTranslation } from 'react-i18next';
import type { MediaKind } from '../../../src-main/contract/index.js';

const kinds: readonly MediaKind[] = ['video', 'audio', 'photo', 'other'];

interface Props {
  search: string;
  kind: MediaKind | null;
  officer: string;
  importantOnly: boolean;
  onSearch(search: string): void;
  onKind(kind: MediaKind | null): void;
  onOfficer(officer: string): void;
  onImportantOnly(importantOnly: boolean): void;
}

export function RecordingFilters({ search, kind, officer, importantOnly, onSearch, onKind, onOfficer, onImportantOnly }: Props) {
  const { t } = useTranslation();
  return (
    <div className="filters" role="search">
      <label>
        <span>{t('recordings.search')}</span>
        <input
          type="search"
          value={search}
          maxLength={200}
          placeholder={t('recordings.searchPlaceholder')}
          onChange={(event) => onSearch(event.target.value)}
          data-testid="recordings-search"
        />
      </label>
      <label>
        <span>{t('recordings.kind')}</span>
        <select
          value={kind ?? ''}
          onChange={(event) => onKind(event.target.value === '' ? null : (event.target.value as MediaKind))}
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
          value={officer}
          maxLength={20}
          size={8}
          placeholder={t('recordings.officerPlaceholder')}
          onChange={(event) => onOfficer(event.target.value)}
          data-testid="recordings-officer"
        />
      </label>
      <label className="check">
        <input type="checkbox" checked={importantOnly} onChange={(event) => onImportantOnly(event.target.checked)} data-testid="recordings-important" />
        <span>{t('recordings.importantOnly')}</span>
      </label>
    </div>
  );
}
