/** The run's alert events, in time order, each with its severity and reason. */
import type { AlertEvent } from '../../engine/objectives/types.ts';
import { formatSimTime } from '../run/format.ts';

const EVENT_TEXT = { fire: 'fired', escalate: 'escalated', resolve: 'resolved' } as const;

export function alertName(a: AlertEvent): string {
  return a.pair !== undefined ? `${a.alert} (${a.pair})` : a.alert;
}

function actionText(a: AlertEvent): string {
  const act = a.action;
  if (act === undefined) return '';
  const what = 'set' in act ? `set ${JSON.stringify(act.set)}` : act.op;
  return ` → ${what} on ${act.target}`;
}

export function AlertList({ alerts }: { alerts: readonly AlertEvent[] }) {
  if (alerts.length === 0) return <p className="scorecard__quiet">No alert fired.</p>;
  return (
    <ol className="alert-list" aria-label="Alerts">
      {alerts.map((a, i) => (
        <li key={i} className={`alert-list__item is-${a.event} is-${a.severity}`}>
          <span className="alert-list__time">{formatSimTime(a.tS)}</span>{' '}
          <span className="alert-list__event">
            {alertName(a)} {EVENT_TEXT[a.event]}
            {a.event !== 'resolve' && ` (${a.severity}${a.level > 1 ? `, level ${a.level}` : ''})`}
          </span>
          <span className="alert-list__reason">
            {a.reason}
            {actionText(a)}
          </span>
        </li>
      ))}
    </ol>
  );
}
