import Table from 'cli-table3';

export type OutputFormat = 'table' | 'json';

/** Rows as a table for people (the default) or JSON for scripts (`-f json`), like the openstack CLI. */
export function printRows(rows: readonly Record<string, unknown>[], format: OutputFormat): void {
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  const head = rows.length > 0 ? Object.keys(rows[0]) : [];
  // Plain borders when piped, so logs and files get no colour codes.
  const table = new Table({ head, style: process.stdout.isTTY ? undefined : { head: [], border: [] } });
  for (const row of rows) table.push(head.map((key) => String(row[key] ?? '')));
  process.stdout.write(`${table.toString()}\n`);
}
