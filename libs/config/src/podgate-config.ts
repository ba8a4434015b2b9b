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
  EVENTSTORE_CONNECTION_STRING: z
    .string()
    .regex(/^esdb(\+discover)?:\/\//, 'must be an esdb:// or esdb+discover:// URL')
    .optional(),
  EVENTSTORE_URL: postgresUrl.optional(),
  DATABASE_URL: postgresUrl.optional(),
  PG_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  PODGATE_RUN_PROJECTIONS: flag.default('auto'),
  PODGATE_PROJECTOR_HOST: z.string().min(1).default('127.0.0.1'),
  PODGATE_PROJECTOR_PORT: port.default(19998),
  PODGATE_READY_MAX_LAG_SECONDS: z.coerce.number().min(0).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KEYSTONE_URL: z.url({ protocol: /^https?$/ }).optional(),
  PODGATE_AUTH_STRATEGY: z.enum(['keystone', 'noauth']).optional(),
  PODGATE_NOAUTH_FORCE: z.enum(['true', 'false']).default('false'),
  PODGATE_SERVICE_USER: z.string().min(1).default('podgate'),
  PODGATE_SERVICE_PASSWORD: z.string().min(1).optional(),
  PODGATE_SERVICE_PROJECT: z.string().min(1).default('service'),
  PODGATE_SERVICE_USER_DOMAIN: z.string().min(1).default('Default'),
  PODGATE_SERVICE_PROJECT_DOMAIN: z.string().min(1).default('Default'),
  PODGATE_ENDPOINT_INTERFACE: z.enum(['public', 'internal', 'admin']).default('public'),
  PODGATE_TOKEN_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(300),
  PODGATE_POLICY_FILE: z.string().min(1).optional(),
  PODGATE_USAGE_POLL_SECONDS: z.coerce.number().min(0).default(60),
  PODGATE_WEIGHER_FREE_CAPACITY: z.coerce.number().default(1),
  PODGATE_WEIGHER_FEWER_BINDINGS: z.coerce.number().default(0),
  PODGATE_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  PODGATE_DEFAULT_AZ: z.string().min(1).optional(),
  PODGATE_POD_TIMEOUT_MS: z.coerce.number().int().min(1).default(30_000),
  PODGATE_POD_LIST_TIMEOUT_MS: z.coerce.number().int().min(1).default(2_000),
  PODGATE_FLAVOR_SYNC_SECONDS: z.coerce.number().min(0).default(30),
});

type Environment = z.infer<typeof ENVIRONMENT_SCHEMA>;

export interface ServiceCredentials {
  readonly username: string;
  /** SECURITY: never logged; describeAuth leaves it out. */
  readonly password: string;
  readonly projectName: string;
  readonly userDomainName: string;
  readonly projectDomainName: string;
}

export type AuthConfig =
  | {
      readonly strategy: 'keystone';
      /** Identity v3 base URL, ending in /v3. */
      readonly url: string;
      readonly service: ServiceCredentials;
      readonly endpointInterface: 'public' | 'internal' | 'admin';
      readonly tokenCacheSeconds: number;
    }
  /** Development only: identity from headers, as Nova's noauth2. */
  | { readonly strategy: 'noauth'; readonly forced: boolean };

export interface SchedulingConfig {
  /** How often the usage collector polls each pod; 0 turns it off. */
  readonly usagePollSeconds: number;
  readonly weighers: { readonly freeCapacity: number; readonly fewerBindings: number };
}

/** How podgate talks to pods on behalf of users (the compute and volume APIs). */
export interface UpstreamConfig {
  /** One forwarded call (create, show, action, ...), connect to last byte; past it the caller gets 503. */
  readonly timeoutMs: number;
  /** Each pod's share of a merged list; a pod slower than this is left out of that answer. */
  readonly listTimeoutMs: number;
}

export interface ComputeConfig {
  /** The user-visible AZ of a create that names none; null: the tenant's bound AZ, else the first registered pod's. */
  readonly defaultAzName: string | null;
  /** How often the flavor reconciler re-plans even without new events (retries of failed pushes); 0 turns it off. */
  readonly flavorSyncSeconds: number;
}

export type EventStoreConfig =
  | { readonly kind: 'embedded'; readonly dataDir: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly poolMax: number }
  | { readonly kind: 'esdb'; readonly connectionString: string };

export type ReadModelConfig =
  | { readonly kind: 'embedded'; readonly dataDir: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly poolMax: number };

export interface PodgateConfig {
  /** `publicUrl`: the base URL clients reach podgate by, for links in bodies; null: from each request's Host. */
  readonly http: { readonly host: string; readonly port: number; readonly publicUrl: string | null };
  readonly projector: { readonly host: string; readonly port: number };
  readonly eventStore: EventStoreConfig;
  readonly readModel: ReadModelConfig;
  /** Whether the gateway process runs the projections itself (always with an embedded read model). */
  readonly runProjectionsInGateway: boolean;
  readonly readyMaxLagSeconds: number;
  readonly logLevel: Environment['LOG_LEVEL'];
  readonly auth: AuthConfig;
  /** A YAML file overriding the admin API's policy rules. */
  readonly policyFile: string | undefined;
  readonly scheduling: SchedulingConfig;
  readonly upstream: UpstreamConfig;
  readonly compute: ComputeConfig;
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
    throw new ConfigError(
      'PODGATE_RUN_PROJECTIONS: cannot be false with the embedded read model (set DATABASE_URL to run a separate projector)',
    );
  }
  return {
    http: { host: env.PODGATE_HOST, port: env.PODGATE_PORT, publicUrl: env.PODGATE_PUBLIC_URL?.replace(/\/+$/, '') ?? null },
    projector: { host: env.PODGATE_PROJECTOR_HOST, port: env.PODGATE_PROJECTOR_PORT },
    eventStore,
    readModel,
    runProjectionsInGateway: env.PODGATE_RUN_PROJECTIONS !== 'false',
    readyMaxLagSeconds: env.PODGATE_READY_MAX_LAG_SECONDS,
    logLevel: env.LOG_LEVEL,
    auth: chooseAuth(env),
    policyFile: env.PODGATE_POLICY_FILE,
    scheduling: {
      usagePollSeconds: env.PODGATE_USAGE_POLL_SECONDS,
      weighers: { freeCapacity: env.PODGATE_WEIGHER_FREE_CAPACITY, fewerBindings: env.PODGATE_WEIGHER_FEWER_BINDINGS },
    },
    upstream: { timeoutMs: env.PODGATE_POD_TIMEOUT_MS, listTimeoutMs: env.PODGATE_POD_LIST_TIMEOUT_MS },
    compute: { defaultAzName: env.PODGATE_DEFAULT_AZ ?? null, flavorSyncSeconds: env.PODGATE_FLAVOR_SYNC_SECONDS },
  };
}

/** Keystone when KEYSTONE_URL is set; otherwise noauth, which only a loopback listener (or an explicit force) may use. */
function chooseAuth(env: Environment): AuthConfig {
  const strategy = env.PODGATE_AUTH_STRATEGY ?? (env.KEYSTONE_URL ? 'keystone' : 'noauth');
  if (strategy === 'noauth') {
    const forced = env.PODGATE_NOAUTH_FORCE === 'true';
    if (!forced && !isLoopback(env.PODGATE_HOST)) {
      throw new ConfigError(
        `PODGATE_AUTH_STRATEGY: noauth trusts any caller and is for development only; bind PODGATE_HOST to loopback, set KEYSTONE_URL, or set PODGATE_NOAUTH_FORCE=true (got host ${JSON.stringify(env.PODGATE_HOST)})`,
      );
    }
    return { strategy, forced };
  }
  if (!env.KEYSTONE_URL) throw new ConfigError('KEYSTONE_URL: required with PODGATE_AUTH_STRATEGY=keystone');
  if (!env.PODGATE_SERVICE_PASSWORD) throw new ConfigError('PODGATE_SERVICE_PASSWORD: required to validate tokens with Keystone');
  return {
    strategy,
    url: identityV3Url(env.KEYSTONE_URL),
    service: {
      username: env.PODGATE_SERVICE_USER,
      password: env.PODGATE_SERVICE_PASSWORD,
      projectName: env.PODGATE_SERVICE_PROJECT,
      userDomainName: env.PODGATE_SERVICE_USER_DOMAIN,
      projectDomainName: env.PODGATE_SERVICE_PROJECT_DOMAIN,
    },
    endpointInterface: env.PODGATE_ENDPOINT_INTERFACE,
    tokenCacheSeconds: env.PODGATE_TOKEN_CACHE_SECONDS,
  };
}

const isLoopback = (host: string): boolean => /^(127\.\d+\.\d+\.\d+|::1|localhost)$/.test(host);

/** `http://keystone:5000` and `http://keystone:5000/v3/` both mean `http://keystone:5000/v3`. */
const identityV3Url = (url: string): string => `${url.replace(/\/+$/, '').replace(/\/v3$/, '')}/v3`;

function chooseEventStore(env: Environment): EventStoreConfig {
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
    c.kind === 'embedded'
      ? `embedded PGlite in ${c.dataDir}`
      : `${c.kind} at ${redactUrl('url' in c ? c.url : c.connectionString)}`;
  return { eventStore: show(config.eventStore), readModel: show(config.readModel) };
}

/** For logs: how callers are identified, never the service password. */
export function describeAuth(config: PodgateConfig): string {
  const { auth } = config;
  return auth.strategy === 'keystone'
    ? `keystone at ${auth.url} as ${auth.service.username}@${auth.service.projectName}`
    : `noauth (development only${auth.forced ? ', forced on a non-loopback address' : ''})`;
}

/** Nest injection token for the validated PodgateConfig. */
export const PODGATE_CONFIG = Symbol('PODGATE_CONFIG');

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]*)@/, '//$1:***@');
}
