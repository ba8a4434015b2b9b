import { ConfigError, describeAuth, describeStores, loadConfig } from './podgate-config';

describe('loadConfig', () => {
  it('defaults to the embedded store on 127.0.0.1:19999 with projections in the gateway', () => {
    expect(loadConfig({})).toEqual({
      http: { host: '127.0.0.1', port: 19999, publicUrl: null },
      projector: { host: '127.0.0.1', port: 19998 },
      eventStore: { kind: 'embedded', dataDir: './data' },
      readModel: { kind: 'embedded', dataDir: './data' },
      runProjectionsInGateway: true,
      readyMaxLagSeconds: 10,
      logLevel: 'info',
      auth: { strategy: 'noauth', forced: false },
      policyFile: undefined,
      scheduling: { usagePollSeconds: 60, weighers: { freeCapacity: 1, fewerBindings: 0 } },
      upstream: { timeoutMs: 30_000, listTimeoutMs: 2_000 },
      compute: { defaultAzName: null, flavorSyncSeconds: 30 },
    });
  });

  it('validates tokens with Keystone when KEYSTONE_URL is set, wherever the URL ends', () => {
    const config = loadConfig({ KEYSTONE_URL: 'http://keystone:5000/', PODGATE_SERVICE_PASSWORD: 's3cret' });
    expect(config.auth).toEqual({
      strategy: 'keystone',
      url: 'http://keystone:5000/v3',
      service: {
        username: 'podgate',
        password: 's3cret',
        projectName: 'service',
        userDomainName: 'Default',
        projectDomainName: 'Default',
      },
      endpointInterface: 'public',
      tokenCacheSeconds: 300,
    });
    expect(describeAuth(config)).not.toContain('s3cret');
  });

  it('refuses noauth on a non-loopback address unless forced, and Keystone without a service password', () => {
    expect(() => loadConfig({ PODGATE_HOST: '0.0.0.0' })).toThrow(/^PODGATE_AUTH_STRATEGY: noauth .*development only/);
    expect(loadConfig({ PODGATE_HOST: '0.0.0.0', PODGATE_NOAUTH_FORCE: 'true' }).auth).toEqual({
      strategy: 'noauth',
      forced: true,
    });
    expect(loadConfig({ PODGATE_HOST: '::1' }).auth.strategy).toBe('noauth');
    expect(() => loadConfig({ KEYSTONE_URL: 'http://keystone:5000/v3' })).toThrow(/^PODGATE_SERVICE_PASSWORD: /);
    expect(() => loadConfig({ PODGATE_AUTH_STRATEGY: 'keystone' })).toThrow(/^KEYSTONE_URL: /);
    expect(() => loadConfig({ PODGATE_TOKEN_CACHE_SECONDS: '900' })).toThrow(/^PODGATE_TOKEN_CACHE_SECONDS: /);
  });

  it('uses DATABASE_URL for the read model and, unless told otherwise, the event store', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db/podgate', PODGATE_RUN_PROJECTIONS: 'false' });
    expect(config.eventStore).toEqual({ kind: 'postgres', url: 'postgres://u:p@db/podgate', poolMax: 10 });
    expect(config.readModel.kind).toBe('postgres');
    expect(config.runProjectionsInGateway).toBe(false);
  });

  it('prefers EventStoreDB when its connection string is set', () => {
    const config = loadConfig({ EVENTSTORE_CONNECTION_STRING: 'esdb://node1:2113?tls=false', DATABASE_URL: 'postgres://db/x' });
    expect(config.eventStore).toEqual({ kind: 'esdb', connectionString: 'esdb://node1:2113?tls=false' });
  });

  it.each([
    [{ PODGATE_PORT: 'abc' }, /^PODGATE_PORT: .* \(got "abc"\)$/],
    [{ PODGATE_PORT: '70000' }, /^PODGATE_PORT: /],
    [{ PODGATE_PORT: '-1' }, /^PODGATE_PORT: /],
    [{ EVENTSTORE_CONNECTION_STRING: 'http://x' }, /^EVENTSTORE_CONNECTION_STRING: must be an esdb:\/\//],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL: must be a postgres:\/\/ URL/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL: /],
    [{ PODGATE_RUN_PROJECTIONS: 'false' }, /^PODGATE_RUN_PROJECTIONS: cannot be false with the embedded read model/],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PODGATE_PORT: '', DATABASE_URL: '' }).http.port).toBe(19999);
  });

  it('never shows passwords when describing where the stores are', () => {
    const text = JSON.stringify(describeStores(loadConfig({ DATABASE_URL: 'postgres://podgate:s3cret@db:5432/podgate' })));
    expect(text).toContain('postgres://podgate:***@db:5432/podgate');
    expect(text).not.toContain('s3cret');
  });
});
