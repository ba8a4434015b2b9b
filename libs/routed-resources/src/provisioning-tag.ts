/**
 * The metadata key podgate sets on a bottom create (servers, volumes, snapshots) to the create's
 * provisioning id, so a create whose answer was lost can be found from the pod's side and adopted.
 * Metadata, not a tag: it exists at every microversion of Nova and Cinder. The gateway hides it from
 * users and refuses writes naming it.
 */
export const PROVISIONING_METADATA_KEY = 'podgate:provisioning_id';
