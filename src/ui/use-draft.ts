import { useEffect, useRef, useState } from 'react';
import { attemptStore } from './app-services.ts';

/**
 * Form state that survives closing the tab: read back on mount, saved to IndexedDB half a
 * second after the last keystroke (and when the page is hidden). `clear` drops it once the
 * form has been submitted.
 */
export function useDraft<T>(key: string, initial: T, isValid: (value: unknown) => value is T): { value: T; set: (next: T | ((prev: T) => T)) => void; clear: () => void; saveError: string | undefined; saved: boolean } {
  const [value, setValue] = useState<T>(initial);
  const [saveError, setSaveError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const loaded = useRef(false);
  const dirty = useRef(false);
  const latest = useRef(value);
  latest.current = value;

  useEffect(() => {
    let cancelled = false;
    void attemptStore.loadDraft(key).then((stored) => {
      if (cancelled) return;
      if (!dirty.current && isValid(stored)) setValue(stored);
      loaded.current = true;
    });
    return () => {
      cancelled = true;
    };
    // Only the key matters: the validator is a module-level function.
  }, [key]);

  useEffect(() => {
    if (!dirty.current) return;
    const timer = window.setTimeout(() => {
      void attemptStore.saveDraft(key, latest.current).then((result) => {
        setSaveError(result.ok ? undefined : result.error.message);
        setSaved(result.ok);
      });
    }, 500);
    return () => window.clearTimeout(timer);
  }, [key, value]);

  useEffect(() => {
    const flush = () => {
      if (dirty.current) void attemptStore.saveDraft(key, latest.current);
    };
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [key]);

  return {
    value,
    set: (next) => {
      dirty.current = true;
      setSaved(false);
      setValue(next);
    },
    clear: () => {
      dirty.current = false;
      void attemptStore.deleteDraft(key);
    },
    saveError,
    saved,
  };
}
