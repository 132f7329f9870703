import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies a value (a hash, to paste into a case file) and says so; a refused clipboard says that too. */
export function CopyButton({ value, testId }: { value: string; testId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () =>
    navigator.clipboard.writeText(value).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  return (
    <button type="button" className="link" onClick={() => void copy()} data-testid={testId}>
      {t(`copy.${state}`)}
    </button>
  );
}
