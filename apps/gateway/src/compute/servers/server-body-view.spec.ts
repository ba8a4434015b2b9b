import { viewServer, viewServerBody } from './server-body-view';
import { subresourcePathOf } from './server-subresource-path';
import {
  actionNameOf,
  MalformedActionBodyError,
  subresourceAction,
  UnknownServerActionError,
  UnknownServerResourceError,
} from './server-action';

const pod = { azName: 'az2', podAzName: 'nova' };
const TAG = 'podgate:provisioning_id';

describe('viewServer', () => {
  it('shows the user-visible AZ and hides the provisioning tag, without touching the input', () => {
    const server = { id: 's', 'OS-EXT-AZ:availability_zone': 'nova', metadata: { [TAG]: 'p1', role: 'web' } };
    expect(viewServer(server, pod)).toEqual({ id: 's', 'OS-EXT-AZ:availability_zone': 'az2', metadata: { role: 'web' } });
    expect(server.metadata[TAG]).toBe('p1');
  });

  it('shows the pinned AZ (2.96) as the user’s too, null (unpinned) as null', () => {
    const server = { 'OS-EXT-AZ:availability_zone': 'nova', pinned_availability_zone: 'nova' };
    expect(viewServer(server, pod)).toEqual({ 'OS-EXT-AZ:availability_zone': 'az2', pinned_availability_zone: 'az2' });
    expect(viewServer({ pinned_availability_zone: null }, pod)).toEqual({ pinned_availability_zone: null });
    expect(viewServerBody({ server: { pinned_availability_zone: 'nova' } }, pod)).toEqual({
      server: { pinned_availability_zone: 'az2' },
    });
  });

  it('leaves other AZ values (a server not scheduled yet) and bodies without a server alone', () => {
    expect(viewServer({ 'OS-EXT-AZ:availability_zone': '' }, pod)).toEqual({ 'OS-EXT-AZ:availability_zone': '' });
    expect(viewServerBody({ image_id: 'i' }, pod)).toEqual({ image_id: 'i' });
    expect(viewServerBody({ servers: [{ metadata: { [TAG]: 'x' } }] }, pod)).toEqual({ servers: [{ metadata: {} }] });
  });
});

describe('sub-resource paths', () => {
  it('takes what follows /servers/{id}/, still encoded, without the query', () => {
    expect(subresourcePathOf('/compute/v2.1/servers/abc/metadata/a%20b?x=1')).toBe('metadata/a%20b');
    expect(subresourcePathOf('/compute/v2.1/servers/abc')).toBe('');
    expect(subresourceAction('put', 'metadata/role')).toBe('PUT metadata');
  });
});

describe('actionNameOf (Nova’s action_peek)', () => {
  it('names the single key, and refuses any other body as Nova does', () => {
    expect(actionNameOf({ 'os-stop': null })).toBe('os-stop');
    for (const body of [{}, { a: 1, b: 2 }, [1], 'x', null]) {
      expect(() => actionNameOf(body)).toThrow(new MalformedActionBodyError());
    }
    expect(new MalformedActionBodyError().message).toBe('Malformed request body');
  });

  it('takes every action name Nova has (nova/api/openstack/compute, wsgi.action)', () => {
    for (const name of NOVA_ACTIONS) expect(actionNameOf({ [name]: null })).toBe(name);
  });

  it('refuses a name no Nova action could have, as Nova refuses an unknown one, never echoing more than 64 characters', () => {
    expect(() => actionNameOf({ 'os stop': null })).toThrow(new UnknownServerActionError('os stop'));
    expect(new UnknownServerActionError('os stop').message).toBe('There is no such action: os stop');
    const huge = 'x'.repeat(1_000_000);
    expect(() => actionNameOf({ [huge]: null })).toThrow(`There is no such action: ${'x'.repeat(64)}…`);
    expect(() => actionNameOf({ ['y'.repeat(65)]: null })).toThrow(UnknownServerActionError);
    expect(() => actionNameOf({ '': null })).toThrow('There is no such action: ');
  });
});

describe('subresourceAction', () => {
  it('records `<METHOD> <first segment>` for names a Nova sub-resource can have, else Nova’s 404', () => {
    expect(subresourceAction('post', 'os-volume_attachments')).toBe('POST os-volume_attachments');
    expect(() => subresourceAction('POST', 'y'.repeat(100))).toThrow(new UnknownServerResourceError());
    expect(() => subresourceAction('PUT', 'meta%2Fdata/x')).toThrow('The resource could not be found.');
  });
});

/** `grep -rhoE "wsgi\.action\(['\"][^'\"]+" nova/api/openstack/compute` on python3-nova 26 (Zed). */
const NOVA_ACTIONS =
  `addFixedIp addFloatingIp addSecurityGroup addTenantAccess add_host add_interface associate_host changePassword
confirmResize create createBackup createImage delete disassociate disassociate_host disassociate_project evacuate forceDelete
force_complete injectNetworkInfo lock migrate os-getConsoleOutput os-getRDPConsole os-getSPICEConsole os-getSerialConsole
os-getVNCConsole os-migrateLive os-resetState os-start os-stop pause reboot rebuild removeFixedIp removeFloatingIp
removeSecurityGroup removeTenantAccess remove_host remove_interface rescue reserve resetNetwork resize restore resume
revertResize set_metadata shelve shelveOffload suspend trigger_crash_dump unlock unpause unrescue unreserve unshelve update`.split(
    /\s+/,
  );
