import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Empty } from '../ui/States.js';
import type { CountRow } from './chartRows.js';

/** A bar chart of counts, with the same figures as a table (the chart is decoration for those who can see it). */
export function CountChart({ title, rows, unit = '' }: { title: string; rows: CountRow[]; unit?: string }) {
  const id = `chart-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="chart" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? <Empty>No cases in this period.</Empty> : (
        <>
          <div className="chart-canvas" aria-hidden="true">
            <ResponsiveContainer width="100%" height={200}>
              <BarChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} />
                <YAxis allowDecimals={false} width={44} unit={unit} />
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
