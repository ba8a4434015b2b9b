import { mkdirSync } from 'node:fs';
import { lock } from 'proper-lockfile';

export class DataDirLockedError extends Error {}

/**
 * PGlite has no server to arbitrate access: two processes on one data folder would corrupt it. So
 * the embedded store takes an exclusive lock on the folder, released at close or when the process dies.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  try {
    return await lock(dataDir, { lockfilePath: `${dataDir}/podgate.lock`, stale: 15_000, update: 5_000 });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') {
      throw new DataDirLockedError(`${dataDir} is in use by another podgate process (stop it first, or set PODGATE_DATA_DIR)`);
    }
    throw error;
  }
}
