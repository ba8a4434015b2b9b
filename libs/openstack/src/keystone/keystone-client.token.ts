/**
 * Nest token of the app's one KeystoneClient (null in noauth mode): token validation, the service
 * token, the catalog and its caches are shared by authentication, forwarding and background work,
 * so each Keystone answer is fetched once. Here rather than in the gateway so slices can inject it.
 */
export const KEYSTONE_CLIENT = Symbol('KEYSTONE_CLIENT');
