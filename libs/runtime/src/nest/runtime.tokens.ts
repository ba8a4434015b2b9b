import { PODGATE_CONFIG } from '@podgate/config';
import { READ_MODEL_SQL } from '@podgate/read-model';

/** Nest injection tokens for what openRuntime opened. The config and read-model tokens live in their libs so slices can inject them. */
export const RUNTIME = Symbol('RUNTIME');
export { PODGATE_CONFIG, READ_MODEL_SQL };
