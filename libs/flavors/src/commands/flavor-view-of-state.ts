import { FlavorNotFoundError } from '../domain/flavor.errors';
import type { FlavorState } from '../domain/flavor.state';
import type { FlavorView } from '../queries/flavors/flavor-view';

/** A command's answer: the flavor as decided (the stream is the truth; the row may still lag). */
export function flavorViewOf(state: FlavorState, flavorId: string): FlavorView {
  if (state.status !== 'defined') throw new FlavorNotFoundError(flavorId);
  const { flavor } = state;
  return {
    flavorId: flavor.flavorId,
    ...flavor.definition,
    extraSpecs: flavor.extraSpecs,
    projects: flavor.projects,
    generation: state.generation,
  };
}
