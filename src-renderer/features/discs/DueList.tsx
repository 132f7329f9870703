import { useTranslation } from 'react-i18next';
import type { DiscEntry, DiscProgress } from '../../../src-main/contract/index.js';
import { useSession } from '../../state/session.js';
import { DiscCard } from './DiscCard.js';
import { isDiscStaff } from './disc-view.js';

interface Props {
  discs: readonly DiscEntry[];
  progress: Readonly<Record<string, DiscProgress>>;
  onChanged(): void;
}

/** The discs with a copy whose re-check is due, each under its case, with the re-check at hand. */
export function DueList({ discs, progress, onChanged }: Props) {
  const { t } = useTranslation();
  const { status } = useSession();
  return (
    <ul className="disc-due-list">
      {discs.map((disc) => (
        <li key={disc.discId} data-testid="disc-due">
          <p>
            <strong className="mono">{disc.caseNumber}</strong> {disc.caseName} <span className="pill pill-warn">{t(`discs.reason.${disc.reason}`)}</span>
          </p>
          <DiscCard disc={disc} staff={isDiscStaff(status)} progress={progress[disc.discId] ?? null} onChanged={onChanged} />
        </li>
      ))}
    </ul>
  );
}
