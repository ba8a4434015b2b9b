import { z } from 'zod';

/**
 * Every setting podgate reads, from the environment only. One schema, so the README table, the
 * validation and the types cannot drift apart. A bad value stops start-up with one line naming it.
 */
const port = z.coerce.number().int().min(0).max(65535); // 0: any free port (tests)
const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL');
const flag = z.enum(['true', 'false', 'auto']);

export const ENVIRONMENT_SCHEMA = z.object({
  PODGATE_HOST: z.string().min(1).default('127.0.0.1'),
  PODGATE_PORT: port.default(19999),
  PODGATE_DATA_DIR: z.string().min(1).default('./data'),
  EVENTSTORE_CONNECTION_STRING: z.string().regex(/^esdb(\+discover)?:\/\//, 'must be an esdb:// or esdb+discover:// URL').optional(),
  EVENTSTORE_URL: postgresUrl.optional(),
  DATABASE_URL: postgresUrl.optional(),
  PG_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  PODGATE_RUN_PROJECTIONS: flag.default('auto'),
  PODGATE_PROJECTOR_HOST: z.string().min(1).default('127.0.0.1'),
  PODGATE_PROJECTOR_PORT: port.default(19998),
  PODGATE_READY_MAX_LAG_SECONDS: z.coerce.number().min(0).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type EventStoreConfig =
  | { readonly kind: 'embedded'; readonly dataDir: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly poolMax: number }
  | { readonly kind: 'esdb'; readonly connectionString: string };

export type ReadModelConfig =
  | { readonly kind: 'embedded'; readonly dataDir: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly poolMax: number };

export interface PodgateConfig {
  readonly http: { readonly host: string; readonly port: number };
  readonly projector: { readonly host: string; readonly port: number };
  readonly eventStore: EventStoreConfig;
  readonly readModel: ReadModelConfig;
  /** Whether the gateway process runs the projections itself (always with an embedded read model). */
  readonly runProjectionsInGateway: boolean;
  readonly readyMaxLagSeconds: number;
  readonly logLevel: z.infer<typeof ENVIRONMENT_SCHEMA>['LOG_LEVEL'];
}

export class ConfigError extends Error {}

export function loadConfig(environment: NodeJS.ProcessEnv): PodgateConfig {
  const parsed = ENVIRONMENT_SCHEMA.safeParse(withoutEmptyValues(environment));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0]);
    throw new ConfigError(`${name}: ${issue.message} (got ${JSON.stringify(environment[name] ?? null)})`);
  }
  const env = parsed.data;
  const eventStore = chooseEventStore(env);
  const readModel: ReadModelConfig = env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL, poolMax: env.PG_POOL_MAX }
    : { kind: 'embedded', dataDir: env.PODGATE_DATA_DIR };
  if (readModel.kind === 'embedded' && env.PODGATE_RUN_PROJECTIONS === 'false') {
    throw new ConfigError('PODGATE_RUN_PROJECTIONS: cannot be false with the embedded read model (set DATABASE_URL to run a separate projector)');
  }
  return {
    http: { host: env.PODGATE_HOST, port: env.PODGATE_PORT },
    projector: { host: env.PODGATE_PROJECTOR_HOST, port: env.PODGATE_PROJECTOR_PORT },
    eventStore,
    readModel,
    runProjectionsInGateway: env.PODGATE_RUN_PROJECTIONS !== 'false',
    readyMaxLagSeconds: env.PODGATE_READY_MAX_LAG_SECONDS,
    logLevel: env.LOG_LEVEL,
  };
}

function chooseEventStore(env: z.infer<typeof ENVIRONMENT_SCHEMA>): EventStoreConfig {
  if (env.EVENTSTORE_CONNECTION_STRING) return { kind: 'esdb', connectionString: env.EVENTSTORE_CONNECTION_STRING };
  const url = env.EVENTSTORE_URL ?? env.DATABASE_URL;
  if (url) return { kind: 'postgres', url, poolMax: env.PG_POOL_MAX };
  return { kind: 'embedded', dataDir: env.PODGATE_DATA_DIR };
}

/** `FOO=` in a shell or compose file means "not set", not "set to nothing". */
function withoutEmptyValues(environment: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(environment).filter((entry): entry is [string, string] => !!entry[1]));
}

/** For logs: where the stores are, never their credentials. SECURITY: URLs may carry passwords. */
export function describeStores(config: PodgateConfig): { eventStore: string; readModel: string } {
  const show = (c: EventStoreConfig | ReadModelConfig) =>
    c.kind === 'embedded' ? `embedded PGlite in ${c.dataDir}` : `${c.kind} at ${redactUrl('url' in c ? c.url : c.connectionString)}`;
  return { eventStore: show(config.eventStore), readModel: show(config.readModel) };
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]*)@/, '//$1:***@');
}
