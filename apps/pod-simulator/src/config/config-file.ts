// The pod simulator's JSON config file: the same shape as SimulatorOptions (minus the clock and
// logger), e.g. {"basePort": 20000, "pods": [{"az": "az1", "computeMaxVersion": "2.79"}, {}]}.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { SimulatorOptions } from '../simulator';

/** What a config file may set: the simulator's options, less the in-process ones (clock, log sink); a seed path is relative to the file. */
export type SimulatorConfigFile = Omit<SimulatorOptions, 'clock' | 'log'>;

export function readConfigFile(path: string): SimulatorConfigFile {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as SimulatorConfigFile;
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`${path}: expected a JSON object`);
  if (typeof parsed.seed === 'string') parsed.seed = resolve(dirname(path), parsed.seed);
  return parsed;
}
