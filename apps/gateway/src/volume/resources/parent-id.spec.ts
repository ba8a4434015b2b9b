import { viewPodAz, podAzOf, withUserAz } from '../az-translation';
import { optionalIdOf, parentIdOf, UUID } from './parent-id';

const VOLUME = '0f6f2a2e-8a2b-4c3e-9d59-1c3a8c0e4b11';

describe('parentIdOf', () => {
  it('finds the parent id, Cinder’s None for null', () => {
    expect(parentIdOf({ snapshot: { volume_id: VOLUME, name: 'x' } }, 'snapshot', 'volume_id')).toBe(VOLUME);
    expect(parentIdOf({ snapshot: { volume_id: null } }, 'snapshot', 'volume_id')).toBe('None');
  });

  it('refuses what Cinder’s schema refuses first, in jsonschema’s words', () => {
    expect(() => parentIdOf({}, 'snapshot', 'volume_id')).toThrow("'snapshot' is a required property");
    expect(() => parentIdOf({ backup: {} }, 'backup', 'volume_id', UUID)).toThrow(
      "Invalid input for field/attribute backup. Value: {}. 'volume_id' is a required property",
    );
    expect(() => parentIdOf({ backup: { volume_id: 'nope' } }, 'backup', 'volume_id', UUID)).toThrow(
      "Invalid input for field/attribute volume_id. Value: nope. 'nope' is not a 'uuid'",
    );
  });

  it('reads optional ids only when they are non-empty strings', () => {
    expect(optionalIdOf({ restore: { volume_id: 'v' } }, 'restore', 'volume_id')).toBe('v');
    expect(optionalIdOf({ restore: null }, 'restore', 'volume_id')).toBeUndefined();
    expect(optionalIdOf(undefined, 'restore', 'volume_id')).toBeUndefined();
  });
});

describe('AZ translation', () => {
  const pod = { azName: 'az1', podAzName: 'nova' };
  it('shows podgate’s AZ in one or many items, and leaves other bodies and AZs alone', () => {
    expect(viewPodAz({ backup: { id: 'b', availability_zone: 'nova' } }, pod)).toEqual({
      backup: { id: 'b', availability_zone: 'az1' },
    });
    const many = { backups: [{ availability_zone: 'nova' }, { availability_zone: 'other' }], backups_links: [] };
    expect(viewPodAz(many, pod)).toEqual({
      backups: [{ availability_zone: 'az1' }, { availability_zone: 'other' }],
      backups_links: [],
    });
    const untouched = { restore: { volume_id: 'v' } };
    expect(viewPodAz(untouched, pod)).toBe(untouched);
    expect(withUserAz({ availability_zone: 'az1' }, { azName: 'az1', podAzName: 'az1' })).toEqual({ availability_zone: 'az1' });
  });

  it('names the pod’s own AZ in requests', () => {
    expect(podAzOf('az1', pod)).toBe('nova');
    expect(podAzOf('elsewhere', pod)).toBe('elsewhere');
  });
});
