import { useLayoutEffect, useState } from "preact/hooks";

/**
 * A value that views watch. A page's state lives in plain objects (sockets, documents, the
 * console) that update their stores; components only read stores and call the objects' methods,
 * so the logic is tested without rendering and the views stay thin.
 */
export class Store<T> {
  private readonly listeners = new Set<(value: T) => void>();

  constructor(private current: T) {}

  get value(): T {
    return this.current;
  }

  /** Replaces the value with a shallow copy carrying these changes, and tells the watchers. */
  update(changes: Partial<T>): void {
    this.current = { ...this.current, ...changes };
    for (const listener of this.listeners) listener(this.current);
  }

  subscribe(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * The store's current value, rendering again whenever it changes. It subscribes in the task that
 * first renders the view, so a change that comes right after (a reply, an input) shows at once,
 * not a paint later.
 */
export function useStore<T>(store: Store<T>): T {
  const [value, setValue] = useState(store.value);
  useLayoutEffect(() => {
    setValue(store.value);
    return store.subscribe(setValue);
  }, [store]);
  return value;
}
