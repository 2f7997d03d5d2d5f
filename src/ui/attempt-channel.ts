/**
 * The messages between the windows of one attempt, over
 * `BroadcastChannel('incident-drill:attempt:<id>')`. The trainee's window is the only writer:
 * it says when it stored something ("changed"), that it is alive ("heartbeat", about every
 * second) and that it is going away ("closing"). The facilitator's window asks it to do things
 * ("command", with a request id) and gets "reply" back: ok, or refused with the reason. What
 * happened is never sent over the channel: every window reads the log from IndexedDB, which is
 * the truth; the messages only say when to read it again.
 */
import { z } from 'zod';
import { FACILITATOR_SCHEMAS } from '../engine/facilitator.ts';

export const channelName = (attemptId: string): string => `incident-drill:attempt:${attemptId}`;

/** What the trainee's window reports with every "changed" and "heartbeat". */
const State = z.object({ logLength: z.number().int().min(0), simTime: z.number().min(0), paused: z.boolean(), speed: z.number().positive() });
export type SessionState = z.infer<typeof State>;

const FacilitatorCommandSchema = z.union([FACILITATOR_SCHEMAS['facilitator.inject'], FACILITATOR_SCHEMAS['facilitator.note'], FACILITATOR_SCHEMAS['facilitator.adjust']]);

const Command = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('speed'), speed: z.number().int().min(1).max(10) }),
  z.object({ type: z.literal('jump-next') }),
  z.object({ type: z.literal('jump-to'), t: z.number().min(0) }),
  // `arriveAt`: an ad-hoc inject meant for a simulated moment; the trainee window turns it into a delay when it carries the command out.
  z.object({ type: z.literal('facilitate'), command: FacilitatorCommandSchema, arriveAt: z.number().int().nonnegative().optional() }),
]);
export type ChannelCommand = z.infer<typeof Command>;

const Message = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('changed'), state: State }),
  z.object({ kind: z.literal('heartbeat'), state: State }),
  z.object({ kind: z.literal('closing') }),
  /** A window that just opened asks for the current state instead of waiting for the next heartbeat. */
  z.object({ kind: z.literal('hello') }),
  z.object({ kind: z.literal('command'), id: z.string().min(1), command: Command }),
  z.object({ kind: z.literal('reply'), id: z.string().min(1), ok: z.boolean(), reason: z.string().optional() }),
]);
export type ChannelMessage = z.infer<typeof Message>;

/** A message as received, checked; anything else on the channel is ignored. */
export function parseMessage(data: unknown): ChannelMessage | undefined {
  const parsed = Message.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

/** No heartbeat for this long: the trainee's window is taken to be closed. */
export const HEARTBEAT_MS = 1000;
export const SILENCE_MS = 3000;

/** A typed wrapper: post checked messages, receive only valid ones. */
export class AttemptChannel {
  private readonly channel: BroadcastChannel | undefined;

  constructor(attemptId: string) {
    this.channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(channelName(attemptId));
  }

  get available(): boolean {
    return this.channel !== undefined;
  }

  post(message: ChannelMessage): void {
    try {
      this.channel?.postMessage(message);
    } catch {
      // A closed channel (the page is going away) has no one left to tell.
    }
  }

  listen(handler: (message: ChannelMessage) => void): () => void {
    const channel = this.channel;
    if (!channel) return () => undefined;
    const onMessage = (event: MessageEvent) => {
      const message = parseMessage(event.data);
      if (message) handler(message);
    };
    channel.addEventListener('message', onMessage);
    return () => channel.removeEventListener('message', onMessage);
  }

  close(): void {
    this.channel?.close();
  }
}

let requests = 0;

/** Sends a command and waits for the trainee window's reply (or gives up after `timeoutMs`). */
export function request(channel: AttemptChannel, command: ChannelCommand, timeoutMs = 5000): Promise<{ ok: boolean; reason?: string }> {
  const id = `${Date.now().toString(36)}-${++requests}`;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      stop();
      resolve({ ok: false, reason: "The trainee's window did not answer." });
    }, timeoutMs);
    const stop = channel.listen((message) => {
      if (message.kind !== 'reply' || message.id !== id) return;
      clearTimeout(timer);
      stop();
      resolve(message.reason === undefined ? { ok: message.ok } : { ok: message.ok, reason: message.reason });
    });
    channel.post({ kind: 'command', id, command });
  });
}
