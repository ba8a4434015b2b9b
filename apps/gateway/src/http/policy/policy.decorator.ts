import { SetMetadata } from '@nestjs/common';

export const POLICY_RULE = 'podgate:policy-rule';

/** The policy rule a route (or every route of a controller) must pass, checked after authentication. */
export const Policy = (rule: string): MethodDecorator & ClassDecorator => SetMetadata(POLICY_RULE, rule);
