// CONTRACT (session 3): what the gateway hands the servers slice to pass a call on to a pod.
import type { ForwardRequest } from '@podgate/openstack';

/**
 * A user call minus the pod: the handler finds the pod (selectPod on create, the routing table
 * otherwise) and fills in `pod` and `projectId` itself.
 */
export type ServerForward = Omit<ForwardRequest, 'pod' | 'projectId' | 'service'>;
