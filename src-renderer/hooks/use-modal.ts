import { useEffect, useRef, type RefObject } from 'react';

/**
 * A ref for a native <dialog> that opens it modal while the component is mounted and closes it on
 * unmount: focus trapping and Escape then come from the browser.
 */
export function useModal(): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return ref;
}
