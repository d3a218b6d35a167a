/**
 * A row's context menu (right-click, Shift+F10, the context-menu key), as DevTools' Network panel
 * has one: copy the request as cURL (its token left out: `$RHYTHM_TOKEN`), copy the root cause's fix,
 * export this one 401. ↑/↓ move, Enter picks, Esc or a click elsewhere closes; the focus goes back to
 * the list.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { curlCommand, fixOf, TOKEN_VARIABLE } from '../view/row-actions.js';
import { usePanel } from '../services.js';
import type { RowMenuRequest } from './DiagnosisList.js';

export function RowMenu({
  request,
  onClose,
  onExport,
  onDone,
}: {
  request: RowMenuRequest;
  onClose: () => void;
  onExport: () => void;
  /** What was done, for the status line ("Copied …"). */
  onDone: (message: string) => void;
}) {
  const { services } = usePanel();
  const ref = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState({ x: request.x, y: request.y });
  const d = request.entry.diagnosis;
  const fix = fixOf(d);

  const copy = (text: string, what: string) => {
    onClose();
    void services
      .copy(text)
      .then((ok) => onDone(ok ? `Copied ${what}.` : `Could not copy ${what}.`));
  };
  const items: Array<{ label: string; title: string; disabled?: boolean; run: () => void }> = [
    {
      label: 'Copy as cURL',
      title: `The token is left out: the command reads it from $${TOKEN_VARIABLE}`,
      run: () => copy(curlCommand(d), `the request as cURL (set $${TOKEN_VARIABLE} first)`),
    },
    {
      label: 'Copy the fix',
      title: fix ?? 'No check failed: there is no fix to copy',
      disabled: fix === null,
      run: () => fix !== null && copy(fix, 'the fix'),
    },
    {
      label: 'Export this one…',
      title: 'The report of this 401, for Rhythm support',
      run: () => {
        onClose();
        onExport();
      },
    },
  ];

  // Inside the window, and the first item focused.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const box = el.getBoundingClientRect();
    setAt({
      x: Math.max(0, Math.min(request.x, innerWidth - box.width - 2)),
      y: Math.max(0, Math.min(request.y, innerHeight - box.height - 2)),
    });
    el.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  }, [request]);

  useEffect(() => {
    const away = (e: Event) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', away, true);
    window.addEventListener('blur', onClose);
    window.addEventListener('resize', onClose);
    return () => {
      document.removeEventListener('pointerdown', away, true);
      window.removeEventListener('blur', onClose);
      window.removeEventListener('resize', onClose);
    };
  }, [onClose]);

  const onKeyDown = (e: KeyboardEvent) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])].filter(
      (b) => !b.disabled,
    );
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      buttons[(i + step + buttons.length) % buttons.length]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      buttons[e.key === 'Home' ? 0 : buttons.length - 1]?.focus();
    }
  };

  return (
    <div
      ref={ref}
      class="row-menu"
      role="menu"
      aria-label="This 401"
      style={{ left: `${at.x}px`, top: `${at.y}px` }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          title={item.title}
          disabled={item.disabled}
          onClick={item.run}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
