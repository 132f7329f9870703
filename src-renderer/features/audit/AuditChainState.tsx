import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useCommand } from '../../hooks/use-command.js';

/** The chain's state as `audit.verify` finds it now: rows, signed checkpoints, intact or each problem. */
export function AuditChainState() {
  const { t, i18n } = useTranslation();
  const verify = useCommand('audit.verify', {});
  const report = verify.value;
  const number = (n: number) => n.toLocaleString(i18n.language);
  const checking = verify.state === 'loading';
  return (
    <section className={`audit-chain ${report === null ? '' : report.ok ? 'intact' : 'broken'}`} aria-live="polite" data-testid="audit-chain">
      <div className="audit-chain-head">
        <strong data-testid="audit-chain-state" data-ok={report === null || checking ? undefined : String(report.ok)}>
          {checking ? t('audit.checking') : report === null ? null : report.ok ? t('audit.intact') : t('audit.broken', { count: report.problems.length })}
        </strong>
        {report ? (
          <span className="muted" data-testid="audit-chain-counts">
            {t('audit.counts', { rows: number(report.rows), checkpoints: number(report.checkpoints) })}
          </span>
        ) : null}
        <button type="button" onClick={verify.reload} disabled={checking} data-testid="audit-verify">
          {t('audit.verifyNow')}
        </button>
      </div>
      {verify.state === 'failed' ? <ErrorMessage error={verify.error} /> : null}
      {report && !report.ok ? (
        <ul className="audit-problems" data-testid="audit-problems">
          {report.problems.map((problem) => (
            <li key={`${problem.seq}-${problem.problem}`} data-problem={problem.problem} data-seq={problem.seq}>
              {t('audit.problemAt', { seq: number(problem.seq), problem: t(`auditProblem.${problem.problem}`) })}
            </li>
          ))}
        </ul>
      ) : null}
      {report && !report.ok ? <p className="muted">{t('audit.brokenHint')}</p> : null}
    </section>
  );
}
