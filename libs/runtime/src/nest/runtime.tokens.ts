/** Nest injection tokens for what openRuntime opened. */
export const RUNTIME = Symbol('RUNTIME');
export const READ_MODEL_SQL = Symbol('READ_MODEL_SQL');
export const PODGATE_CONFIG = Symbol('PODGATE_CONFIG');
