import { type AdminHarness, startAdminHarness } from '../testing/admin-harness';
import { expectDocumented } from '../testing/documented-schema';

const EVERY_OPERATION = {
  '/': ['get'],
  '/v1.0': ['get'],
  '/v1.0/openapi.json': ['get'],
  '/v1.0/pods': ['get', 'post'],
  '/v1.0/pods/{pod_id}': ['delete', 'get', 'put'],
  '/v1.0/bindings': ['get', 'post'],
  '/v1.0/bindings/{binding_id}': ['delete', 'get'],
  '/v1.0/routings': ['get'],
  '/v1.0/routings/{id}': ['get'],
  '/v1.0/audit': ['get'],
  '/v1.0/audit/export': ['get'],
};

describe('admin API: GET /v1.0/openapi.json', () => {
  let h: AdminHarness;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- an OpenAPI document, walked by path
  let document: any;
  beforeAll(async () => {
    h = await startAdminHarness();
    document = (
      await h
        .as()
        .get('/v1.0/openapi.json')
        .expect(200)
        .expect('content-type', /application\/json/)
    ).body;
  });
  afterAll(() => h.close());

  it('is public and describes every path and method of the admin API, and nothing else', () => {
    expect(document).toMatchObject({ openapi: '3.0.0', info: { title: 'podgate admin API', version: 'v1.0' } });
    const operations = Object.fromEntries(
      Object.entries(document.paths).map(([path, methods]) => [path, Object.keys(methods as object).sort()]),
    );
    expect(operations).toEqual(EVERY_OPERATION);
  });

  it('documents request bodies with the schemas that validate them: strict, snake_case', () => {
    const body = document.paths['/v1.0/pods'].post.requestBody.content['application/json'].schema;
    expect(body).toMatchObject({ type: 'object', additionalProperties: false, required: ['pod'] });
    expect(body.properties.pod).toMatchObject({ additionalProperties: false, required: ['name', 'az_name'] });
    expect(body.properties.pod.properties.capacity_threshold).toMatchObject({ type: 'number', maximum: 1, default: 0.9 });
    const pin = document.paths['/v1.0/bindings'].post.requestBody.content['application/json'].schema;
    expect(pin.properties.binding.required).toEqual(['project_id', 'az_name', 'pod_id']);
  });

  it('documents each list filter as a query parameter', () => {
    const names = (path: string) =>
      document.paths[path].get.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`).sort();
    expect(names('/v1.0/pods')).toEqual([
      'query:az_name',
      'query:in_maintenance',
      'query:limit',
      'query:marker',
      'query:name',
      'query:status',
    ]);
    expect(names('/v1.0/bindings')).toEqual([
      'query:active',
      'query:as_of',
      'query:az_name',
      'query:limit',
      'query:marker',
      'query:pod_id',
      'query:project_id',
    ]);
    expect(names('/v1.0/routings')).toEqual([
      'query:bottom_id',
      'query:limit',
      'query:marker',
      'query:pod_id',
      'query:project_id',
      'query:resource_type',
      'query:top_id',
    ]);
    expect(names('/v1.0/audit/export')).toEqual([
      'query:pod_id',
      'query:project_id',
      'query:resource_id',
      'query:since',
      'query:type',
      'query:until',
    ]);
    expect(names('/v1.0/pods/{pod_id}')).toEqual(['path:pod_id']);
  });

  it('documents the NDJSON export as such', () => {
    expect(Object.keys(document.paths['/v1.0/audit/export'].get.responses['200'].content)).toEqual(['application/x-ndjson']);
  });

  it('holds answers to their documented schemas (the check other specs rely on)', async () => {
    await expect(expectDocumented(h, 'get', '/v1.0/pods/{pod_id}', 200, { pod: { name: 42 } })).rejects.toThrow(
      /does not match its documented schema/,
    );
    await expect(
      expectDocumented(h, 'get', '/v1.0/pods', 200, { pods: [], pods_links: [{ rel: 'previous', href: 'x' }] }),
    ).rejects.toThrow();
  });
});
