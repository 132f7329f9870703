import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { useFullscreen } from '../../hooks/use-fullscreen.js';
import { routeHref } from '../../state/route.js';
import { useStation } from '../../state/station-context.js';
import { useCalibrationDrawing } from './use-calibration-drawing.js';

/**
 * The screen officers film when they take a recorder out (Art. 7): the station's clock as a QR
 * code the ingest reads back from the footage, and as figures a person can read.
 */
/** `onClose`: shown over a form (the check-out's) rather than as a page; its back button closes it. */
export function CalibrationClockPage({ onClose }: { onClose?: () => void } = {}) {
  const { t } = useTranslation();
  const { info, offsetMs, formatTime } = useStation();
  const fullscreen = useFullscreen();
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const date = useRef<HTMLSpanElement>(null);
  const time = useRef<HTMLSpanElement>(null);
  const targets = useMemo(() => ({ frame, canvas, date, time }), []);
  useCalibrationDrawing(targets, offsetMs, formatTime);

  // Over a form it is a dialog inside the page's main region, not a second main region.
  const Root = onClose ? 'div' : 'main';
  return (
    <Root className="calibration" data-testid="calibration-clock" role={onClose ? 'dialog' : undefined} aria-label={onClose ? t('calibration.title') : undefined}>
      <div className="calibration-code" ref={frame}>
        <canvas ref={canvas} role="img" aria-label={t('calibration.codeLabel')} data-testid="calibration-qr" />
      </div>
      <div className="calibration-side">
        <h1>{t('calibration.title')}</h1>
        <p className="calibration-station">{info.stationName}</p>
        <time className="calibration-time" aria-live="off">
          <span ref={date} className="calibration-date" data-testid="calibration-date" />
          <span ref={time} className="calibration-hms" data-testid="calibration-time" />
        </time>
        <p className="calibration-zone" data-testid="calibration-zone">
          {t('calibration.zone', { zone: info.zone })}
        </p>
        <p className="calibration-instructions" data-testid="calibration-instructions">
          {t('calibration.instructions')}
        </p>
        <div className="calibration-tools">
          <button type="button" onClick={fullscreen.toggle} data-testid="calibration-fullscreen">
            {fullscreen.active ? t('calibration.exitFullscreen') : t('calibration.fullscreen')}
          </button>
          {onClose ? (
            <button type="button" onClick={onClose} data-testid="calibration-close">
              {t('calibration.close')}
            </button>
          ) : (
            <a href={routeHref({ page: 'devices' })} data-testid="calibration-back">
              {t('calibration.back')}
            </a>
          )}
          <LanguageSwitch />
        </div>
      </div>
    </Root>
  );
}
