/**
 * TEST DOUBLE: EventStoreDB's Streams/Append, a client stream of one options message then one
 * message per event, answered once the client ends it. A wrong expected version is an ordinary
 * response (not a gRPC error), as on servers since 20.6, carrying the stream's current revision.
 */
import { status, type handleClientStreamingCall, type ServerErrorResponse } from '@grpc/grpc-js';
import { AppendReq, AppendResp, Empty } from './esdb-streams-double.grpc';
import {
  assertNever,
  type AppendOutcome,
  type ExpectedState,
  type InMemoryEventLog,
  type ProposedEvent,
} from './esdb-streams-double.log';
import { serverError, streamNameOf, uuidText } from './esdb-streams-double.wire';

export function handleAppend(log: InMemoryEventLog): handleClientStreamingCall<AppendReq, AppendResp> {
  return (call, callback) => {
    let options: AppendReq.Options | undefined;
    const proposed: ProposedEvent[] = [];
    let failure: ServerErrorResponse | undefined;

    call.on('data', (request: AppendReq) => {
      if (failure) return;
      const header = request.getOptions();
      if (header) {
        options = header;
        return;
      }
      const message = request.getProposedMessage();
      if (!options || !message) failure = serverError(status.INVALID_ARGUMENT, 'the first append message must be the options');
      else {
        const event = proposedEvent(message);
        if (event) proposed.push(event);
        else failure = missingMetadata();
      }
    });
    call.on('end', () => {
      if (failure || !options) return callback(failure ?? serverError(status.INVALID_ARGUMENT, 'no append options'));
      const expected = expectedState(options);
      const outcome = log.append(streamNameOf(options.getStreamIdentifier()), expected, proposed);
      callback(null, appendResponse(outcome, expected));
    });
    // A client that goes away mid-append has written nothing: the append only happens on 'end'.
    call.on('error', () => undefined);
  };
}

function proposedEvent(message: AppendReq.ProposedMessage): ProposedEvent | undefined {
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  const contentType = metadata.get('content-type');
  const id = uuidText(message.getId());
  if (!type || !contentType || !id) return undefined;
  return { id, type, contentType, data: message.getData_asU8(), customMetadata: message.getCustomMetadata_asU8() };
}

function missingMetadata(): ServerErrorResponse {
  return serverError(status.INVALID_ARGUMENT, 'an event needs an id, a type and a content type', {
    exception: 'missing-required-metadata-property',
    'required-metadata-properties': 'type,content-type',
  });
}

function expectedState(options: AppendReq.Options): ExpectedState {
  if (options.hasRevision()) return { kind: 'revision', revision: BigInt(options.getRevision()) };
  if (options.hasNoStream()) return { kind: 'noStream' };
  if (options.hasStreamExists()) return { kind: 'streamExists' };
  return { kind: 'any' };
}

function appendResponse(outcome: AppendOutcome, expected: ExpectedState): AppendResp {
  if (outcome.kind === 'written') {
    const success = new AppendResp.Success();
    if (outcome.currentRevision < 0n) success.setNoStream(new Empty());
    else success.setCurrentRevision(outcome.currentRevision.toString());
    if (outcome.position === undefined) success.setNoPosition(new Empty());
    else {
      const position = outcome.position.toString();
      success.setPosition(new AppendResp.Position().setCommitPosition(position).setPreparePosition(position));
    }
    return new AppendResp().setSuccess(success);
  }
  const wrong = new AppendResp.WrongExpectedVersion();
  if (outcome.currentRevision === undefined) wrong.setCurrentNoStream(new Empty());
  else wrong.setCurrentRevision(outcome.currentRevision.toString());
  switch (expected.kind) {
    case 'revision':
      wrong.setExpectedRevision(expected.revision.toString());
      break;
    case 'noStream':
      wrong.setExpectedNoStream(new Empty());
      break;
    case 'streamExists':
      wrong.setExpectedStreamExists(new Empty());
      break;
    case 'any':
      wrong.setExpectedAny(new Empty());
      break;
    default:
      assertNever(expected);
  }
  return new AppendResp().setWrongExpectedVersion(wrong);
}
