import { useEffect } from 'preact/hooks';
import { usePanel } from '../services.js';

/** How long Clear's Undo is offered. */
export const UNDO_MS = 10_000;

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * After a Clear that took pasted or imported entries (they live only in this panel): a toast with
 * Undo for a few seconds. Then they go for good, and the panel forgets the pasted tokens.
 */
export function UndoToast() {
  const { store, services } = usePanel();
  const undo = store.state.value.undo;
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => {
      store.dispatch({ type: 'undo-expired' });
      services.forgetPasted?.(undo.pasted.map((e) => e.id));
    }, UNDO_MS);
    return () => clearTimeout(timer);
  }, [undo]);
  if (!undo) return null;
  const parts = [
    undo.pasted.length > 0 ? count(undo.pasted.length, 'pasted token') : '',
    undo.imported.length > 0 ? count(undo.imported.length, 'imported 401') : '',
  ].filter(Boolean);
  return (
    <div class="toast" role="status" data-testid="undo-toast">
      <span>
        Cleared {parts.join(' and ')}
        {undo.stored > 0 ? ` (and ${count(undo.stored, 'captured 401')}, which stay cleared)` : ''}.
      </span>{' '}
      <button type="button" class="link" onClick={() => store.dispatch({ type: 'undo-clear' })}>
        Undo
      </button>
    </div>
  );
}
