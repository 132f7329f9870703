import { useTranslation } from 'react-i18next';
import type { DiscChecks } from '../../../src-main/contract/index.js';

const checkNames = ['image', 'md5', 'manifest'] as const;

/** The three checks of a copy, each passed, failed or not run (an earlier read failed). */
export function CheckList({ checks, testId }: { checks: DiscChecks; testId: string }) {
  const { t } = useTranslation();
  return (
    <ul className="disc-checks" data-testid={testId}>
      {checkNames.map((name) => {
        const passed = checks[name];
        const outcome = passed === null ? 'notRun' : passed ? 'passed' : 'failed';
        return (
          <li key={name} className={`disc-check-${outcome}`} data-testid={`${testId}-${name}`} data-outcome={outcome}>
            {t(`discs.check.${name}`)}: {t(`discs.checkOutcome.${outcome}`)}
          </li>
        );
      })}
    </ul>
  );
}
