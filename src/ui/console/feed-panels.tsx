import { AnimatePresence, motion, useReducedMotion } from 'framer-motion';
import { memo, useCallback, useRef, useState } from 'react';
import type { LoadedScenario } from '../../scenario/loader.ts';
import type { ExerciseView } from '../../engine/exercise-view.ts';
import { clockTime } from '../../scenario/duration.ts';
import type { Act } from './console-page.tsx';
import { useDecidedBy } from './decided-by.tsx';

const enter = { initial: { opacity: 0, y: -12 }, animate: { opacity: 1, y: 0 }, transition: { duration: 0.25 } };

/** The newest alerts shown at first; older ones behind "Show older" (an alert storm keeps the page responsive). */
export const FEED_PAGE = 50;

type AlertRow = ExerciseView['alerts'][number];

export function AlertsPanel({ scenario, view, act }: { readonly scenario: LoadedScenario; readonly view: ExerciseView; readonly act: Act }) {
  const reduce = useReducedMotion() ?? false;
  const [busy, setBusy] = useState<string | undefined>();
  const [shown, setShown] = useState(FEED_PAGE);
  const decided = useDecidedBy();
  const open = view.alerts.filter((a) => a.acknowledgedAt === undefined).length;
  const alerts = view.alerts.slice(Math.max(0, view.alerts.length - shown)).reverse();
  const older = view.alerts.length - alerts.length;
  // The latest callback in a ref: items stay memoized while the clock ticks and the rest of the console re-renders.
  const acknowledge = useRef<(id: string) => void>(() => undefined);
  acknowledge.current = (id: string) => {
    setBusy(id);
    void act(decided.withBy({ type: 'alert.acknowledge', alert: id })).then(() => setBusy(undefined));
  };
  const onAcknowledge = useCallback((id: string) => acknowledge.current(id), []);
  return (
    <section className="panel feed" aria-label="Alerts">
      <h2>
        Alerts <span className="count">{open} open</span>
      </h2>
      {decided.field}
      {alerts.length === 0 && <p className="empty">No alerts yet.</p>}
      {/* Scrolls when long: focusable so keyboard users can scroll it too. */}
      <ul tabIndex={0} aria-label="Alert list">
        <AnimatePresence initial={false}>
          {alerts.map((row) => (
            <AlertItem key={row.alert.id} row={row} clockStart={scenario.spec.clockStart} serviceName={serviceName(scenario, row.alert.service)} busy={busy === row.alert.id} reduce={reduce} onAcknowledge={onAcknowledge} />
          ))}
        </AnimatePresence>
      </ul>
      {older > 0 && (
        <button type="button" className="show-older" onClick={() => setShown((n) => n + 10 * FEED_PAGE)}>
          Show older alerts ({older} more)
        </button>
      )}
    </section>
  );
}

function serviceName(scenario: LoadedScenario, id: string): string {
  return scenario.spec.services.find((s) => s.id === id)?.name ?? id;
}

const AlertItem = memo(function AlertItem({ row, clockStart, serviceName: service, busy, reduce, onAcknowledge }: { readonly row: AlertRow; readonly clockStart: string; readonly serviceName: string; readonly busy: boolean; readonly reduce: boolean; readonly onAcknowledge: (id: string) => void }) {
  const { t, alert, acknowledgedAt } = row;
  const at = clockTime(clockStart, t);
  return (
    <motion.li {...(reduce ? {} : enter)} className={`alert alert-${alert.level}${acknowledgedAt === undefined ? '' : ' acknowledged'}`}>
      <article aria-label={`${alert.level} alert on ${service} at ${at}`}>
        <header>
          <span className={`level level-${alert.level}`}>{alert.level}</span> <strong>{service}</strong> <time>{at}</time> <span className="source">{alert.source}</span>
        </header>
        <p>{alert.text}</p>
        {acknowledgedAt === undefined ? (
          <button type="button" disabled={busy} onClick={() => onAcknowledge(alert.id)} aria-label={`Acknowledge ${alert.level} alert on ${service} at ${at}`}>
            Acknowledge
          </button>
        ) : (
          <p className="ack">Acknowledged at {clockTime(clockStart, acknowledgedAt)}</p>
        )}
      </article>
    </motion.li>
  );
});

const CHANNEL_LABEL = { phone: 'Phone', ticket: 'Ticket', chat: 'Chat', email: 'Email' } as const;

export function ReportsPanel({ scenario, view }: { readonly scenario: LoadedScenario; readonly view: ExerciseView }) {
  const reduce = useReducedMotion();
  const reports = [...view.reports].reverse();
  return (
    <section className="panel feed" aria-label="User reports">
      <h2>User reports</h2>
      {reports.length === 0 && <p className="empty">No reports yet.</p>}
      <ul tabIndex={0} aria-label="Report list">
        <AnimatePresence initial={false}>
          {reports.map(({ t, report }) => (
            <motion.li key={report.id} {...(reduce ? {} : enter)} className="report">
              <article aria-label={`Report from ${report.from}`}>
                <header>
                  <span className="channel">{CHANNEL_LABEL[report.channel ?? 'ticket']}</span> <strong>{report.from}</strong> <time>{clockTime(scenario.spec.clockStart, t)}</time>
                </header>
                <p>{report.text}</p>
              </article>
            </motion.li>
          ))}
        </AnimatePresence>
      </ul>
    </section>
  );
}
