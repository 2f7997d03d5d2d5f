import { useCallback, useEffect, useRef, useState } from 'react';
import type { LogEntry } from '../engine/attempt-log.ts';
import type { LoadedScenario } from '../scenario/loader.ts';
import type { AttemptRecord } from '../store/db.ts';
import { attemptStore, findScenario } from './app-services.ts';
import { AttemptChannel, SILENCE_MS, type SessionState } from './attempt-channel.ts';

export type Link = 'waiting' | 'open' | 'closed';

export type LiveAttempt =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly message: string }
  | {
      readonly kind: 'ready';
      readonly attempt: AttemptRecord;
      readonly scenario: LoadedScenario;
      readonly log: readonly LogEntry[];
      /** The trainee window's clock, pause and speed, as last reported (or as stored). */
      readonly state: SessionState;
      /** Whether the trainee's window is there: heard from within the last few seconds. */
      readonly link: Link;
      readonly channel: AttemptChannel;
    };

/**
 * Follows an attempt played in another window: reads the log from IndexedDB (the truth) each
 * time the trainee's window says it stored something, and watches its heartbeat.
 */
export function useLiveAttempt(attemptId: string): LiveAttempt {
  const [loaded, setLoaded] = useState<{ attempt: AttemptRecord; scenario: LoadedScenario; log: readonly LogEntry[] } | { error: string } | undefined>();
  const [state, setState] = useState<SessionState | undefined>();
  const [link, setLink] = useState<Link>('waiting');
  const [channel, setChannel] = useState<AttemptChannel | undefined>();
  const lastHeard = useRef<number>(Date.now());
  const loading = useRef<Promise<void> | undefined>(undefined);
  const again = useRef(false);
  const length = useRef(-1);

  const reload = useCallback(async (): Promise<void> => {
    if (loading.current) {
      again.current = true;
      return loading.current;
    }
    const run = (async () => {
      do {
        again.current = false;
        const result = await attemptStore.load(attemptId);
        if (!result.ok) {
          setLoaded({ error: result.error.message });
          return;
        }
        const scenario = findScenario(result.value.attempt.scenarioId);
        if (!scenario) {
          setLoaded({ error: `This attempt is for the scenario "${result.value.attempt.scenarioId}", which is not in this app's library.` });
          return;
        }
        length.current = result.value.log.length;
        setLoaded({ attempt: result.value.attempt, scenario, log: result.value.log });
      } while (again.current);
    })();
    loading.current = run;
    try {
      await run;
    } finally {
      loading.current = undefined;
    }
  }, [attemptId]);

  useEffect(() => {
    const opened = new AttemptChannel(attemptId);
    setChannel(opened);
    return () => opened.close();
  }, [attemptId]);

  useEffect(() => {
    void reload();
    if (!channel) return;
    const stop = channel.listen((message) => {
      if (message.kind === 'closing') {
        setLink('closed');
        return;
      }
      if (message.kind !== 'changed' && message.kind !== 'heartbeat') return;
      lastHeard.current = Date.now();
      setLink('open');
      setState(message.state);
      if (message.state.logLength !== length.current) void reload();
    });
    channel.post({ kind: 'hello' });
    const watch = window.setInterval(() => {
      if (Date.now() - lastHeard.current > SILENCE_MS) setLink('closed');
    }, 500);
    return () => {
      stop();
      window.clearInterval(watch);
    };
  }, [channel, reload]);

  if (!loaded || !channel) return { kind: 'loading' };
  if ('error' in loaded) return { kind: 'error', message: loaded.error };
  const stored = { logLength: loaded.log.length, simTime: loaded.attempt.simTime, paused: true, speed: loaded.attempt.settings.speed };
  const reported = state ?? stored;
  // The clock never reads behind what the log already holds.
  const shown: SessionState = { ...reported, simTime: Math.max(reported.simTime, loaded.log.at(-1)?.t ?? 0) };
  return { kind: 'ready', ...loaded, state: shown, link, channel };
}
