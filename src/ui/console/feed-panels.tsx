import { AnimatePresence, motion, useReducedMotion } from 'framer-motion';
import { useState } from 'react';
import type { LoadedScenario } from '../../scenario/loader.ts';
import type { ExerciseView } from '../../engine/exercise-view.ts';
import { clockTime } from '../../scenario/duration.ts';
import type { Act } from './console-page.tsx';
import { useDecidedBy } from './decided-by.tsx';

const enter = { initial: { opacity: 0, y: -12 }, animate: { opacity: 1, y: 0 }, transition: { duration: 0.25 } };

export function AlertsPanel({ scenario, view, act }: { readonly scenario: LoadedScenario; readonly view: ExerciseView; readonly act: Act }) {
  const reduce = useReducedMotion();
  const [busy, setBusy] = useState<string | undefined>();
  const service = (id: string) => scenario.spec.services.find((s) => s.id === id)?.name ?? id;
  const alerts = [...view.alerts].reverse();
  const decided = useDecidedBy();
  return (
    <section className="panel feed" aria-label="Alerts">
      <h2>
        Alerts <span className="count">{view.alerts.filter((a) => a.acknowledgedAt === undefined).length} open</span>
      </h2>
      {decided.field}
      {alerts.length === 0 && <p className="empty">No alerts yet.</p>}
      {/* Scrolls when long: focusable so keyboard users can scroll it too. */}
      <ul tabIndex={0} aria-label="Alert list">
        <AnimatePresence initial={false}>
          {alerts.map(({ t, alert, acknowledgedAt }) => (
            <motion.li key={alert.id} {...(reduce ? {} : enter)} className={`alert alert-${alert.level}${acknowledgedAt === undefined ? '' : ' acknowledged'}`}>
              <article aria-label={`${alert.level} alert on ${service(alert.service)} at ${clockTime(scenario.spec.clockStart, t)}`}>
                <header>
                  <span className={`level level-${alert.level}`}>{alert.level}</span> <strong>{service(alert.service)}</strong> <time>{clockTime(scenario.spec.clockStart, t)}</time>{' '}
                  <span className="source">{alert.source}</span>
                </header>
                <p>{alert.text}</p>
                {acknowledgedAt === undefined ? (
                  <button
                    type="button"
                    disabled={busy === alert.id}
                    onClick={async () => {
                      setBusy(alert.id);
                      await act(decided.withBy({ type: 'alert.acknowledge', alert: alert.id }));
                      setBusy(undefined);
                    }}
                    aria-label={`Acknowledge ${alert.level} alert on ${service(alert.service)} at ${clockTime(scenario.spec.clockStart, t)}`}
                  >
                    Acknowledge
                  </button>
                ) : (
                  <p className="ack">Acknowledged at {clockTime(scenario.spec.clockStart, acknowledgedAt)}</p>
                )}
              </article>
            </motion.li>
          ))}
        </AnimatePresence>
      </ul>
    </section>
  );
}

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
