import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The results as printed or written: indented JSON with a final newline. */
export const resultsJson = (results: object): string => `${JSON.stringify(results, null, 2)}\n`;

/** Writes `<out>/<name>.json` and `<out>/<name>.md` and says so. */
export function writeResults(
  out: string,
  name: string,
  results: { readonly durationSeconds: number },
  markdown: string,
  log: (line: string) => void,
): void {
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `${name}.json`), resultsJson(results));
  writeFileSync(join(out, `${name}.md`), markdown);
  log(`wrote ${join(out, `${name}.json`)} and ${name}.md in ${results.durationSeconds} s`);
}
