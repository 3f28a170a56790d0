import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MonitorThread } from '../api/types.js';
import { Empty } from '../ui/States.js';
import { topKeywords, volumeByHour } from './threadStats.js';

/** Volume over time and top keywords of the public threads shown (each chart with its figures as text). */
export function MonitorCharts({ threads }: { threads: MonitorThread[] }) {
  const volume = volumeByHour(threads);
  const keywords = topKeywords(threads, 10);
  return (
    <div className="charts">
      <section className="chart" aria-labelledby="volume-title">
        <h2 id="volume-title">Public messages per hour</h2>
        {volume.length === 0 ? <Empty>No messages yet.</Empty> : (
          <>
            <div className="chart-canvas" aria-hidden="true">
              <ResponsiveContainer width="100%" height={180}>
                <BarChart accessibilityLayer={false} data={volume} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="hour" tick={{ fontSize: 11 }} minTickGap={24} />
                  <YAxis allowDecimals={false} width={36} />
                  <Tooltip />
                  <Bar dataKey="messages" name="messages" fill="#1f5fbf" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <p className="muted">
              {volume.reduce((sum, row) => sum + row.messages, 0)} messages from {volume[0]!.hour} to {volume[volume.length - 1]!.hour}; busiest hour{' '}
              {volume.reduce((best, row) => (row.messages > best.messages ? row : best)).hour}.
            </p>
          </>
        )}
      </section>
      <section className="chart" aria-labelledby="keywords-title">
        <h2 id="keywords-title">Top keywords</h2>
        {keywords.length === 0 ? <Empty>No keywords yet.</Empty> : (
          <>
            <div className="chart-canvas" aria-hidden="true">
              {/* 28 px a bar, and interval 0: every bar keeps its label (recharts drops labels it thinks crowded). */}
              <ResponsiveContainer width="100%" height={Math.max(120, keywords.length * 28 + 40)}>
                <BarChart accessibilityLayer={false} data={keywords} layout="vertical" margin={{ top: 4, right: 8, bottom: 4, left: 8 }}>
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis type="category" dataKey="word" width={90} tick={{ fontSize: 12 }} interval={0} />
                  <Tooltip />
                  <Bar dataKey="count" name="mentions" fill="#8a2a9b" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <ol className="keywords">
              {keywords.map((entry) => <li key={entry.word}>{entry.word} <span className="muted">({entry.count})</span></li>)}
            </ol>
          </>
        )}
      </section>
    </div>
  );
}
