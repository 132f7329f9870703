import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../src-main/contract/index.js';
import type { CommandInput } from '../../api/types.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../hooks/use-action.js';
import { useCommand } from '../../hooks/use-command.js';
import { useStation } from '../../state/station-context.js';
import { parseMonths, parseSeconds } from './settings-form.js';

// The number settings: the contract's bounds for each, and the parser that names its unit in the error.
const numberFields = {
  driftToleranceSeconds: { min: 0, max: 86_400, parse: parseSeconds },
  recordingGapSeconds: { min: 1, max: 86_400, parse: parseSeconds },
  discRecheckMonths: { min: 1, max: 48, parse: parseMonths },
} as const;
type NumberField = keyof typeof numberFields;
const fields = Object.keys(numberFields) as NumberField[];
/** The clock and recording settings come first; the disc re-check interval sits with the unit name, under the disc hint. */
const clockFields: readonly NumberField[] = ['driftToleranceSeconds', 'recordingGapSeconds'];

const textsOf = (value: Settings): Record<NumberField, string> => ({
  driftToleranceSeconds: String(value.driftToleranceSeconds),
  recordingGapSeconds: String(value.recordingGapSeconds),
  discRecheckMonths: String(value.discRecheckMonths),
});

/**
 * Auto-ingest, the clock tolerance (Art. 7), the gap in a recording that asks for an explanation
 * (Art. 12), and for the discs (Art. 16) the producing unit on their labels and how often a stored copy is checked again.
 */
export function StationSettingsPanel() {
  const { t } = useTranslation();
  const loaded = useCommand('settings.get', {});
  const { info } = useStation();
  const forced = info?.autoIngestOverride ?? null;
  const [settings, setSettings] = useState<Settings | null>(null);
  const [texts, setTexts] = useState<Record<NumberField, string>>({ driftToleranceSeconds: '', recordingGapSeconds: '', discRecheckMonths: '' });
  const [unitName, setUnitName] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<NumberField, string>>>({});
  const save = useAction();
  const [saved, setSaved] = useState(false);

  const adopt = (value: Settings) => {
    setSettings(value);
    setTexts(textsOf(value));
    setUnitName(value.unitName);
  };
  useEffect(() => {
    if (loaded.value) adopt(loaded.value);
  }, [loaded.value]);

  const update = async (change: CommandInput<'settings.update'>): Promise<boolean> => {
    setSaved(false);
    const value = await save.run('settings.update', change);
    if (!value) return false;
    adopt(value);
    return true;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: Partial<Record<NumberField, string>> = {};
    const change: CommandInput<'settings.update'> = {};
    for (const field of fields) {
      const { min, max, parse } = numberFields[field];
      const parsed = parse(texts[field], min, max);
      if (parsed.ok) change[field] = parsed.value;
      else errors[field] = t(parsed.error, { min, max });
    }
    change.unitName = unitName.trim();
    setFieldErrors(errors);
    if (Object.keys(errors).length === 0 && (await update(change))) setSaved(true);
  };

  const numberInput = (field: NumberField) => (
    <label key={field}>
      <span>{t(`settings.${field}`)}</span>
      <input
        inputMode="numeric"
        value={texts[field]}
        onChange={(event) => {
          setSaved(false);
          setTexts({ ...texts, [field]: event.target.value });
        }}
        aria-invalid={fieldErrors[field] ? true : undefined}
        data-testid={`setting-${field}`}
      />
      {fieldErrors[field] ? (
        <span className="field-error" data-testid={`setting-${field}-error`}>
          {fieldErrors[field]}
        </span>
      ) : null}
    </label>
  );

  return (
    <section className="panel settings-panel" aria-labelledby="settings-heading" data-testid="station-settings">
      <h3 id="settings-heading">{t('settings.title')}</h3>
      {loaded.state === 'failed' ? <ErrorMessage error={loaded.error} /> : null}
      {save.error ? <ErrorMessage error={save.error} testId="settings-error" /> : null}
      {settings ? (
        <>
          <label className="switch">
            <input
              type="checkbox"
              role="switch"
              checked={forced ?? settings.autoIngest}
              disabled={save.busy || forced !== null}
              onChange={(event) => void update({ autoIngest: event.target.checked })}
              data-testid="auto-ingest"
            />
            <span>{t('settings.autoIngest')}</span>
          </label>
          <p className="muted hint" data-testid="auto-ingest-hint">
            {forced === null ? t('settings.autoIngestHint') : t('settings.autoIngestForced')}
          </p>
          <form className="settings-form" onSubmit={(event) => void submit(event)} noValidate>
            {clockFields.map(numberInput)}
            <label>
              <span>{t('settings.unitName')}</span>
              <input
                value={unitName}
                maxLength={200}
                placeholder={info?.stationName}
                onChange={(event) => {
                  setSaved(false);
                  setUnitName(event.target.value);
                }}
                data-testid="setting-unitName"
              />
            </label>
            {numberInput('discRecheckMonths')}
            <p className="muted hint">{t('settings.discHint')}</p>
            <div className="actions">
              <button type="submit" disabled={save.busy} data-testid="settings-save">
                {t('settings.save')}
              </button>
              {saved ? (
                <span className="saved" role="status" data-testid="settings-saved">
                  {t('settings.saved')}
                </span>
              ) : null}
            </div>
          </form>
        </>
      ) : null}
    </section>
  );
}
