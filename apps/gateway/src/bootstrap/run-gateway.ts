import { describeStores } from '@podgate/config';
import { runProcess } from '@podgate/runtime';
import { createGateway } from './create-gateway';

export function runGateway(environment: NodeJS.ProcessEnv): Promise<number> {
  return runProcess('podgate-gateway', environment, async (config, logger) => {
    const app = await createGateway(config, logger);
    await app.listen(config.http.port, config.http.host);
    logger.info(
      { url: await app.getUrl(), ...describeStores(config), projections: config.runProjectionsInGateway },
      'podgate gateway listening',
    );
  });
}
