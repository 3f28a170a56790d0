import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Empty } from '../ui/States.js';
import type { TimeRow } from './chartRows.js';

const show = (minutes: number | null) => (minutes === null ? '—' : `${minutes} min`);

/** Median and 90th-percentile durations per group, as grouped bars (p50 solid, p90 hatched lighter) and a table. */
export function TimesChart({ title, rows }: { title: string; rows: TimeRow[] }) {
  const id = `chart-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="chart" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? <Empty>No cases reached this point in the period.</Empty> : (
        <>
          <div className="chart-canvas" aria-hidden="true">
            <ResponsiveContainer width="100%" height={200}>
              <BarChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} />
                <YAxis width={40} unit="m" />
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
