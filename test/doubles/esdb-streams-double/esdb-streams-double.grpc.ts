/**
 * TEST DOUBLE support: the one place the EventStoreDB Streams double loads the wire contract it
 * imitates, i.e. the gRPC service definitions and messages generated into the client package. The
 * double answers exactly what the real client sends because both sides share these definitions.
 */
export { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
export type { IStreamsServer } from '@eventstore/db-client/generated/streams_grpc_pb';
export { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
export type { IServerFeaturesServer } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
export { AppendReq, AppendResp, ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
export { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
export { Empty, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
