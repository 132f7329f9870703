import { useTranslation } from 'react-i18next';
import { DayRange } from '../../components/DayRange.js';
import { knownActions } from './audit-words.js';

export interface AuditFilterInputs {
  actor: string;
  action: string;
  /** An object's beginning: `device:3`, `ingest:`, `recording:12`. */
  object: string;
  /** Days as YYYY-MM-DD; empty leaves that end open. */
  from: string;
  to: string;
}

export const noAuditFilters: AuditFilterInputs = { actor: '', action: '', object: '', from: '', to: '' };

interface Props {
  inputs: AuditFilterInputs;
  onChange(change: Partial<AuditFilterInputs>): void;
}

export function AuditFilters({ inputs, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="filters" role="search">
      <label>
        <span>{t('audit.filters.actor')}</span>
        <input type="search" value={inputs.actor} placeholder={t('audit.filters.actorHint')} onChange={(event) => onChange({ actor: event.target.value })} data-testid="audit-actor" />
      </label>
      <label>
        <span>{t('audit.filters.action')}</span>
        <select value={inputs.action} onChange={(event) => onChange({ action: event.target.value })} data-testid="audit-action">
          <option value="">{t('audit.filters.allActions')}</option>
          {knownActions.map((action) => (
            <option key={action} value={action}>
              {t(`auditAction.${action}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('audit.filters.object')}</span>
        <input type="search" value={inputs.object} placeholder={t('audit.filters.objectHint')} onChange={(event) => onChange({ object: event.target.value })} data-testid="audit-object" />
      </label>
      <DayRange from={inputs.from} to={inputs.to} onFrom={(from) => onChange({ from })} onTo={(to) => onChange({ to })} testId="audit-days" />
    </div>
  );
}
