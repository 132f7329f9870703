import { useTranslation } from 'react-i18next';
import type { IngestProgress } from '../../../src-main/contract/index.js';
import { stepStates } from '../../state/ingest-phase.js';

/**
 * After the last byte the read-back, the metadata and the clock check still take a few seconds:
 * each step is named with its state, so the page does not seem stuck at 99%.
 */
export function IngestSteps({ phase }: { phase: IngestProgress['phase'] }) {
  const { t } = useTranslation();
  return (
    <ol className="ingest-steps" data-testid="ingest-steps">
      {stepStates(phase).map(({ step, state }) => (
        <li key={step} data-step={step} data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
          {state === 'done' ? '✓ ' : null}
          {t(`steps.${step}`)}
        </li>
      ))}
    </ol>
  );
}
