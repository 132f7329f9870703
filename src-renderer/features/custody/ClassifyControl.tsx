import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Confidentiality } from '../../../src-main/contract/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../hooks/use-action.js';
import { levelKey, levels, lowers } from './custody-view.js';

interface Props {
  recordingId: number;
  level: Confidentiality;
  /** The core answered: the panel reads the recording again. */
  onChanged(): void;
}

/**
 * 密级 for a clerk, lead or head. Lowering is the head's alone: the core refuses anyone else with
 * `forbidden`, and that refusal is shown as it comes, translated — the page does not guess roles.
 */
export function ClassifyControl({ recordingId, level, onChanged }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [chosen, setChosen] = useState<Confidentiality>(level);
  const classify = useAction();
  const save = async () => {
    const receipt = await classify.run('confidentiality.classify', { recordingId, level: chosen });
    if (receipt) onChanged();
  };
  const forbiddenText = classify.error?.code === 'forbidden' && lowers(level, chosen) ? t('confidentiality.lowerForbidden') : undefined;
  return (
    <div className="classify" data-testid="classify">
      <label htmlFor={`${id}-level`}>{t('confidentiality.label')}</label>{' '}
      <select id={`${id}-level`} value={chosen} onChange={(event) => setChosen(event.target.value as Confidentiality)} data-testid="classify-level">
        {levels.map((option) => (
          <option key={option} value={option}>
            {t(levelKey(option))}
          </option>
        ))}
      </select>{' '}
      <button type="button" onClick={() => void save()} disabled={classify.busy || chosen === level} data-testid="classify-save">
        {t('confidentiality.save')}
      </button>
      {lowers(level, chosen) ? <p className="muted">{t('confidentiality.lowerHint')}</p> : null}
      {classify.error ? <ErrorMessage error={classify.error} text={forbiddenText} testId="classify-error" /> : null}
    </div>
  );
}
