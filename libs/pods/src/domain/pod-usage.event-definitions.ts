import type { EventTypeDefinition } from '@podgate/event-store';
import { z } from 'zod';
import type { PodUsageEvent, PodUsageReportedData } from './pod-usage.events';

const amount = z.number().min(0);

/** assertUsage keeps every figure a finite, non-negative number. */
const usage = z.strictObject({
  vcpus: amount,
  vcpusUsed: amount,
  memoryMb: amount,
  memoryMbUsed: amount,
  diskGb: amount,
  diskGbUsed: amount,
  runningVms: amount,
});

/**
 * SECURITY: strict, as the collector's `error` is the one free text here: a key nobody allowed (a
 * request header, a token) fails to parse by name instead of reaching the log.
 */
const reported = z.strictObject({
  podId: z.string().min(1),
  reachable: z.boolean(),
  usage: usage.nullable(),
  /** Can pass 1: overcommitted resources (see usedFractionOf). */
  usedFraction: amount.nullable(),
  reportedAt: z.string().min(1),
  error: z.string().optional(),
});

/** Parsers for the event-type registry, in POD_USAGE_EVENT_TYPES order. */
export const POD_USAGE_EVENT_DEFINITIONS = [
  { type: 'PodUsageReported', version: 1, parse: (data: unknown): PodUsageReportedData => reported.parse(data) },
] as const satisfies readonly EventTypeDefinition<PodUsageEvent['type']>[];
