import { useTranslation } from 'react-i18next';
import type { SignoffReview } from '../../../src-main/contract/index.js';
import { useStation } from '../../state/station-context.js';

/** Who had the recorder, when it came back against its deadline, and why it was late (Art. 13). */
export function SignoffCheckouts({ checkouts }: { checkouts: SignoffReview['checkouts'] }) {
  const { t } = useTranslation();
  const { formatTime } = useStation();
  return (
    <section aria-labelledby="signoff-checkouts-heading">
      <h4 id="signoff-checkouts-heading">{t('signoff.checkouts')}</h4>
      {checkouts.length === 0 ? (
        <p className="muted" data-testid="signoff-no-checkouts">
          {t('signoff.noCheckouts')}
        </p>
      ) : (
        <table className="files" data-testid="signoff-checkouts">
          <thead>
            <tr>
              <th scope="col">{t('signoff.checkout.officer')}</th>
              <th scope="col">{t('signoff.checkout.out')}</th>
              <th scope="col">{t('signoff.checkout.returned')}</th>
              <th scope="col">{t('signoff.checkout.deadline')}</th>
              <th scope="col">{t('signoff.checkout.late')}</th>
            </tr>
          </thead>
          <tbody>
            {checkouts.map((checkout) => (
              <tr key={checkout.checkoutId} data-testid="signoff-checkout" data-late={checkout.late}>
                <td>{checkout.officer}</td>
                <td className="num nowrap">{formatTime(checkout.checkedOutAt)}</td>
                <td className="num nowrap">{formatTime(checkout.returnedAt)}</td>
                <td className="num nowrap">{formatTime(checkout.deadline)}</td>
                <td>
                  {checkout.late ? <span className="pill pill-bad">{t('signoff.checkout.isLate')}</span> : t('signoff.checkout.onTime')}
                  {checkout.late ? (
                    <div data-testid="signoff-late-reason">
                      {checkout.lateReason ? t('signoff.checkout.lateReason', { reason: checkout.lateReason }) : t('signoff.checkout.noLateReason')}
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
