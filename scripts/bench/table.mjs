// The one table `npm run bench` ends with: every contender of every source on its own row.
//
// A row: {source, contender, bytes, ms, cpuMs?, maxRssKiB?, rssGoalMB?, cpuGoal?, vs?: {ratio, goal, min}}.
// `vs.ratio` is always that row's time ÷ the station's on the same source (above 1: the station is
// faster); `vs.min` is the goal's least ratio (null: no goal), `vs.goal` how the goal reads.
import { GiB, mbPerSecond, seconds } from './tools.mjs';

const mark = (pass) => (pass ? '✓' : '✗');

function cells(row) {
  const goals = [];
  if (row.vs && row.vs.min != null) goals.push(`${row.vs.goal} ${mark(row.vs.ratio >= row.vs.min)}`);
  const cpuPerGiB = row.cpuMs == null ? null : row.cpuMs / 1000 / (row.bytes / GiB);
  if (row.cpuGoal != null && cpuPerGiB != null) goals.push(`CPU ≤ ${row.cpuGoal} s/GiB ${mark(cpuPerGiB <= row.cpuGoal)}`);
  const rssMB = row.maxRssKiB == null ? null : (row.maxRssKiB * 1024) / 1e6;
  if (row.rssGoalMB != null && rssMB != null) goals.push(`RSS < ${row.rssGoalMB} MB ${mark(rssMB < row.rssGoalMB)}`);
  return [
    row.source,
    row.contender,
    `${seconds(row.ms)} s`,
    mbPerSecond(row.bytes, row.ms).toFixed(0),
    row.vs ? `**${row.vs.ratio.toFixed(2)}**` : '',
    goals.join('; '),
    cpuPerGiB == null ? '' : cpuPerGiB.toFixed(2),
    rssMB == null ? '' : `${rssMB.toFixed(0)} MB`,
  ];
}

export function markdownTable(rows) {
  const header = ['Source', 'Contender', 'Wall time', 'MB/s', 'Its time ÷ station\'s', 'Goal', 'CPU-s per GiB', 'Peak RSS'];
  return [header, header.map(() => '---'), ...rows.map(cells)].map((line) => `| ${line.join(' | ')} |`).join('\n');
}

/** Whether every goal stated in the rows was reached (the run is still valid when not). */
export function goalsMissed(rows) {
  return rows.flatMap((row) => {
    const text = cells(row)[5];
    return text.includes('✗') ? [`${row.source} / ${row.contender}: ${text}`] : [];
  });
}
