import { outcomeOf, projectOf, resourceOf } from './audit-row';

describe('audit row derivations', () => {
  it.each([
    ['ServerCreateRequested', 'requested'],
    ['VolumeAttachFailed', 'failed'],
    ['ServerCreated', 'succeeded'],
    ['FailedOverToPod2', 'succeeded'],
    ['RequestedTwice', 'succeeded'],
  ])('outcome of %s is %s', (type, outcome) => expect(outcomeOf(type)).toBe(outcome));

  it.each([
    ['server-0b5e8f43-1c2d-4e5f-8a9b-0c1d2e3f4a5b', 'server', '0b5e8f43-1c2d-4e5f-8a9b-0c1d2e3f4a5b'],
    ['tenantBinding-k', 'tenantBinding', 'k'],
    ['orphan', 'orphan', ''],
  ])('resource of stream %s is %s / %s', (stream, resourceType, resourceId) =>
    expect(resourceOf(stream)).toEqual({ resourceType, resourceId }),
  );

  it("files under the data's project when it names one, else under the actor's", () => {
    const metadata = { actor: { userId: 'admin', projectId: 'admin', roles: ['admin'] } } as never;
    expect(projectOf({ data: { projectId: 'tenant-a' }, metadata })).toBe('tenant-a');
    expect(projectOf({ data: { projectId: '' }, metadata })).toBe('admin');
    expect(projectOf({ data: { projectId: 7 }, metadata })).toBe('admin');
    expect(projectOf({ data: null, metadata })).toBe('admin');
  });
});
