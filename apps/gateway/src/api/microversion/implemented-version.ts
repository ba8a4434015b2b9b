import type { ApiVersion } from './api-version';

/**
 * The highest compute microversion podgate itself understands (its views, validation and
 * translation are written up to it). The range offered is this capped by every pod's own maximum.
 */
export const IMPLEMENTED_MAX_API_VERSION: ApiVersion = Object.freeze({ major: 2, minor: 96 });
