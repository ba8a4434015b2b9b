export { KEYSTONE_CLIENT } from '@podgate/openstack';
export * from './upstream.module';
