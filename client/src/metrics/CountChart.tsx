import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Empty } from '../ui/States.js';
import { fitLabel, labelsWidth, niceTicks, shortCount } from './chartAxes.js';
import type { CountRow } from './chartRows.js';

/** Height of one bar's band and of the value axis under the bars. */
const BAND_PX = 30;
const AXIS_PX = 36;

/**
 * Counts as horizontal bars (names on the left, where long rule ids and team
 * names have room and never overlap), with the same figures as a table (the
 * chart is decoration for those who can see it). `empty` says what "no rows"
 * means for this chart: no missed targets is not the same as no cases.
 */
export function CountChart({ title, rows, unit = '', empty }: { title: string; rows: CountRow[]; unit?: string; empty: string }) {
  const id = `chart-${title.replace(/\W+/g, '-').toLowerCase()}`;
  const ticks = niceTicks(Math.max(0, ...rows.map((row) => row.value)));
  const tickLabel = (value: number) => `${shortCount(value)}${unit}`;
  const nameWidth = labelsWidth(rows.map((row) => row.name), 180);
  // The last value label is centred on the right edge: half of it must fit in the margin.
  const right = Math.ceil(labelsWidth(ticks.map(tickLabel)) / 2);
  return (
    <section className="chart" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? <Empty>{empty}</Empty> : (
        <>
          <div className="chart-canvas" aria-hidden="true">
            <ResponsiveContainer width="100%" height={rows.length * BAND_PX + AXIS_PX}>
              <BarChart layout="vertical" accessibilityLayer={false} data={rows} margin={{ top: 4, right, bottom: 4, left: 4 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <YAxis type="category" dataKey="name" width={nameWidth} interval={0} tick={{ fontSize: 12 }} tickFormatter={(name: string) => fitLabel(name, nameWidth)} />
                <XAxis type="number" ticks={ticks} domain={[0, ticks[ticks.length - 1]!]} interval={0} tick={{ fontSize: 12 }} tickFormatter={tickLabel} allowDecimals />
                <Tooltip />
                <Bar dataKey="value" name={title} fill="#1f5fbf" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <table>
            <tbody>
              {rows.map((row) => (
                <tr key={row.name}><th scope="row">{row.name}</th><td>{row.value}{unit}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
