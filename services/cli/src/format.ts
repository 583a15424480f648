/** One line per queue for `provnews status`. */
export function formatCounts(counts: Record<string, Record<string, number>>): string {
  const cols = ['waiting', 'active', 'delayed', 'completed', 'failed'];
  const rows = Object.entries(counts).map(([q, c]) => [q, ...cols.map((k) => String(c[k] ?? 0))]);
  const header = ['queue', ...cols];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [fmt(header), ...rows.map(fmt)].join('\n');
}
