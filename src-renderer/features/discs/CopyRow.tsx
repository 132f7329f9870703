import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiscCopy } from '../../../src-main/contract/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../hooks/use-action.js';
import { useStation } from '../../state/station-context.js';
import { CheckList } from './CheckList.js';
import { copyActions } from './disc-view.js';

interface Props {
  discId: string;
  copy: DiscCopy;
  staff: boolean;
  onBurn(mode: 'burn' | 'verify'): void;
  onChanged(): void;
}

/** One copy (A or B) in the register: where it stands, when burned and checked, where it is kept, when it is due again. */
export function CopyRow({ discId, copy, staff, onBurn, onChanged }: Props) {
  const { t } = useTranslation();
  const { formatTime } = useStation();
  const [location, setLocation] = useState<string | null>(null);
  const store = useAction();
  const may = copyActions(copy);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const text = location?.trim() ?? '';
    if (text === '') return;
    if (await store.run('discs.store', { discId, copy: copy.copy, location: text })) {
      setLocation(null);
      onChanged();
    }
  };
  return (
    <tr data-testid="disc-copy" data-copy={copy.copy} data-state={copy.state}>
      <th scope="row">{t('discs.copyName', { copy: copy.copy })}</th>
      <td>
        <span className={`badge disc-copy-${copy.state}`} data-testid="disc-copy-state">
          {t(`discs.copyState.${copy.state}`)}
        </span>
        {copy.problem ? (
          <div className="signoff-reason-short" data-testid="disc-copy-problem">
            {copy.problem}
          </div>
        ) : null}
      </td>
      <td className="num nowrap">{formatTime(copy.burnedAt)}</td>
      <td className="num nowrap">
        {formatTime(copy.verifiedAt)}
        {copy.checks ? <CheckList checks={copy.checks} testId="disc-copy-checks" /> : null}
      </td>
      <td data-testid="disc-copy-location">
        {location === null ? (
          (copy.location ?? '—')
        ) : (
          <form className="disc-store" onSubmit={(event) => void save(event)} noValidate>
            <input
              value={location}
              maxLength={300}
              placeholder={t('discs.locationPlaceholder')}
              aria-label={t('discs.columns.location')}
              onChange={(event) => setLocation(event.target.value)}
              data-testid="disc-store-location"
            />
            <button type="submit" className="primary" disabled={store.busy || location.trim() === ''} data-testid="disc-store-save">
              {t('discs.storeSave')}
            </button>
            <button type="button" className="link" onClick={() => setLocation(null)}>
              {t('common.back')}
            </button>
          </form>
        )}
        {store.error ? <ErrorMessage error={store.error} testId="disc-store-error" /> : null}
      </td>
      <td className="num nowrap" data-testid="disc-copy-due">
        {formatTime(copy.nextCheckDue)}
      </td>
      <td className="actions">
        {staff && may.burn ? (
          <button type="button" className="primary" onClick={() => onBurn('burn')} data-testid="disc-copy-burn">
            {t('discs.burn', { copy: copy.copy })}
          </button>
        ) : null}
        {staff && may.store && location === null ? (
          <button type="button" onClick={() => setLocation(copy.location ?? '')} data-testid="disc-copy-store">
            {copy.state === 'stored' ? t('discs.move') : t('discs.store')}
          </button>
        ) : null}
        {staff && may.verify ? (
          <button type="button" onClick={() => onBurn('verify')} data-testid="disc-copy-verify">
            {t('discs.verify')}
          </button>
        ) : null}
      </td>
    </tr>
  );
}
