// Small read-only Cinder endpoints of the simulated pod: availability zones, limits, extensions.
import type { FastifyInstance } from 'fastify';
import { callerOf } from '../http/request-context';
import { CinderContext } from './cinder-context';

export function registerCinderMiscRoutes(app: FastifyInstance, { pod }: CinderContext): void {
  app.get('/os-availability-zone', async () => ({
    availabilityZoneInfo: [{ zoneName: pod.config.az, zoneState: { available: true } }],
  }));

  app.get('/limits', async (request) => {
    const projectId = callerOf(request).projectId;
    const mine = <T extends { projectId: string }>(items: Iterable<T>) => [...items].filter((i) => i.projectId === projectId);
    const volumes = mine(pod.cinder.volumes.values());
    const backups = mine(pod.cinder.backups.values());
    const q = pod.config.volumeQuotas;
    return {
      limits: {
        rate: [],
        absolute: {
          maxTotalVolumes: q.volumes,
          maxTotalVolumeGigabytes: q.gigabytes,
          maxTotalSnapshots: q.snapshots,
          maxTotalBackups: q.backups,
          maxTotalBackupGigabytes: q.backupGigabytes,
          totalVolumesUsed: volumes.length,
          totalGigabytesUsed: volumes.reduce((n, v) => n + v.size, 0),
          totalSnapshotsUsed: mine(pod.cinder.snapshots.values()).length,
          totalBackupsUsed: backups.length,
          totalBackupGigabytesUsed: backups.reduce((n, b) => n + b.size, 0),
        },
      },
    };
  });

  app.get('/extensions', async () => ({ extensions: [] }));
}
