export * from './domain/routing.errors';
export * from './domain/routing.events';
export * from './projections/routings/routings.projection';
export * from './queries/routings/routing-queries.service';
export * from './queries/routings/routing.queries';
export type { RoutingView } from './queries/routings/routing.view';
export * from './routing.module';
