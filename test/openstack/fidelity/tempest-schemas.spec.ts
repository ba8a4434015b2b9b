import { tempestProblems } from './tempest-schemas';

const schema = {
  status_code: [200],
  response_body: {
    type: 'object',
    properties: { user_id: { type: 'string', format: 'uuid' }, created: { type: 'string', format: 'iso8601-date-time' } },
    required: ['user_id'],
  },
};

describe('tempestProblems', () => {
  it('accepts what Tempest accepts: dashless Keystone ids, naive ISO times', () => {
    expect(
      tempestProblems(schema, 200, { user_id: 'b6c1a1e0e2f84f4c9b1f6e2a6c3d4e5f', created: '2026-11-22T10:00:00.000000' }),
    ).toEqual([]);
    expect(tempestProblems(schema, 200, { user_id: 'b6c1a1e0-e2f8-4f4c-9b1f-6e2a6c3d4e5f' })).toEqual([]);
  });

  it('reports a wrong status, a missing field and a bad format', () => {
    expect(tempestProblems(schema, 201, { user_id: 'not-a-uuid' })).toEqual([
      'status 201 not in [200]',
      '/user_id must match format "uuid"',
    ]);
    expect(tempestProblems(schema, 200, {})).toEqual(["/ must have required property 'user_id'"]);
  });
});
