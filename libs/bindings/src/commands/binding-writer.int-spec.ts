import { Logger } from '@nestjs/common';
import { closingAfterAppend } from '@podgate/event-store/testing';
import { type EventStore, openPostgresEventStore } from '@podgate/event-store';
import { PGliteClient, type SqlClient } from '@podgate/sql';
import type { BindingKey } from '../domain/binding.events';
import { bindingKeyId } from '../domain/binding.stream';
import { adminContext } from '../testing/test-contexts';
import { BindingWriter } from './binding-writer';

const context = adminContext('req-00000000-0000-4000-8000-000000000001');

describe('BindingWriter read-your-writes', () => {
  let sql: SqlClient;
  let store: EventStore;
  beforeAll(async () => {
    sql = await PGliteClient.open();
    store = await openPostgresEventStore(sql, { subscriptionIdleMs: 10 });
  });
  afterAll(async () => {
    await store.close();
    await sql.close();
  });
  afterEach(() => jest.restoreAllMocks());

  it('answers from the stream when the read model fails after the append, so a retry finds the binding made', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const readModel = await PGliteClient.open();
    const writer = new BindingWriter(closingAfterAppend(store, readModel), readModel, { readYourWritesMs: 5000 });
    const key: BindingKey = { projectId: 'tenant-lost', azName: 'az1', affinityTag: null };
    const keyId = bindingKeyId(key);
    const bindingId = '11111111-1111-4111-8111-111111111111';
    const podId = '22222222-2222-4222-8222-222222222222';

    const decision = await writer.decide(
      keyId,
      (now) => ({ type: 'BindTenant', key, bindingId, podId, reason: 'admin-pin', now }),
      context,
    );
    expect(decision.appended).toBeDefined();
    expect(await writer.viewAfter(keyId, decision, bindingId)).toMatchObject({
      bindingId,
      projectId: 'tenant-lost',
      podId,
      reason: 'admin-pin',
      active: true,
      boundBy: 'admin-user',
      boundRequestId: context.requestId,
    });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/PGlite is closed/);

    // The retry records nothing and answers with the same binding.
    const retried = await writer.decide(
      keyId,
      (now) => ({ type: 'BindTenant', key, bindingId: '33333333-3333-4333-8333-333333333333', podId, reason: 'admin-pin', now }),
      context,
    );
    expect(retried.appended).toBeUndefined();
    expect(retried.state.active?.bindingId).toBe(bindingId);
  });
});
