import { injectArrivingAt } from '../../engine/facilitator.ts';
import { useEffect } from 'react';
import type { ExerciseSession } from '../../store/exercise-session.ts';
import { AttemptChannel, HEARTBEAT_MS, type ChannelCommand, type SessionState } from '../attempt-channel.ts';
import { SPEEDS } from './labels.ts';

/**
 * The trainee's window as the attempt's only writer: tells the other windows (facilitator,
 * projector) after every stored write and once a second that it is alive, and carries out the
 * facilitator's commands through its own session, replying ok or refused with the reason.
 */
export function useAttemptHost(session: ExerciseSession | undefined): void {
  useEffect(() => {
    if (!session) return;
    const channel = new AttemptChannel(session.attempt.id);
    const state = (): SessionState => ({ logLength: session.log.length, simTime: session.now, paused: session.paused, speed: session.speed, lost: session.lost });
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

async function carryOut(session: ExerciseSession, command: ChannelCommand): Promise<{ ok: boolean; reason?: string }> {
  const closed = session.attempt.status !== 'in-progress';
  switch (command.type) {
    case 'pause':
      await session.setPaused(true);
      return { ok: true };
    case 'resume':
      if (closed) return { ok: false, reason: 'The incident is closed: the clock has stopped.' };
      await session.setPaused(false);
      return { ok: true };
    case 'speed':
      if (!SPEEDS.some((s) => s === command.speed)) return { ok: false, reason: `The speed must be one of ${SPEEDS.map((s) => `${s}×`).join(', ')}.` };
      await session.setSpeed(command.speed);
      return { ok: true };
    case 'jump-next': {
      const result = await session.jumpToNext();
      return result.ok ? { ok: true } : { ok: false, reason: result.reason };
    }
    case 'jump-to': {
      const result = await session.jumpTo(command.t);
      return result.ok ? { ok: true } : { ok: false, reason: result.reason };
    }
    case 'facilitate': {
      let facilitated = command.command;
      if (command.arriveAt !== undefined && facilitated.type === 'facilitator.inject') {
        const timed = injectArrivingAt(facilitated, command.arriveAt, session.now, session.scenario.spec.clockStart);
        if (!timed.ok) return timed;
        facilitated = timed.command;
      }
      const result = await session.facilitate(facilitated);
      return result.ok ? { ok: true } : { ok: false, reason: result.reason };
    }
  }
}
