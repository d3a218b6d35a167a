import type { ComponentChild, ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface LazyComponent<P extends object> {
  (props: P): ComponentChild;
  /** Starts loading the code (once; again after a failure); resolves to the component. */
  load(): Promise<ComponentType<P>>;
}

/**
 * The panel's one way to load code on first use, keeping it out of the first load (SPEC §9
 * budget): a component that renders `fallback` until its chunk has arrived (a few ms from the
 * extension's own files) or when it could not load, and renders at once once it has.
 */
export function lazy<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: (props: P) => ComponentChild = () => null,
): LazyComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | undefined;
  const start = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  function Lazy(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (Component) return;
      let alive = true;
      start().then(
        (c) => alive && setComponent(() => c),
        () => undefined,
      );
      return () => {
        alive = false;
      };
    }, []);
    return Component ? <Component {...props} /> : fallback(props);
  }
  return Object.assign(Lazy, { load: start });
}
