export * from './collect';
export * from './event-fixtures';
export * from './event-store.contract';
export * from './closing-after-append';
