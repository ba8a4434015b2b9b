import { listPodSync, listSyncStatuses, syncAdminContext } from '@podgate/pod-sync';
import { rebuildProjection } from '@podgate/read-model';
import { DEFAULT_VOLUME_TYPE_ID } from '../domain/default-volume-type';
import { findVisibleVolumeType, listVolumeTypes } from '../queries/find-volume-type.query';
import { findVolumeTypeForCreate } from '../queries/volume-type-for-create';
import { volumeTypesProjection } from '../projections/volume-types/volume-types.projection';
import { VOLUME_TYPE_TABLES } from '../projections/volume-types/volume-types.schema';
import { openVolumeTypesTestBed, type VolumeTypesTestBed } from '../testing/volume-types-test-bed';
import { ChangeVolumeTypeCommand } from './change-volume-type/change-volume-type.command';
import { ChangeVolumeTypeHandler } from './change-volume-type/change-volume-type.handler';
import { DefaultVolumeTypeSeeder } from './default-volume-type.seeder';
import { DefineVolumeTypeCommand } from './define-volume-type/define-volume-type.command';
import { DefineVolumeTypeHandler } from './define-volume-type/define-volume-type.handler';
import { UpdateVolumeTypeCommand } from './update-volume-type/update-volume-type.command';
import { UpdateVolumeTypeHandler } from './update-volume-type/update-volume-type.handler';

describe('volume type commands, rm_volume_types and findVolumeTypeForCreate (PGlite)', () => {
  let bed: VolumeTypesTestBed;
  let define: DefineVolumeTypeHandler;
  let update: UpdateVolumeTypeHandler;
  let change: ChangeVolumeTypeHandler;
  const admin = syncAdminContext;
  const tenantA = { projectId: 'tenant-a', isAdmin: false };

  beforeAll(async () => {
    bed = await openVolumeTypesTestBed();
    const writer = bed.writer();
    define = new DefineVolumeTypeHandler(writer, bed.sql);
    update = new UpdateVolumeTypeHandler(writer, bed.sql);
    change = new ChangeVolumeTypeHandler(writer);
  });
  afterAll(() => bed.close());

  const defineType = (name: string, isPublic = true, extraSpecs: Record<string, string> = {}) =>
    define.execute(new DefineVolumeTypeCommand({ definition: { name, description: null, isPublic }, extraSpecs }, admin()));

  it('seeds the default type once, however often it runs', async () => {
    const seeder = new DefaultVolumeTypeSeeder(bed.writer());
    expect(await seeder.seed()).toBe(true);
    expect(await seeder.seed()).toBe(false);
    expect(await findVolumeTypeForCreate(bed.sql, undefined, 'tenant-a', false)).toEqual({
      typeId: DEFAULT_VOLUME_TYPE_ID,
      name: '__DEFAULT__',
      affinityTag: null,
    });
  });

  it('defines, updates and shows types; names stay unique (409 on create and rename)', async () => {
    const gold = await defineType('gold', true, { 'podgate:affinity_tag': 'ssd' });
    expect(await findVisibleVolumeType(bed.sql, gold.typeId, tenantA)).toMatchObject({
      name: 'gold',
      extraSpecs: { 'podgate:affinity_tag': 'ssd' },
      generation: 1,
    });
    await expect(defineType('gold')).rejects.toThrow('Volume Type gold already exists.');
    const silver = await defineType('silver');
    await expect(update.execute(new UpdateVolumeTypeCommand(silver.typeId, { name: 'gold' }, admin()))).rejects.toThrow(
      'Volume Type gold already exists.',
    );
    const renamed = await update.execute(
      new UpdateVolumeTypeCommand(silver.typeId, { name: 'bronze', description: 'slow' }, admin()),
    );
    expect(renamed).toMatchObject({ name: 'bronze', description: 'slow', generation: 2 });
    expect(await findVisibleVolumeType(bed.sql, silver.typeId, tenantA)).toMatchObject({ name: 'bronze', description: 'slow' });
  });

  it('finds a type for a volume create by id or name, with its affinity tag, as the caller may use it', async () => {
    const gold = await findVolumeTypeForCreate(bed.sql, 'gold', 'tenant-a', false);
    expect(gold).toMatchObject({ name: 'gold', affinityTag: 'ssd' });
    expect(await findVolumeTypeForCreate(bed.sql, gold!.typeId, 'tenant-a', false)).toEqual(gold);
    const secret = await defineType('secret', false);
    expect(await findVolumeTypeForCreate(bed.sql, 'secret', 'tenant-a', false)).toBeUndefined();
    expect(await findVolumeTypeForCreate(bed.sql, 'secret', 'admin', true)).toMatchObject({ typeId: secret.typeId });
    await change.execute(
      new ChangeVolumeTypeCommand({ type: 'AddVolumeTypeAccess', typeId: secret.typeId, projectId: 'tenant-a' }, admin()),
    );
    expect(await findVolumeTypeForCreate(bed.sql, secret.typeId, 'tenant-a', false)).toMatchObject({ name: 'secret' });
    expect(await findVolumeTypeForCreate(bed.sql, 'nope', 'tenant-a', false)).toBeUndefined();
  });

  it('lists as Cinder: newest first, is_public for admins only', async () => {
    const names = async (viewer: { projectId: string; isAdmin: boolean }, isPublic?: boolean | null) =>
      (await listVolumeTypes(bed.sql, { viewer, ...(isPublic === undefined ? {} : { isPublic }) })).map((t) => t.name);
    expect(await names(tenantA)).toEqual(['secret', 'bronze', 'gold', '__DEFAULT__']);
    expect(await names({ projectId: 'tenant-b', isAdmin: false })).toEqual(['bronze', 'gold', '__DEFAULT__']);
    expect(await names({ projectId: 'admin', isAdmin: true }, false)).toEqual(['secret']);
    expect(await names({ projectId: 'admin', isAdmin: true }, null)).toHaveLength(4);
  });

  it('keeps a deleted type for the reconciler and frees its name; rebuilds to the same rows', async () => {
    const bronze = (await findVolumeTypeForCreate(bed.sql, 'bronze', 'admin', true))!;
    await change.execute(new ChangeVolumeTypeCommand({ type: 'DeleteVolumeType', typeId: bronze.typeId }, admin()));
    expect(await findVisibleVolumeType(bed.sql, bronze.typeId, tenantA)).toBeUndefined();
    expect((await listSyncStatuses(bed.sql, VOLUME_TYPE_TABLES)).map((s) => s.id)).not.toContain(bronze.typeId);
    await defineType('bronze');
    const before = await listVolumeTypes(bed.sql, { viewer: { projectId: 'admin', isAdmin: true }, isPublic: null });
    await bed.runner.stop();
    await rebuildProjection(bed.store, bed.sql, volumeTypesProjection);
    expect(await listVolumeTypes(bed.sql, { viewer: { projectId: 'admin', isAdmin: true }, isPublic: null })).toEqual(before);
    expect(await listPodSync(bed.sql, VOLUME_TYPE_TABLES, bronze.typeId)).toEqual([]);
    bed.runner.start();
  });
});
