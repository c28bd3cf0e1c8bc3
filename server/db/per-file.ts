/**
 * Values made once per database file (the lookup tables, the facet cube), whatever the result
 * cache holds. A make() that fails is forgotten, so the next caller tries again.
 */
export class PerFile {
  private readonly made = new Map<string, Promise<unknown>>();

  get<T>(key: string, make: () => Promise<T>): Promise<T> {
    let p = this.made.get(key);
    if (!p) {
      p = make();
      this.made.set(key, p);
      p.catch(() => this.made.delete(key));
    }
    return p as Promise<T>;
  }

  clear(): void {
    this.made.clear();
  }
}
