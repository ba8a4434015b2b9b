/**
 * How much still depends on a pod, counted from the read models of the slices that use pods. The
 * bindings lib implements it (it may ask routing); pods cannot import bindings, which imports pods.
 * The app must provide it under POD_USE_COUNTER where PodsModule can see it (e.g. a @Global module).
 */
export interface PodUseCounter {
  activeBindings(podId: string): Promise<number>;
  routedResources(podId: string): Promise<number>;
}

export const POD_USE_COUNTER = Symbol('POD_USE_COUNTER');
