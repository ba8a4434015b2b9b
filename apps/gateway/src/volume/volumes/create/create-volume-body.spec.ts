import { parseApiVersion } from '../../../api/microversion';
import { InvalidCreateVolumeBodyError, validateCreateVolumeBody } from './create-volume-body';

const v = parseApiVersion;
const validate = (body: unknown, version = '3.0') => validateCreateVolumeBody(body, v(version));
const UUID = '2b1a3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

// Expected texts are Cinder's (schemas/volumes.py through its jsonschema validator, v3/volumes.py create).
describe('validateCreateVolumeBody', () => {
  it('takes a plain create and reports the AZ and type named', () => {
    const valid = validate({ volume: { size: 1, name: '  web  ', availability_zone: 'az1', volume_type: 'fast' } });
    expect(valid).toMatchObject({ availabilityZone: 'az1', volumeType: 'fast' });
    expect(valid.body.volume.name).toBe('web');
    expect(valid.source).toBeUndefined();
  });

  it('needs the volume envelope and nothing else at the top', () => {
    expect(() => validate({})).toThrow("'volume' is a required property");
    expect(() => validate(undefined)).toThrow("'volume' is a required property");
    expect(() => validate({ volume: {}, extra: 1 })).toThrow("Additional properties are not allowed ('extra' was unexpected)");
    expect(() => validate({ volume: 'x' })).toThrow(
      "Invalid input for field/attribute volume. Value: x. 'x' is not of type 'object'",
    );
  });

  it('checks sizes, AZs, ids and metadata as Cinder', () => {
    expect(() => validate({ volume: { size: 0 } })).toThrow(
      'Invalid input for field/attribute size. Value: 0. 0 is less than the minimum of 1',
    );
    expect(() => validate({ volume: { size: 'big' } })).toThrow(
      "Invalid input for field/attribute size. Value: big. 'big' does not match '^[0-9]+$'",
    );
    expect(() => validate({ volume: { availability_zone: '' } })).toThrow(
      "Invalid input for field/attribute availability_zone. Value: . '' is too short",
    );
    expect(() => validate({ volume: { snapshot_id: 'nope' } })).toThrow(InvalidCreateVolumeBodyError);
    expect(() => validate({ volume: { metadata: { k: 1 } } })).toThrow(
      'Invalid input for field/attribute k. Value: 1. 1 is not of type',
    );
  });

  it('strips names and descriptions and refuses them past 255 characters', () => {
    expect(() => validate({ volume: { name: 'n'.repeat(256) } })).toThrow(
      'Invalid input received: name has 256 characters, more than 255.',
    );
    expect(() => validate({ volume: { display_description: 'd'.repeat(300) } })).toThrow(
      'Invalid input received: description has 300 characters, more than 255.',
    );
  });

  it('refuses the removed multiattach flag', () => {
    expect(() => validate({ volume: { size: 1, multiattach: 'yes' } })).toThrow(/^multiattach parameter has been removed/);
    expect(validate({ volume: { size: 1, multiattach: false } }).body.volume.multiattach).toBe(false);
  });

  it('names the source to copy from: snapshot, then volume, then (3.47+) backup', () => {
    expect(validate({ volume: { snapshot_id: UUID, source_volid: UUID } }).source).toEqual({ kind: 'snapshot', id: UUID });
    expect(validate({ volume: { source_volid: UUID } }).source).toEqual({ kind: 'volume', id: UUID });
    expect(validate({ volume: { backup_id: UUID } }, '3.46').source).toBeUndefined();
    expect(validate({ volume: { backup_id: UUID } }, '3.47').source).toEqual({ kind: 'backup', id: UUID });
  });

  it('takes unknown volume keys below 3.53 and refuses them from 3.53', () => {
    expect(validate({ volume: { size: 1, foo: 1 } }, '3.52').body.volume.foo).toBe(1);
    expect(() => validate({ volume: { size: 1, foo: 1 } }, '3.53')).toThrow(
      "Additional properties are not allowed ('foo' was unexpected)",
    );
  });
});
