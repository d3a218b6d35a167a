import { useEffect, useState } from 'preact/hooks';
import { lazy } from '../components/Lazy.js';
import { usePanel } from '../services.js';
import { visible } from '../view/display.js';
import type { HarStatusProps } from './HarStatusBody.js';

/** The status line's content comes with the HAR code; until then (or if it cannot load) this. */
const HarStatusBody = lazy(
  () => import('./HarStatusBody.js').then((m) => m.HarStatusBody),
  ({ har, onDismiss }: HarStatusProps) =>
    har.phase === 'failed' ? (
      // The HAR code itself failed to load: say so without it.
      <p role="alert" class="error-text" data-testid="har-error">
        {visible(har.message.slice(0, 500))}{' '}
        <button type="button" class="link" onClick={onDismiss}>
          Dismiss
        </button>
      </p>
    ) : (
      <p class="muted">…</p>
    ),
);

const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');

/** A file dragged anywhere over the panel can be dropped to import it. */
function useFileDrop(onFile: (file: File) => void): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    // dragenter/dragleave fire for every element crossed: count them to know when it left the page.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const overPage = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault(); // without it the browser opens the file instead of dropping it here
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (file) onFile(file);
    };
    document.addEventListener('dragenter', enter);
    document.addEventListener('dragover', overPage);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragenter', enter);
      document.removeEventListener('dragover', overPage);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', drop);
    };
  }, []);
  return over;
}

/**
 * The line under the toolbar for the last HAR action: reading (progress, cancel), imported (what
 * was found, and whether the file lost its credentials on export), exported, or where a broken
 * file broke. Its content (HarStatusBody.tsx) loads on first use, like the HAR code. Also the
 * drop target for a HAR dragged onto the panel.
 */
export function HarStatus() {
  const { store, har: actions } = usePanel();
  const har = store.state.value.har;
  const dropping = useFileDrop((file) => void actions.importFile(file));
  const dismiss = () => store.dispatch({ type: 'har-dismissed' });
  return (
    <>
      {dropping && (
        <div class="har-drop" aria-hidden="true" data-testid="har-drop">
          <p>Drop the HAR file to diagnose its Rhythm 401s</p>
        </div>
      )}
      {har.phase !== 'idle' && (
        <section
          class={`har-status har-status--${har.phase}`}
          aria-label="HAR file"
          aria-busy={har.phase === 'reading'}
          data-testid="har-status"
          data-phase={har.phase}
        >
          <HarStatusBody har={har} onDismiss={dismiss} />
        </section>
      )}
    </>
  );
}
