import { useTranslation } from 'react-i18next';
import type { PreUseCheck } from './checkout-form.js';

interface Props {
  check: PreUseCheck;
  value: 'ok' | 'fail' | null;
  error: string | undefined;
  onChange(value: 'ok' | 'fail'): void;
}

/** One of Art. 7's checks as two radio buttons with neither chosen: the clerk answers it, nothing is assumed. */
export function CheckButtons({ check, value, error, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="check-buttons" data-testid={`check-${check}`} aria-invalid={error ? true : undefined}>
      <legend>{t(`checkout.checks.${check}`)}</legend>
      {(['ok', 'fail'] as const).map((answer) => (
        <label key={answer} className={`check-answer check-${answer}`}>
          <input
            type="radio"
            name={`check-${check}`}
            value={answer}
            checked={value === answer}
            onChange={() => onChange(answer)}
            data-testid={`check-${check}-${answer}`}
          />
          {t(`checkout.answer.${answer}`)}
        </label>
      ))}
      {error ? (
        <span className="field-error" data-testid={`check-${check}-error`}>
          {t(error)}
        </span>
      ) : null}
    </fieldset>
  );
}
