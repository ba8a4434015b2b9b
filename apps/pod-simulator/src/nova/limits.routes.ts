// /limits and os-quota-sets of the simulated Nova: per-project quotas and what is used of them.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { atLeast } from '../http/microversion';
import { forbidden } from '../http/openstack-error';
import { asQuery, queryOne } from '../http/query';
import { callerOf, microversionOf } from '../http/request-context';
import { PodState } from '../pod/pod-state';
import { NovaContext, param } from './nova-context';

function usage(pod: PodState, projectId: string) {
  const servers = pod.nova.projectServers(projectId);
  return {
    instances: servers.length,
    cores: servers.reduce((n, s) => n + s.flavor.vcpus, 0),
    ram: servers.reduce((n, s) => n + s.flavor.ram, 0),
  };
}

function targetProject(request: FastifyRequest, requested: string | undefined): string {
  const caller = callerOf(request);
  if (requested === undefined || requested === caller.projectId) return caller.projectId;
  if (!caller.isAdmin) throw forbidden(`Policy doesn't allow os_compute_api:os-used-limits to be performed.`);
  return requested;
}

export function registerLimitRoutes(app: FastifyInstance, { pod }: NovaContext): void {
  app.get('/limits', async (request) => {
    const version = microversionOf(request);
    const projectId = targetProject(request, queryOne(asQuery(request.query), 'tenant_id'));
    const q = pod.config.quotas;
    const used = usage(pod, projectId);
    const absolute: Record<string, number> = {
      maxImageMeta: 128,
      maxServerMeta: q.metadataItems,
      maxTotalCores: q.cores,
      maxTotalInstances: q.instances,
      maxTotalKeypairs: q.keyPairs,
      maxTotalRAMSize: q.ram,
      maxServerGroups: q.serverGroups,
      maxServerGroupMembers: q.serverGroupMembers,
      totalCoresUsed: used.cores,
      totalInstancesUsed: used.instances,
      totalRAMUsed: used.ram,
      totalServerGroupsUsed: 0,
    };
    // 2.36 dropped the network proxies, 2.57 the personality limits.
    if (!atLeast(version, '2.36'))
      Object.assign(absolute, {
        maxSecurityGroups: 10,
        maxSecurityGroupRules: 20,
        maxTotalFloatingIps: 10,
        totalFloatingIpsUsed: 0,
        totalSecurityGroupsUsed: 0,
      });
    if (!atLeast(version, '2.57')) Object.assign(absolute, { maxPersonality: 5, maxPersonalitySize: 10240 });
    return { limits: { rate: [], absolute } };
  });

  const quotaSet = (projectId: string, detail: boolean) => {
    const q = pod.config.quotas;
    const used = usage(pod, projectId);
    const item = (limit: number, inUse: number) => (detail ? { limit, in_use: inUse, reserved: 0 } : limit);
    return {
      id: projectId,
      instances: item(q.instances, used.instances),
      cores: item(q.cores, used.cores),
      ram: item(q.ram, used.ram),
      key_pairs: item(q.keyPairs, 0),
      metadata_items: item(q.metadataItems, 0),
      server_groups: item(q.serverGroups, 0),
      server_group_members: item(q.serverGroupMembers, 0),
    };
  };
  app.get('/os-quota-sets/:project', async (request) => ({
    quota_set: quotaSet(targetProject(request, param(request, 'project')), false),
  }));
  app.get('/os-quota-sets/:project/detail', async (request) => ({
    quota_set: quotaSet(targetProject(request, param(request, 'project')), true),
  }));
  app.get('/os-quota-sets/:project/defaults', async (request) => ({ quota_set: quotaSet(param(request, 'project'), false) }));
}
