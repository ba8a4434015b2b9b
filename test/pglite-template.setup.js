// jest globalSetup: one freshly initialised PGlite database, dumped once per run, so every test
// that opens a new embedded database loads it instead of running initdb (see pglite-client.ts).
const { mkdtempSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = async () => {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create('memory://');
  const dump = await db.dumpDataDir('none');
  await db.close();
  const file = join(mkdtempSync(join(tmpdir(), 'podgate-pglite-template-')), 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env.PODGATE_PGLITE_TEMPLATE = file;
};
