import { InvalidFlavorError } from './flavor.errors';
import type { FlavorDefinition } from './flavor.events';
import {
  AFFINITY_EXTRA_SPEC,
  affinityTagOf,
  assertExtraSpecs,
  assertFlavorDefinition,
  assertFlavorId,
  assertProjectId,
} from './flavor.validation';
import { M1_SMALL } from '../testing/flavor-fixtures';

const definition = M1_SMALL;
const refusal = (check: () => void): unknown => {
  try {
    check();
    return undefined;
  } catch (error) {
    return error;
  }
};
const define = (changes: Partial<FlavorDefinition>) => refusal(() => assertFlavorDefinition({ ...definition, ...changes }));

describe('flavor validation (Nova’s rules)', () => {
  it('takes ids of 1..255 of [a-zA-Z0-9. _-], with no space at either end', () => {
    for (const ok of ['1', 'm1.small', 'gpu_large-2', 'a b', 'x'.repeat(255), '6f1c1c9e-0000-5000-8000-000000000001']) {
      expect(refusal(() => assertFlavorId(ok))).toBeUndefined();
    }
    for (const bad of ['', ' a', 'a ', 'a/b', 'é', 'x'.repeat(256)]) {
      expect(refusal(() => assertFlavorId(bad))).toBeInstanceOf(InvalidFlavorError);
    }
  });

  it('takes names of 1..255 printable characters, not starting or ending with whitespace', () => {
    expect(define({ name: 'GPU large (tier 2) – été' })).toBeUndefined();
    expect(define({ name: 'x'.repeat(255) })).toBeUndefined();
    for (const bad of ['', 'x'.repeat(256), ' m1', 'm1 ', 'm1\u00a0', 'line\nbreak', 'tab\there', 'emoji 🚀']) {
      expect(define({ name: bad })).toBeInstanceOf(InvalidFlavorError);
    }
    expect((define({ name: ' m1' }) as Error).message).toBe(
      "An invalid 'name' value was provided. The name must be: printable characters. Can not start or end with whitespace.",
    );
  });

  it('wants ram and vcpus from 1, disk, ephemeral and swap from 0, all integers up to 2^31-1', () => {
    expect(define({ ram: 1, vcpus: 1, disk: 0, ephemeral: 0, swap: 0 })).toBeUndefined();
    expect(define({ ram: 0x7fffffff, disk: 0x7fffffff })).toBeUndefined();
    for (const bad of [
      { ram: 0 },
      { vcpus: 0 },
      { disk: -1 },
      { ephemeral: -1 },
      { swap: -1 },
      { ram: 0x80000000 },
      { vcpus: 1.5 },
    ]) {
      expect(define(bad)).toBeInstanceOf(InvalidFlavorError);
    }
  });

  it('wants rxtx_factor above 0 and at most SQL_SP_FLOAT_MAX', () => {
    expect(define({ rxtxFactor: 0.5 })).toBeUndefined();
    expect(define({ rxtxFactor: 3.40282e38 })).toBeUndefined();
    for (const bad of [0, -1, 3.5e38, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(define({ rxtxFactor: bad })).toBeInstanceOf(InvalidFlavorError);
    }
  });

  it('takes a description of up to 65535 printable characters, spaces included, but no newline', () => {
    expect(define({ description: '' })).toBeUndefined();
    expect(define({ description: ' two  spaces ' })).toBeUndefined();
    expect(define({ description: 'x'.repeat(65535) })).toBeUndefined();
    expect(define({ description: 'x'.repeat(65536) })).toBeInstanceOf(InvalidFlavorError);
    expect(define({ description: 'first\nsecond' })).toBeInstanceOf(InvalidFlavorError);
  });

  it('takes extra spec keys of [a-zA-Z0-9-_:. ] and values of up to 255', () => {
    expect(refusal(() => assertExtraSpecs({ 'hw:cpu_policy': 'dedicated', 'quota:cpu shares': '' }))).toBeUndefined();
    expect(refusal(() => assertExtraSpecs({ 'hw/cpu': 'x' }))).toBeInstanceOf(InvalidFlavorError);
    expect(refusal(() => assertExtraSpecs({ ['k'.repeat(256)]: 'x' }))).toBeInstanceOf(InvalidFlavorError);
    expect(refusal(() => assertExtraSpecs({ k: 'v'.repeat(256) }))).toBeInstanceOf(InvalidFlavorError);
  });

  it('reads the affinity tag from podgate:affinity_tag, and refuses a blank one', () => {
    expect(AFFINITY_EXTRA_SPEC).toBe('podgate:affinity_tag');
    expect(affinityTagOf({ 'podgate:affinity_tag': 'gpu', 'hw:cpu_policy': 'dedicated' })).toBe('gpu');
    expect(affinityTagOf({ 'hw:cpu_policy': 'dedicated' })).toBeNull();
    expect(refusal(() => assertExtraSpecs({ [AFFINITY_EXTRA_SPEC]: '' }))).toBeInstanceOf(InvalidFlavorError);
  });

  it('takes project ids of 1..255 characters', () => {
    expect(refusal(() => assertProjectId('8a7f3c'))).toBeUndefined();
    expect(refusal(() => assertProjectId(''))).toBeInstanceOf(InvalidFlavorError);
    expect(refusal(() => assertProjectId('p'.repeat(256)))).toBeInstanceOf(InvalidFlavorError);
  });
});
