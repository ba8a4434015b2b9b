import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@podgate/config';
import {
  InvalidEventDataError,
  type JsonValue,
  StreamNotFoundError,
  streamName,
  UnknownEventTypeError,
} from '@podgate/event-store';
import { testEvent } from '@podgate/event-store/testing';
import { summarizeServerRequest } from '@podgate/servers';
import { openRuntime, type Runtime } from './open-runtime';

const USER_DATA = 'I2Nsb3VkLWNvbmZpZwpwYXNzd29yZDogaHVudGVyMg==';

/** A ServerProvisioningRequested's data around `request`, as the create handler builds it. */
const intent = (request: object): JsonValue => ({
  provisioningId: 'prov-1',
  projectId: 'tenant-a',
  azName: 'az1',
  podId: 'pod1',
  bindingId: 'b1',
  flavorRef: 'm1.tiny',
  imageRef: 'cirros',
  name: 'vm1',
  request: request as JsonValue,
});

// What every process (gateway, projector, CLI) appends through: the runtime's store, with every slice's definitions.
describe('the runtime event store', () => {
  let dataDir: string;
  let runtime: Runtime;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'podgate-checked-'));
    runtime = await openRuntime(loadConfig({ PODGATE_DATA_DIR: dataDir }), { projections: [] });
  });
  afterAll(async () => {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes a ServerProvisioningRequested with a summary its definition accepts', async () => {
    const stream = streamName('serverProvisioning', 'accepted');
    const data = intent(summarizeServerRequest({ name: 'vm1', networks: 'none', user_data: USER_DATA }));
    await runtime.eventStore.append(stream, [testEvent('ServerProvisioningRequested', data)], 'no_stream');
    expect(await runtime.eventStore.readStream(stream)).toHaveLength(1);
  });

  it('refuses a summary carrying a key nobody allowed, without quoting it, and writes nothing', async () => {
    const stream = streamName('serverProvisioning', 'smuggled');
    const request = { ...summarizeServerRequest({ name: 'vm1', networks: 'none' }), user_data: USER_DATA };
    const refused = await runtime.eventStore
      .append(stream, [testEvent('ServerProvisioningRequested', intent(request))], 'no_stream')
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidEventDataError);
    expect((refused as Error).message).toContain('ServerProvisioningRequested');
    expect((refused as InvalidEventDataError).issues).toEqual(['request.user_data (unrecognized key)']);
    expect(JSON.stringify({ message: (refused as Error).message, error: refused })).not.toContain(USER_DATA);
    await expect(runtime.eventStore.readStream(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  it('refuses an event type no slice defines', async () => {
    const stream = streamName('runtimeTest', 'unknown');
    await expect(runtime.eventStore.append(stream, [testEvent('ThingHappened')], 'no_stream')).rejects.toBeInstanceOf(
      UnknownEventTypeError,
    );
  });
});
