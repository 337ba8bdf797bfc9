/** A chart, with the chart library loaded only when a page first draws one. */
import { lazy, Suspense } from 'react';

export interface ChartProps {
  option: Record<string, unknown>;
  height?: number;
  /** What the chart shows, for screen readers. */
  label: string;
}

const EChart = lazy(() => import('./EChart.js'));

export function Chart(props: ChartProps) {
  return (
    <Suspense fallback={<div className="echart" style={{ height: props.height ?? 260 }} />}>
      <EChart {...props} />
    </Suspense>
  );
}
