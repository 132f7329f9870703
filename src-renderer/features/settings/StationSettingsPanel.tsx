import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../src-main/contract/index.js';
import type { CommandInput } from '../../api/types.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../hooks/use-action.js';
import { useCommand } from '../../hooks/use-command.js';
import { useStation } from '../../state/station-context.js';
import { parseMonths, parseSeconds } from './settings-form.js';

// The contract's bounds for each setting.
const limits = { driftToleranceSeconds: [0, 86_400], recordingGapSeconds: [1, 86_400] } as const;
type SecondsField = keyof typeof limits;
const fields: readonly SecondsField[] = ['driftToleranceSeconds', 'recordingGapSeconds'];
/** The contract's bounds for the disc re-check interval, in months. */
const recheckMonths = [1, 48] as const;

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
  const [texts, setTexts] = useState<Record<SecondsField, string>>({ driftToleranceSeconds: '', recordingGapSeconds: '' });
  const [unitName, setUnitName] = useState('');
  const [months, setMonths] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<SecondsField | 'discRecheckMonths', string>>>({});
  const save = useAction();
  const [saved, setSaved] = useState(false);

  const adopt = (value: Settings) => {
    setSettings(value);
    setTexts({ driftToleranceSeconds: String(value.driftToleranceSeconds), recordingGapSeconds: String(value.recordingGapSeconds) });
    setUnitName(value.unitName);
    setMonths(String(value.discRecheckMonths));
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
    const errors: Partial<Record<SecondsField | 'discRecheckMonths', string>> = {};
    const change: CommandInput<'settings.update'> = {};
    for (const field of fields) {
      const [min, max] = limits[field];
      const parsed = parseSeconds(texts[field], min, max);
      if (parsed.ok) change[field] = parsed.value;
      else errors[field] = t(parsed.error, { min, max });
    }
    const [minMonths, maxMonths] = recheckMonths;
    const parsedMonths = parseMonths(months, minMonths, maxMonths);
    if (parsedMonths.ok) change.discRecheckMonths = parsedMonths.value;
    else errors.discRecheckMonths = t(parsedMonths.error, { min: minMonths, max: maxMonths });
    change.unitName = unitName.trim();
    setFieldErrors(errors);
    if (Object.keys(errors).length === 0 && (await update(change))) setSaved(true);
  };

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
            {fields.map((field) => (
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
            ))}
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
            <label>
              <span>{t('settings.discRecheckMonths')}</span>
              <input
                inputMode="numeric"
                value={months}
                onChange={(event) => {
                  setSaved(false);
                  setMonths(event.target.value);
                }}
                aria-invalid={fieldErrors.discRecheckMonths ? true : undefined}
                data-testid="setting-discRecheckMonths"
              />
              {fieldErrors.discRecheckMonths ? (
                <span className="field-error" data-testid="setting-discRecheckMonths-error">
                  {fieldErrors.discRecheckMonths}
                </span>
              ) : null}
            </label>
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
