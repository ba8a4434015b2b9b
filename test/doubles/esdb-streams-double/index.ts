/** TEST DOUBLE of EventStoreDB's Streams gRPC service, for adapter tests only. */
export { findClosedLocalPort } from './esdb-streams-double.closed-port';
export { ESDB_STREAMS_DOUBLE_VERSION, startEsdbStreamsDouble, type EsdbStreamsDouble } from './esdb-streams-double.server';
