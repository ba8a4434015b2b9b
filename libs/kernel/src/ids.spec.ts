import { deterministicId } from './ids';

describe('deterministicId', () => {
  it('is the same UUID for the same parts, forever: stored event ids depend on it', () => {
    // Computed once with the first implementation (createHash); any change of output breaks idempotent appends.
    expect(deterministicId('routing', 'server', 'srv-1', 'pod-1')).toBe('5600af04-5add-59be-b946-4684d64de3fd');
  });

  it('separates parts, so moving a boundary gives another id', () => {
    expect(deterministicId('ab', 'c')).not.toBe(deterministicId('a', 'bc'));
  });

  it('has the version 5 layout', () => {
    expect(deterministicId('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
