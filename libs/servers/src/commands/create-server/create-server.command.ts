import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';
import type { ForwardedResponse } from '@podgate/openstack';
import type { PodView } from '@podgate/pods';
import type { ServerForward } from '../server-forward';

export interface CreateServerInput {
  /** The tenant the server is for: the caller's project. */
  readonly projectId: string;
  /** The user-visible AZ asked for (`availability_zone`), null when none: see ComputeConfig.defaultAzName. */
  readonly azName: string | null;
  /** From the flavor's `podgate:affinity_tag` extra spec (the gateway looked the flavor up), null if none. */
  readonly affinityTag: string | null;
  readonly flavorRef: string;
  /**
   * The Nova request body, already validated by the gateway. The handler sets
   * `server.availability_zone` to the chosen pod's own AZ and adds the provisioning tag to
   * `server.metadata` before forwarding; it never records the body (summarizeServerRequest).
   */
  readonly body: { readonly server: Record<string, unknown> } & Record<string, unknown>;
  /** method POST, path /servers; the token and microversion headers of the caller. */
  readonly forward: ServerForward;
}

export interface CreateServerResult {
  /** The pod's answer, unchanged (the gateway rewrites links). */
  readonly response: ForwardedResponse;
  readonly pod: PodView;
  /** Every server the pod created for this request (min/max_count may make several), in the pod's order. */
  readonly serverIds: readonly string[];
}

/** Nova's POST /servers through podgate: select a pod, record the intent, forward, record the outcome. */
export class CreateServerCommand extends Command<CreateServerResult> {
  constructor(
    readonly input: CreateServerInput,
    readonly context: RequestContext,
  ) {
    super();
  }
}
