/** The run summary's cost: the design's dollars per hour (with the run's use once it ended). */
import { formatUsd } from './costText.ts';
import { useDesignCost } from './useDesignCost.ts';

export default function RunCost() {
  const cost = useDesignCost();
  return (
    <span title="Dollars per hour at the kinds' prices (the Report itemises it)">
      {' · '}cost {formatUsd(cost.perHour)}/h
    </span>
  );
}
