import { useEffect } from 'react';
import type { ExerciseSession } from '../../store/exercise-session.ts';
import { AttemptChannel, HEARTBEAT_MS, type SessionState } from '../attempt-channel.ts';
import { carryOut } from './carry-out.ts';

/**
 * The trainee's window as the attempt's only writer: tells the other windows (facilitator,
 * projector) after every stored write and once a second that it is alive, and carries out the
 * facilitator's commands through its own session, replying ok or refused with the reason.
 */
export function useAttemptHost(session: ExerciseSession | undefined): void {
  useEffect(() => {
    if (!session) return;
    const channel = new AttemptChannel(session.attempt.id);
    const state = (): SessionState => ({ logLength: session.log.length, simTime: session.now, paused: session.paused, speed: session.speed });
    // A tab that lost the attempt to another goes quiet: the one that has it now speaks for it.
    const tell = (kind: 'changed' | 'heartbeat') => {
      if (!session.lost) channel.post({ kind, state: state() });
    };
    const unsubscribe = session.subscribe(() => tell('changed'));
    const beat = window.setInterval(() => tell('heartbeat'), HEARTBEAT_MS);
    tell('heartbeat');
    const stop = channel.listen((message) => {
      if (message.kind === 'hello') tell('heartbeat');
      if (message.kind !== 'command') return;
      if (session.lost) return;
      void carryOut(session, message.command).then((outcome) => channel.post({ kind: 'reply', id: message.id, ...outcome }));
    });
    const closing = () => {
      if (!session.lost) channel.post({ kind: 'closing' });
    };
    window.addEventListener('pagehide', closing);
    return () => {
      closing();
      unsubscribe();
      window.clearInterval(beat);
      stop();
      window.removeEventListener('pagehide', closing);
      channel.close();
    };
  }, [session]);
}
