import { shapeDifferences, shapeOf } from './shape';

const rules = { maps: [/\.metadata$/], nullable: [/\.description$/] };
const real = {
  server: { id: 'a', name: 'x', metadata: { k: 'v' }, description: null, links: [{ rel: 'self', href: 'h' }], progress: 0 },
};

describe('shapeDifferences', () => {
  it('ignores values, map keys and allowed nulls', () => {
    const simulated = {
      server: { id: 'b', name: 'y', metadata: {}, description: 'd', links: [{ rel: 'bookmark', href: 'g' }], progress: 100 },
    };
    expect(shapeDifferences(shapeOf(real), shapeOf(simulated), rules)).toEqual([]);
  });

  it('finds a field the simulator dropped, added or typed differently', () => {
    const simulated = {
      server: { id: 'b', metadata: {}, description: null, links: [{ rel: 'self' }], progress: '0', extra: true },
    };
    expect(shapeDifferences(shapeOf(real), shapeOf(simulated), rules)).toEqual([
      '$.server.extra: not in the real answer',
      '$.server.links[].href: missing',
      '$.server.name: missing',
      '$.server.progress: string instead of number',
    ]);
  });
});
