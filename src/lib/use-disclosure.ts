import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

/**
 * A disclosure (a button that shows and hides a panel; not an ARIA menu): a pointer anywhere
 * outside `container` closes it, and Escape inside closes it and gives focus back to the button.
 * Spread `buttonProps` on the button and `containerProps` on the element holding both.
 */
export function useDisclosure<Container extends HTMLElement>() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const container = useRef<Container>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  return {
    open,
    close: () => setOpen(false),
    panelId,
    containerProps: {
      ref: container,
      onKeyDown: (event: KeyboardEvent) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          toggle.current?.focus();
        }
      },
    },
    buttonProps: {
      ref: toggle,
      type: 'button' as const,
      'aria-expanded': open,
      'aria-controls': panelId,
      onClick: () => setOpen((value) => !value),
    },
  };
}
