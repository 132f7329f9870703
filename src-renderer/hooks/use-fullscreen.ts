import { useCallback, useEffect, useState } from 'react';

/** Browser fullscreen for the whole page; the state follows Escape and F11 too, not only our button. */
export function useFullscreen(): { active: boolean; toggle(): void } {
  const [active, setActive] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const onChange = () => setActive(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const toggle = useCallback(() => {
    // Refused (no user gesture, a kiosk policy): the screen still works in the window.
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void document.documentElement.requestFullscreen().catch(() => undefined);
  }, []);
  return { active, toggle };
}
