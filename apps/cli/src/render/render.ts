import Table from 'cli-table3';

export type AdminFormat = 'table' | 'json' | 'value';
export const ADMIN_FORMATS: readonly AdminFormat[] = ['table', 'json', 'value'];

export interface Column<T> {
  readonly header: string;
  readonly value: (item: T) => unknown;
}

// The openstack CLI's table: ASCII borders, one line under the header, no lines between rows, no colours.
// prettier-ignore
const ASCII_BORDERS = {
  top: '-', 'top-mid': '+', 'top-left': '+', 'top-right': '+',
  bottom: '-', 'bottom-mid': '+', 'bottom-left': '+', 'bottom-right': '+',
  left: '|', 'left-mid': '', mid: '', 'mid-mid': '', right: '|', 'right-mid': '', middle: '|',
};

/** A list as the openstack CLI shows it: chosen columns in a table, whole objects as JSON, or bare values. */
export function renderList<T>(items: readonly T[], columns: readonly Column<T>[], format: AdminFormat): string {
  if (format === 'json') return `${JSON.stringify(items, null, 2)}\n`;
  const rows = items.map((item) => columns.map((column) => column.value(item)));
  if (format === 'value') return rows.map((row) => `${row.map(valueText).join(' ')}\n`).join('');
  return table(
    columns.map((column) => column.header),
    rows.map((row) => row.map(cellText)),
  );
}

/** One object as a Field/Value table (like `openstack ... show`), JSON, or one value per line. */
export function renderOne(item: object, format: AdminFormat): string {
  if (format === 'json') return `${JSON.stringify(item, null, 2)}\n`;
  const entries = Object.entries(item);
  if (format === 'value') return entries.map(([, value]) => `${valueText(value)}\n`).join('');
  return table(
    ['Field', 'Value'],
    entries.map(([field, value]) => [field, cellText(value)]),
  );
}

function table(head: string[], rows: string[][]): string {
  const rendered = new Table({ head, chars: ASCII_BORDERS, style: { head: [], border: [] } });
  rendered.push(...rows);
  const [border, header, ...rest] = rendered.toString().split('\n');
  return `${[border, header, border, ...rest].join('\n')}\n`;
}

/** A table cell: nested objects as `key='value'` lines as the openstack CLI prints them, lists comma-separated. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Array.isArray(value)) return value.map(cellText).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([key, inner]) => `${key}='${cellText(inner)}'`)
      .join('\n');
  }
  return String(value);
}

/** `-f value`: one line per row, so nested values are compact JSON. */
function valueText(value: unknown): string {
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return cellText(value);
}
