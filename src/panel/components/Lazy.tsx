import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code loads on first use, keeping it out of the panel's first load (SPEC §9
 * budget). Renders nothing until the chunk has arrived (a few ms from the extension's own files).
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: Promise<ComponentType<P>> | undefined;
  return function Lazy(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(null);
    useEffect(() => {
      let alive = true;
      void (loaded ??= load()).then((c) => alive && setComponent(() => c));
      return () => {
        alive = false;
      };
    }, []);
    return Component ? <Component {...props} /> : null;
  };
}
