/**
 * A value loaded once and then kept, unless loading fails: a failed load is dropped, so the next `get()`
 * loads again rather than failing for good. `reload()` starts a new load; the newest one wins.
 */
export class KeptPromise<T> {
  private current: Promise<T> | undefined;

  constructor(private readonly load: () => Promise<T>) {}

  get(): Promise<T> {
    return this.current ?? this.reload();
  }

  reload(): Promise<T> {
    const loading = this.load();
    this.current = loading;
    loading.catch(() => {
      if (this.current === loading) this.current = undefined;
    });
    return loading;
  }
}
