import { useEffect } from 'react';

/** What counts as someone at the desk: a key, the mouse, a touch, the wheel. */
const inputEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` once after `minutes` without input in this page. The core locks on its own too,
 * after the same time without commands, but a page that polls keeps the core busy while nobody is
 * there: only the page knows whether a person is.
 */
export function useIdleLock(minutes: number | null, onIdle: () => void): void {
  useEffect(() => {
    if (minutes === null || minutes <= 0) return;
    const idleMs = minutes * 60_000;
    let lastInput = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    const noteInput = () => {
      lastInput = Date.now();
    };
    // One timer, moved on when it finds input since it was set, rather than a new timer per mouse move.
    const check = () => {
      const left = lastInput + idleMs - Date.now();
      if (left > 0) timer = setTimeout(check, left);
      else onIdle();
    };
    timer = setTimeout(check, idleMs);
    for (const name of inputEvents) window.addEventListener(name, noteInput, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const name of inputEvents) window.removeEventListener(name, noteInput, { capture: true });
    };
  }, [minutes, onIdle]);
}
