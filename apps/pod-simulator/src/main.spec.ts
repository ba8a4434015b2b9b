import { join } from 'node:path';
import { optionsFrom } from './main';
import { IdentityDirectory } from './keystone/identity-directory';
import { loadSeed } from './keystone/seed';
import { PodOptions } from './pod/pod-config';

const EXAMPLE = join(__dirname, '..', 'examples', 'config.json');

describe('CLI options', () => {
  it('defaults to two pods on base port 20000', () => {
    const options = optionsFrom({});
    expect([options.pods, options.basePort, options.log]).toEqual([2, 20000, false]);
  });

  it('reads the config file and lets flags override it', () => {
    const options = optionsFrom({ config: EXAMPLE, basePort: 0, buildDelay: 5, computeMax: '2.60' });
    expect(options.basePort).toBe(0);
    expect(options.delays).toEqual({ buildMs: 5, actionMs: 300, volumeMs: 500 });
    const pods = options.pods as PodOptions[];
    expect(pods.map((p) => [p.az, p.computeMaxVersion, p.volumeMaxVersion])).toEqual([
      ['az1', '2.60', '3.71'],
      ['az2', '2.60', '3.60'],
      ['edge-az', '2.60', undefined],
    ]);
    // The seed path is resolved against the config file's folder.
    expect(options.seed).toBe(join(__dirname, '..', 'examples', 'seed.json'));
  });

  it('loads the example seed: users, implied roles, stable ids', () => {
    const directory = new IdentityDirectory(loadSeed(join(__dirname, '..', 'examples', 'seed.json')));
    const carol = directory.findUser({ name: 'carol' });
    const tenantC = directory.findProject({ name: 'tenant-c' });
    expect(carol?.password).toBe('carol-secret');
    expect(
      directory
        .rolesOn(carol?.id ?? '', tenantC?.id ?? '')
        .map((r) => r.name)
        .sort(),
    ).toEqual(['member', 'reader']);
    expect(directory.rolesOn(directory.findUser({ name: 'alice' })?.id ?? '', tenantC?.id ?? '').map((r) => r.name)).toEqual([
      'reader',
    ]);
    expect(tenantC?.id).toBe(
      new IdentityDirectory(loadSeed(join(__dirname, '..', 'examples', 'seed.json'))).findProject({ name: 'tenant-c' })?.id,
    );
  });
});
