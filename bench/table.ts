/** One line of the benchmark's table: a figure, its same-run baseline, and whether the goal is met. */
export interface Row {
  readonly goal: string;
  readonly figure: number;
  readonly baseline: number | null;
  readonly ratio: number | null;
  readonly target: string;
  readonly ok: boolean;
  readonly unit: string;
}

export function printTable(rows: readonly Row[]): void {
  const num = (n: number | null, unit = '') =>
    n === null ? '—' : `${n >= 100 ? n.toFixed(0) : n.toFixed(n >= 10 ? 1 : 3)}${unit ? ` ${unit}` : ''}`;
  const table = [
    ['goal', 'figure', 'baseline', 'ratio', 'target', 'result'],
    ...rows.map((r) => [
      r.goal,
      num(r.figure, r.unit),
      num(r.baseline, r.unit),
      r.ratio === null ? '—' : `${r.ratio.toFixed(3)}×`,
      r.target,
      r.ok ? 'met' : 'MISSED',
    ]),
  ];
  const widths = table[0]?.map((_, c) => Math.max(...table.map((row) => row[c]?.length ?? 0))) ?? [];
  for (const row of table)
    console.log(
      row
        .map((cell, c) => cell.padEnd(widths[c] ?? 0))
        .join('  ')
        .trimEnd(),
    );
}
