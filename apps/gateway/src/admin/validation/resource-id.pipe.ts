import type { PipeTransform } from '@nestjs/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A resource id from the path. Ids are UUIDs; anything else names no resource, so it is that
 * resource's 404 (as Nova answers a malformed server id) and never reaches a uuid column.
 */
export class ResourceIdPipe implements PipeTransform<string, string> {
  constructor(private readonly notFound: (id: string) => Error) {}

  transform(id: string): string {
    if (!UUID.test(id)) throw this.notFound(id);
    return id;
  }
}

export const resourceId = (notFound: (id: string) => Error) => new ResourceIdPipe(notFound);
