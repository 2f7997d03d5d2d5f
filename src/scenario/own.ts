/** A record lookup that ignores inherited keys: an id like "toString" or "constructor" is just unknown. */
export const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);
