import { loadConfig } from '@podgate/config';
import { createLogger, openRuntime, type Runtime } from '@podgate/runtime';

/**
 * Opens the configured stores in this process, without running projections. With the embedded
 * store the gateway must be stopped first (the data folder is locked to one process).
 */
export async function withLocalRuntime<T>(work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  const runtime = await openRuntime(config, { logger: createLogger('warn', 'podgate-cli') });
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}
