// The pod simulator's JSON config file: the same shape as SimulatorOptions (minus the clock and
// logger), e.g. {"basePort": 20000, "pods": [{"az": "az1", "computeMaxVersion": "2.79"}, {}]}.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { IdentitySeed } from '../keystone/seed';
import { PodDelays, PodOptions } from '../pod/pod-config';

export interface SimulatorConfigFile {
  host?: string;
  basePort?: number;
  pods?: number | PodOptions[];
  gatewayUrl?: string;
  tokenTtlSeconds?: number;
  /** Inline seed, or a path relative to the config file. */
  seed?: IdentitySeed | string;
  delays?: Partial<PodDelays>;
  faultSeed?: number;
}

export function readConfigFile(path: string): SimulatorConfigFile {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as SimulatorConfigFile;
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`${path}: expected a JSON object`);
  if (typeof parsed.seed === 'string') parsed.seed = resolve(dirname(path), parsed.seed);
  return parsed;
}
