// Images of one simulated pod (a tiny Glance v2 stand-in). Every pod carries the same `cirros`
// image with the same id, so one image reference works against any pod.
import { stableUuid, newUuid } from '../ids';

export interface Image {
  id: string;
  name: string;
  status: 'queued' | 'saving' | 'active' | 'deleted';
  visibility: 'public' | 'private' | 'shared' | 'community';
  owner: string | null;
  diskFormat: string;
  containerFormat: string;
  size: number | null;
  minDisk: number;
  minRam: number;
  createdAt: number;
  updatedAt: number;
  protected: boolean;
  tags: string[];
  /** Free-form image properties (Glance shows them as top-level keys). */
  properties: Record<string, string>;
}

export const CIRROS_IMAGE_ID = stableUuid('podgate-pod-simulator:image:cirros');

export class ImageStore {
  readonly images = new Map<string, Image>();

  constructor(adminProjectId: string | null, now: number) {
    this.images.set(CIRROS_IMAGE_ID, {
      id: CIRROS_IMAGE_ID,
      name: 'cirros',
      status: 'active',
      visibility: 'public',
      owner: adminProjectId,
      diskFormat: 'qcow2',
      containerFormat: 'bare',
      size: 21430272,
      minDisk: 0,
      minRam: 0,
      createdAt: now,
      updatedAt: now,
      protected: false,
      tags: [],
      properties: { hw_rng_model: 'virtio', os_distro: 'cirros' },
    });
  }

  /** Images a project can see: public/community, its own, or anything for admin. */
  visibleTo(projectId: string, isAdmin: boolean): Image[] {
    return [...this.images.values()].filter(
      (i) => isAdmin || i.visibility === 'public' || i.visibility === 'community' || i.owner === projectId,
    );
  }

  find(id: string, projectId: string, isAdmin: boolean): Image | undefined {
    const image = this.images.get(id);
    if (!image) return undefined;
    return isAdmin || image.visibility === 'public' || image.visibility === 'community' || image.owner === projectId
      ? image
      : undefined;
  }

  /** A server snapshot (createImage): queued until the snapshot task finishes. */
  addSnapshot(name: string, ownerProjectId: string, now: number, properties: Record<string, string>): Image {
    const image: Image = {
      id: newUuid(),
      name,
      status: 'queued',
      visibility: 'private',
      owner: ownerProjectId,
      diskFormat: 'qcow2',
      containerFormat: 'bare',
      size: null,
      minDisk: 1,
      minRam: 0,
      createdAt: now,
      updatedAt: now,
      protected: false,
      tags: [],
      properties: { image_type: 'snapshot', ...properties },
    };
    this.images.set(image.id, image);
    return image;
  }
}
