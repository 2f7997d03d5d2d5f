import { afterEach, vi } from 'vitest';

/**
 * Makes every add to the log table fail the way a full disk does, at the IndexedDB level (as
 * the browser tests do), so both Dexie and the store's plain-IndexedDB append meet it. Undone
 * after each test.
 */
export function failLogWrites(name = 'QuotaExceededError', message = 'The quota has been exceeded.'): void {
  const add = IDBObjectStore.prototype.add;
  vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
    if (this.name === 'logEntries') throw new DOMException(message, name);
    return add.apply(this, args);
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});
