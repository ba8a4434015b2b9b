import { Inject, Injectable } from '@nestjs/common';
import type { PodUseCounter } from '@podgate/pods';
import { READ_MODEL_SQL } from '@podgate/read-model';
import { countRoutedResources } from '@podgate/routing';
import type { SqlExecutor } from '@podgate/sql';
import { countActiveBindings } from '../queries/bindings/binding.queries';

/** What still depends on a pod, from rm_bindings and rm_routings, for DeregisterPod's in-use check. */
@Injectable()
export class BindingsPodUseCounter implements PodUseCounter {
  constructor(@Inject(READ_MODEL_SQL) private readonly sql: SqlExecutor) {}

  activeBindings(podId: string): Promise<number> {
    return countActiveBindings(this.sql, podId);
  }

  routedResources(podId: string): Promise<number> {
    return countRoutedResources(this.sql, podId);
  }
}
