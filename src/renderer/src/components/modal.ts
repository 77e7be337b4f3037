import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled])';

/**
 * What every modal does with focus: on open it remembers what had focus and moves focus to
 * `initial()`; on close it gives focus back. `initial` is read once, when the modal opens.
 * A layout effect, so focus is back on the opener in the same commit that removes the modal:
 * there is never a moment when focus has fallen to the page body (which a screen reader reads out).
 */
export function useModalFocus(initial: () => HTMLElement | null | undefined): void {
  const initialRef = useRef(initial);
  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    initialRef.current()?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);
}

/** A modal's keys: Escape closes it, Tab and Shift+Tab go round inside it. */
export function onModalKeyDown(event: KeyboardEvent<HTMLElement>, modal: HTMLElement | null, onClose: () => void): void {
  if (event.key === 'Escape') {
    event.stopPropagation();
    onClose();
    return;
  }
  if (event.key !== 'Tab') return;
  // Of a radio group only the checked radio is a Tab stop.
  const focusable = [...(modal?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter(
    (element) => !(element instanceof HTMLInputElement && element.type === 'radio' && !element.checked),
  );
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/** The first thing in `container` a person can focus. */
export function firstFocusable(container: HTMLElement | null | undefined): HTMLElement | null {
  return container?.querySelector<HTMLElement>(FOCUSABLE) ?? null;
}
