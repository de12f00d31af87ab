import type { ComponentType } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';

/** A dashboard view that is a chunk of its own, loaded when it is first shown (or asked for sooner with `preload`). */
export interface LazyView<P> {
  View: ComponentType<P>;
  preload(): Promise<unknown>;
}

/**
 * Makes a view load on demand: the dashboard's first file then carries only what every
 * view needs, and the team rounds, courses or data pages are fetched when someone opens
 * them. Until its chunk is in, the view renders nothing (it arrives within a frame or two
 * from the extension's own files); a view already loaded renders at once.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let loading: Promise<ComponentType<P>> | null = null;
  let loaded: ComponentType<P> | null = null;
  const preload = () => (loading ??= load().then((component) => (loaded = component)));
  function View(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    // A layout effect: the chunk is asked for right after this render, not a frame later.
    useLayoutEffect(() => {
      let live = true;
      if (!component) void preload().then((next) => live && setComponent(() => next));
      return () => {
        live = false;
      };
    }, []);
    const Loaded = component ?? loaded;
    return Loaded ? <Loaded {...props} /> : null;
  }
  return { View, preload };
}
