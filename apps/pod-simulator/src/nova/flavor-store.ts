// Flavors of one simulated pod: the devstack-like defaults, admin-created ones, extra specs and
// per-project access for private flavors.
import { conflict, notFound } from '../http/openstack-error';
import { FlavorSnapshot } from './server.model';

export interface Flavor {
  id: string;
  name: string;
  vcpus: number;
  ram: number;
  disk: number;
  ephemeral: number;
  swap: number;
  rxtxFactor: number;
  isPublic: boolean;
  disabled: boolean;
  description: string | null;
  extraSpecs: Record<string, string>;
  /** Project ids that may use a private flavor. */
  access: Set<string>;
}

const DEFAULT_FLAVORS: Array<Pick<Flavor, 'id' | 'name' | 'vcpus' | 'ram' | 'disk'>> = [
  { id: '1', name: 'm1.tiny', vcpus: 1, ram: 512, disk: 1 },
  { id: '2', name: 'm1.small', vcpus: 1, ram: 2048, disk: 20 },
  { id: '3', name: 'm1.medium', vcpus: 2, ram: 4096, disk: 40 },
  { id: '4', name: 'm1.large', vcpus: 4, ram: 8192, disk: 80 },
  { id: '42', name: 'm1.nano', vcpus: 1, ram: 128, disk: 1 },
];

export const flavorNotFound = (id: string) => notFound(`Flavor ${id} could not be found.`);

export class FlavorStore {
  private readonly flavors = new Map<string, Flavor>();

  constructor() {
    for (const f of DEFAULT_FLAVORS) {
      this.add({
        ...f,
        ephemeral: 0,
        swap: 0,
        rxtxFactor: 1,
        isPublic: true,
        disabled: false,
        description: null,
        extraSpecs: {},
        access: new Set(),
      });
    }
  }

  add(flavor: Flavor): Flavor {
    if (this.flavors.has(flavor.id)) throw conflict(`Flavor with ID ${flavor.id} already exists.`);
    if ([...this.flavors.values()].some((f) => f.name === flavor.name))
      throw conflict(`Flavor with name ${flavor.name} already exists.`);
    this.flavors.set(flavor.id, flavor);
    return flavor;
  }

  remove(id: string): void {
    if (!this.flavors.delete(id)) throw flavorNotFound(id);
  }

  find(id: string): Flavor | undefined {
    return this.flavors.get(id);
  }

  /** A flavor the caller may see: public ones, private ones shared with the project, or any for admin. */
  visible(id: string, projectId: string, isAdmin: boolean): Flavor {
    const flavor = this.flavors.get(id);
    if (!flavor || !(isAdmin || flavor.isPublic || flavor.access.has(projectId))) throw flavorNotFound(id);
    return flavor;
  }

  /** `isPublic`: true = public only, false = private only, undefined = both (admin `is_public=None`). */
  list(projectId: string, isAdmin: boolean, isPublic: boolean | undefined): Flavor[] {
    return [...this.flavors.values()].filter((f) => {
      if (!isAdmin) return f.isPublic || f.access.has(projectId);
      return isPublic === undefined || f.isPublic === isPublic;
    });
  }
}

export const snapshotFlavor = (f: Flavor): FlavorSnapshot => ({
  id: f.id,
  name: f.name,
  vcpus: f.vcpus,
  ram: f.ram,
  disk: f.disk,
  ephemeral: f.ephemeral,
  swap: f.swap,
  extraSpecs: { ...f.extraSpecs },
});
