import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Empty } from '../ui/States.js';
import { fitLabel, labelsWidth, niceTicks, shortMinutes } from './chartAxes.js';
import type { TimeRow } from './chartRows.js';

const show = (minutes: number | null) => (minutes === null ? '—' : `${minutes} min`);
/** Height of one group's band (two bars), of the value axis and of the legend. */
const BAND_PX = 40;
const AXIS_PX = 64;

/** Median and 90th-percentile durations per group, as horizontal grouped bars (p50 solid, p90 lighter) and a table. */
export function TimesChart({ title, rows }: { title: string; rows: TimeRow[] }) {
  const id = `chart-${title.replace(/\W+/g, '-').toLowerCase()}`;
  const ticks = niceTicks(Math.max(0, ...rows.flatMap((row) => [row.p50 ?? 0, row.p90 ?? 0])));
  const nameWidth = labelsWidth(rows.map((row) => row.name), 180);
  const right = Math.ceil(labelsWidth(ticks.map(shortMinutes)) / 2);
  return (
    <section className="chart" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? <Empty>No case in this period has reached this point yet.</Empty> : (
        <>
          <div className="chart-canvas" aria-hidden="true">
            <ResponsiveContainer width="100%" height={rows.length * BAND_PX + AXIS_PX}>
              <BarChart layout="vertical" accessibilityLayer={false} data={rows} margin={{ top: 4, right, bottom: 4, left: 4 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <YAxis type="category" dataKey="name" width={nameWidth} interval={0} tick={{ fontSize: 12 }} tickFormatter={(name: string) => fitLabel(name, nameWidth)} />
                <XAxis type="number" ticks={ticks} domain={[0, ticks[ticks.length - 1]!]} interval={0} tick={{ fontSize: 12 }} tickFormatter={shortMinutes} allowDecimals />
                <Tooltip />
                <Legend />
                <Bar dataKey="p50" name="median (p50)" fill="#1f5fbf" isAnimationActive={false} />
                <Bar dataKey="p90" name="p90" fill="#8fb3e8" stroke="#1f5fbf" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <table>
            <thead>
              <tr><th scope="col">Group</th><th scope="col">Cases</th><th scope="col">Median</th><th scope="col">p90</th></tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.name}><th scope="row">{row.name}</th><td>{row.cases}</td><td>{show(row.p50)}</td><td>{show(row.p90)}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
