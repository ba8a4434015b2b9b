import { ConfigError, describeStores, loadConfig } from '@podgate/config';
import { createLogger, DataDirLockedError } from '@podgate/runtime';
import { EventStoreUnavailableError } from '@podgate/event-store';
import { createGateway } from './create-gateway';

/** Problems an operator fixes from one line of text; anything else is a bug and keeps its stack. */
const OPERATOR_ERRORS = [ConfigError, DataDirLockedError, EventStoreUnavailableError];

export async function runGateway(environment: NodeJS.ProcessEnv): Promise<number> {
  try {
    const config = loadConfig(environment);
    const logger = createLogger(config.logLevel, 'podgate-gateway');
    const app = await createGateway(config, logger);
    await app.listen(config.http.port, config.http.host);
    logger.info({ url: await app.getUrl(), ...describeStores(config), projections: config.runProjectionsInGateway }, 'podgate gateway listening');
    return 0;
  } catch (error) {
    if (OPERATOR_ERRORS.some((type) => error instanceof type)) {
      process.stderr.write(`podgate: cannot start: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}
