import { injectArrivingAt } from '../../engine/facilitator.ts';
import type { ExerciseSession } from '../../store/exercise-session.ts';
import type { ChannelCommand } from '../attempt-channel.ts';
import { SPEEDS } from './labels.ts';

/**
 * Carries out a facilitator's command in the trainee's window, through its own session (the
 * only writer), and says how it went: ok, or refused with the reason the facilitator is shown.
 */
export async function carryOut(session: ExerciseSession, command: ChannelCommand): Promise<{ ok: boolean; reason?: string }> {
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
