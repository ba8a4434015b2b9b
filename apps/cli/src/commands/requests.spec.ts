import { auditExportRequest, auditListRequest } from './audit.requests';
import { bindingCreateRequest, bindingEndRequest, bindingListRequest } from './bindings.requests';
import {
  podDeregisterRequest,
  podListRequest,
  podMaintenanceRequest,
  podRegisterRequest,
  podUpdateRequest,
} from './pods.requests';
import { routingListRequest } from './routings.requests';

const POD = '2b1c6f0e-8d0c-5f6a-9a53-3c1f2f1f7e10';

describe('pods: options -> admin API request', () => {
  it('lists with the contract filter names, leaving out what was not asked', () => {
    expect(podListRequest({ az: 'az1', maintenance: false, marker: POD })).toEqual({
      method: 'GET',
      path: '/v1.0/pods',
      query: { az_name: 'az1', in_maintenance: false, status: undefined, marker: POD },
    });
  });

  it('registers with snake_case fields and endpoints only for the URLs given', () => {
    const request = podRegisterRequest('Pod1', {
      az: 'az1',
      podAz: 'nova',
      capacityThreshold: 0.8,
      volumeUrl: 'http://v/v3/%(project_id)s',
    });
    expect(request).toEqual({
      method: 'POST',
      path: '/v1.0/pods',
      body: {
        pod: {
          name: 'Pod1',
          az_name: 'az1',
          pod_az_name: 'nova',
          capacity_threshold: 0.8,
          endpoints: { volume: 'http://v/v3/%(project_id)s' },
        },
      },
    });
    expect(podRegisterRequest('Pod2', { az: 'az2' }).body).toEqual({ pod: { name: 'Pod2', az_name: 'az2' } });
  });

  it('updates only the given fields; --no-affinity-tag clears the tag; nothing given is refused', () => {
    expect(podUpdateRequest(POD, { dc: 'dc1', affinityTag: false })).toEqual({
      method: 'PUT',
      path: `/v1.0/pods/${POD}`,
      body: { pod: { dc_name: 'dc1', affinity_tag: null } },
    });
    expect(() => podUpdateRequest(POD, {})).toThrow('nothing to update');
  });

  it('drains and undrains through maintenance, and deregisters with force and reason in the query', () => {
    expect(podMaintenanceRequest(POD, true, 'disk swap').body).toEqual({
      pod: { maintenance: true, maintenance_reason: 'disk swap' },
    });
    expect(podMaintenanceRequest(POD, false).body).toEqual({ pod: { maintenance: false } });
    expect(podDeregisterRequest(POD, { force: true, reason: 'retired' })).toEqual({
      method: 'DELETE',
      path: `/v1.0/pods/${POD}`,
      query: { force: true, reason: 'retired' },
    });
    expect(podDeregisterRequest(POD, {}).query).toEqual({ force: undefined, reason: undefined });
  });
});

describe('bindings, routings, audit: options -> admin API request', () => {
  it('maps --active/--ended to active=true/false and passes --as-of', () => {
    expect(bindingListRequest({ active: true }).query).toMatchObject({ active: true });
    expect(bindingListRequest({ ended: true }).query).toMatchObject({ active: false });
    expect(bindingListRequest({ project: 'p', az: 'az1', asOf: '2026-11-22T10:00:00.000Z' }, POD).query).toEqual({
      ...{
        project_id: 'p',
        pod_id: POD,
        az_name: 'az1',
        active: undefined,
        as_of: '2026-11-22T10:00:00.000Z',
        marker: undefined,
      },
    });
  });

  it('creates with the resolved pod id, and ends with DELETE and a reason', () => {
    expect(bindingCreateRequest({ project: 'p', az: 'az1', affinityTag: 'gpu' }, POD)).toEqual({
      method: 'POST',
      path: '/v1.0/bindings',
      body: { binding: { project_id: 'p', az_name: 'az1', pod_id: POD, affinity_tag: 'gpu' } },
    });
    expect(bindingEndRequest('b/1', 'moving')).toEqual({
      method: 'DELETE',
      path: '/v1.0/bindings/b%2F1',
      query: { reason: 'moving' },
    });
  });

  it("uses Tricircle's routing filter names", () => {
    expect(routingListRequest({ topId: 't', bottomId: 'b', project: 'p', resourceType: 'volume' }, POD).query).toEqual({
      ...{ top_id: 't', bottom_id: 'b', pod_id: POD, project_id: 'p', resource_type: 'volume', marker: undefined },
    });
  });

  it('gives audit list and export the same filters; only the list pages', () => {
    const filters = { project: 'p', resource: 'pod/x', type: 'PodRegistered', since: 's', until: 'u' };
    const expected = { project_id: 'p', pod_id: POD, resource_id: 'pod/x', type: 'PodRegistered', since: 's', until: 'u' };
    expect(auditListRequest({ ...filters, marker: '3/3' }, POD)).toEqual({
      method: 'GET',
      path: '/v1.0/audit',
      query: { ...expected, marker: '3/3' },
    });
    expect(auditExportRequest(filters, POD)).toEqual({ method: 'GET', path: '/v1.0/audit/export', query: expected });
  });
});
