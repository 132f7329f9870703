import { useTranslation } from 'react-i18next';
import type { DriftBasis } from '../../src-main/contract/index.js';
import { amountPhrase, describeDrift, driftKey } from '../format/drift.js';

/** "记录仪时钟快 2 分 17 秒（依据：校时码）" / "The recorder's clock was 2 min 17 s fast (from the calibration clip)". */
export function useDriftText(): (seconds: number | null, basis: DriftBasis) => string {
  const { t } = useTranslation();
  return (seconds, basis) => {
    const description = describeDrift(seconds, basis);
    if (description.kind === 'unknown') return t('drift.unknown');
    const basisText = t(`drift.basis.${description.basis}`);
    if (description.kind === 'on-time') return t('drift.onTime', { basis: basisText });
    const amount = t(description.amount.key, description.amount.values);
    return t(driftKey(description), { amount, basis: basisText });
  };
}

/** A length in words down to the second ("1 分 5 秒"), for gaps and drifts. */
export function useAmountText(): (seconds: number) => string {
  const { t } = useTranslation();
  return (seconds) => {
    const phrase = amountPhrase(seconds);
    return t(phrase.key, phrase.values);
  };
}
