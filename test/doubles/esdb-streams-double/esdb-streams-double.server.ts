/**
 * TEST DOUBLE of EventStoreDB: a real gRPC server on 127.0.0.1 speaking the Streams protocol from
 * the client package's own generated definitions, over an in-memory log. It is not EventStoreDB:
 * no persistence, no auth, no projections, no deletes, no BatchAppend, no stream subscriptions.
 * It exists so the EventStoreDB adapter is tested through the real client and a real socket on
 * machines where no EventStoreDB server can run.
 */
import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials, status, type ServerWritableStream } from '@grpc/grpc-js';
import { handleAppend } from './esdb-streams-double.append';
import {
  ServerFeaturesService,
  StreamsService,
  SupportedMethod,
  SupportedMethods,
  type IServerFeaturesServer,
  type IStreamsServer,
  type ReadReq,
  type ReadResp,
} from './esdb-streams-double.grpc';
import { InMemoryEventLog } from './esdb-streams-double.log';
import { handleRead } from './esdb-streams-double.read';
import { handleSubscription } from './esdb-streams-double.subscribe';
import { serverError } from './esdb-streams-double.wire';

export interface EsdbStreamsDouble {
  /** Insecure single-node connection string for the real client, e.g. `esdb://127.0.0.1:41234?tls=false`. */
  readonly connectionString: string;
  readonly port: number;
  /** Closes the socket and cancels open calls (subscriptions included). */
  stop(): Promise<void>;
}

export const ESDB_STREAMS_DOUBLE_VERSION = '0.0.0-esdb-streams-double';

/** Starts the double on 127.0.0.1; port 0 (the default) picks a free port. */
export async function startEsdbStreamsDouble(options: { port?: number } = {}): Promise<EsdbStreamsDouble> {
  const log = new InMemoryEventLog();
  seedSystemEvents(log);
  const server = new Server();
  server.addService(StreamsService, streamsService(log));
  server.addService(ServerFeaturesService, serverFeaturesService());
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${options.port ?? 0}`, ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    port,
    stop: async () => server.forceShutdown(),
  };
}

function streamsService(log: InMemoryEventLog): IStreamsServer {
  const unimplemented = (method: string) => serverError(status.UNIMPLEMENTED, `the EventStoreDB double has no ${method}`);
  return {
    read: (call: ServerWritableStream<ReadReq, ReadResp>) => {
      const options = call.request.getOptions();
      if (!options) {
        call.emit('error', serverError(status.INVALID_ARGUMENT, 'a read needs options'));
        return;
      }
      const run = options.hasSubscription() ? handleSubscription : handleRead;
      run(log, call, options).catch((error: unknown) => call.emit('error', serverError(status.INTERNAL, String(error))));
    },
    append: handleAppend(log),
    delete: (_call, callback) => callback(unimplemented('Delete')),
    tombstone: (_call, callback) => callback(unimplemented('Tombstone')),
    batchAppend: (call) => call.emit('error', unimplemented('BatchAppend')),
  };
}

/**
 * The client asks once per connection which methods the server has. Leaving BatchAppend out makes
 * it use plain Append, as it does with servers older than 21.10.
 */
function serverFeaturesService(): IServerFeaturesServer {
  return {
    getSupportedMethods: (_call, callback) => {
      const methods = ['Read', 'Append'].map((name) =>
        new SupportedMethod().setServiceName('event_store.client.streams.Streams').setMethodName(name),
      );
      callback(null, new SupportedMethods().setEventStoreServerVersion(ESDB_STREAMS_DOUBLE_VERSION).setMethodsList(methods));
    },
  };
}

/** A fresh EventStoreDB's $all is never empty: system events come first, and clients must skip them. */
function seedSystemEvents(log: InMemoryEventLog): void {
  const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
  const system = (type: string, data: unknown) => ({
    id: randomUUID(),
    type,
    contentType: 'application/json',
    data: json(data),
    customMetadata: new Uint8Array(),
  });
  log.append('$epoch-information', { kind: 'noStream' }, [system('$epoch-information', { epochNumber: 0 })]);
  log.append('$$$settings', { kind: 'any' }, [system('$metadata', { $acl: { $r: '$all' } })]);
}
