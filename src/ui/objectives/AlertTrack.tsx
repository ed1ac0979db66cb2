/**
 * The timeline's alert track: each alert from fire to resolve (or to now), coloured by severity,
 * its automated response marked at the fire time; hover or focus reads the reason. Each alert
 * (each pair of a burn-rate one) has its own lane, so a short page inside a long ticket is not
 * drawn over it.
 */
import { useAppStore } from '../../store/index.ts';
import { useAlertSpans } from './alertSpans.ts';
import './objectives.css';

const LANE_PX = 10;

export function AlertTrack({ durationS }: { durationS: number }) {
  const hasAlerts = useAppStore((s) => (s.doc.alerts ?? []).length > 0);
  const nowS = useAppStore((s) => s.simNowS);
  const spans = useAlertSpans(nowS);
  if (!hasAlerts) return null;
  const pct = (t: number) => `${(Math.min(t, durationS) / durationS) * 100}%`;
  const lanes = [...new Set(spans.map((s) => s.alert))];
  return (
    <>
      <div className="fault-timeline__head">
        <span className="fault-timeline__title">Alerts</span>
        <span>
          {spans.length === 0
            ? 'None fired yet.'
            : `${spans.length} fired; ${spans.filter((s) => s.open).length} firing now.`}
        </span>
      </div>
      {spans.length > 0 && (
        <ul
          className="fault-timeline__track alert-track"
          aria-label="Alerts on the timeline"
          style={{ height: LANE_PX * lanes.length + 4 }}
        >
          {spans.map((s) => (
            <li
              key={s.key}
              className={`alert-track__span is-${s.severity}`}
              style={{
                left: pct(s.startS),
                top: 2 + LANE_PX * lanes.indexOf(s.alert),
                width: `max(3px, calc(${pct(s.endS)} - ${pct(s.startS)}))`,
                background: s.color,
              }}
              title={s.label}
              tabIndex={0}
              aria-label={s.label}
            >
              {s.response !== undefined && <span className="alert-track__response">◆</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
