import { type DynamicModule, type InjectionToken, Module, type ModuleMetadata, type Provider } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import type { PodgateConfig } from '@podgate/config';
import { type Clock, systemClock } from '@podgate/kernel';
import { ADMIN_POLICY_DEFAULTS } from '../policy/admin-policy.defaults';
import { PolicyEnforcer } from '../policy/policy-enforcer';
import { loadPolicyRules } from '../policy/policy-file';
import { PolicyUsageCheck } from '../policy/policy-usage.check';
import { AccessGuard } from './access.guard';
import { Authenticator } from './authenticator';
import { TOKEN_VALIDATOR, type TokenValidator } from './token-validator';

export interface AuthModuleOptions {
  /** Keystone mode: validates callers' tokens (a KeystoneClient of @podgate/openstack fits as is). */
  readonly validator?: TokenValidator | { readonly useExisting: InjectionToken };
  /** Modules that provide the validator named by `useExisting`. */
  readonly imports?: ModuleMetadata['imports'];
  /** Rules of other APIs and their defaults, added to the admin API's. */
  readonly policyDefaults?: Readonly<Record<string, string>>;
  readonly clock?: Clock;
}

/**
 * Authentication and policy for every route, through one global guard: controllers only add
 * `@Policy('<rule>')` and `@Public()`. The policy file is read and checked here, synchronously, so
 * a bad file stops start-up (ConfigError) before anything listens.
 */
@Module({})
export class AuthModule {
  static forRoot(config: PodgateConfig, options: AuthModuleOptions = {}): DynamicModule {
    const rules = loadPolicyRules({ ...ADMIN_POLICY_DEFAULTS, ...options.policyDefaults }, config.policyFile);
    if (config.auth.strategy === 'keystone' && !options.validator) {
      throw new Error('AuthModule: Keystone authentication needs options.validator');
    }
    const clock = options.clock ?? systemClock;
    return {
      module: AuthModule,
      imports: [DiscoveryModule, ...(options.imports ?? [])],
      providers: [
        ...validatorProviders(options.validator),
        {
          provide: Authenticator,
          useFactory: (validator?: TokenValidator) => new Authenticator(config.auth, clock, validator),
          inject: [{ token: TOKEN_VALIDATOR, optional: true }],
        },
        { provide: PolicyEnforcer, useValue: new PolicyEnforcer(rules) },
        PolicyUsageCheck,
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [Authenticator, PolicyEnforcer],
    };
  }
}

function validatorProviders(validator: AuthModuleOptions['validator']): Provider[] {
  if (!validator) return [];
  if ('useExisting' in validator) return [{ provide: TOKEN_VALIDATOR, useExisting: validator.useExisting }];
  return [{ provide: TOKEN_VALIDATOR, useValue: validator }];
}
