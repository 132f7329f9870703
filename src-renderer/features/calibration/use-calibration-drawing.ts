import { useEffect, useRef, type RefObject } from 'react';
import type { TimeFormatter } from '../../format/station-time.js';
import { clockFace, stationClockText } from './clock-code.js';
import { drawQrCode } from './qr-drawing.js';

// Twenty codes a second: at least the ten the station needs, and each stays up for whole camera
// frames (25–30 fps) rather than blending two codes in one exposure.
const redrawMs = 50;

interface Targets {
  /** Holds the code; its size decides how big the code is drawn. */
  frame: RefObject<HTMLDivElement | null>;
  canvas: RefObject<HTMLCanvasElement | null>;
  date: RefObject<HTMLElement | null>;
  time: RefObject<HTMLElement | null>;
}

/**
 * Redraws the code and the clock face together on animation frames, straight into the DOM: twenty
 * React renders a second would gain nothing, and the two must never show different moments.
 */
export function useCalibrationDrawing(targets: Targets, offsetMs: number, formatTime: TimeFormatter): void {
  const maxPixels = useRef(0);
  useEffect(() => {
    const frame = targets.frame.current;
    if (!frame) return;
    const measure = () => {
      maxPixels.current = Math.floor(Math.min(frame.clientWidth, frame.clientHeight) * window.devicePixelRatio);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(frame);
    return () => observer.disconnect();
  }, [targets.frame]);

  useEffect(() => {
    let request = 0;
    let drawnSlot = -1;
    let drawnPixels = 0;
    const draw = () => {
      const now = Date.now() + offsetMs;
      const slot = Math.floor(now / redrawMs);
      const canvas = targets.canvas.current;
      if (canvas && maxPixels.current > 0 && (slot !== drawnSlot || maxPixels.current !== drawnPixels)) {
        drawnSlot = slot;
        drawnPixels = maxPixels.current;
        const side = drawQrCode(canvas, stationClockText(now), drawnPixels);
        // One canvas pixel on one screen pixel: modules keep hard edges.
        canvas.style.width = canvas.style.height = `${side / window.devicePixelRatio}px`;
        const face = clockFace(now, formatTime);
        if (targets.date.current) targets.date.current.textContent = face.date;
        if (targets.time.current) targets.time.current.textContent = face.time;
      }
      request = requestAnimationFrame(draw);
    };
    request = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(request);
  }, [targets, offsetMs, formatTime]);
}
