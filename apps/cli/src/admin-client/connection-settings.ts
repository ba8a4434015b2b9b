import { type Command, Option } from 'commander';

/** What the CLI needs to reach the gateway: the openstack CLI's variables, plus PODGATE_URL. */
export interface ConnectionSettings {
  /** The gateway's base URL; when absent it is looked up in the Keystone catalog. */
  readonly url?: string;
  readonly authUrl?: string;
  readonly username?: string;
  readonly password?: string;
  readonly projectName?: string;
  readonly projectId?: string;
  readonly userDomain: DomainRef;
  readonly projectDomain: DomainRef;
  /** A ready token: no password authentication (also `user:project` for a noauth gateway). */
  readonly token?: string;
  readonly interface: string;
  readonly regionName?: string;
  readonly debug: boolean;
}

export type DomainRef = { readonly id: string } | { readonly name: string };

/** The global options, as commander hands them over (`--os-auth-url` -> `osAuthUrl`). */
export interface GlobalOptions {
  readonly url?: string;
  readonly osAuthUrl?: string;
  readonly osUsername?: string;
  readonly osPassword?: string;
  readonly osProjectName?: string;
  readonly osProjectId?: string;
  readonly osUserDomainName?: string;
  readonly osUserDomainId?: string;
  readonly osProjectDomainName?: string;
  readonly osProjectDomainId?: string;
  readonly osToken?: string;
  readonly osInterface?: string;
  readonly osRegionName?: string;
  readonly debug?: boolean;
}

/** [flag, environment variable, description]; the option's attribute name is commander's camelCase of the flag. */
const GLOBAL_OPTIONS: readonly [string, string, string][] = [
  ['--url <url>', 'PODGATE_URL', "the gateway's base URL (default: the Keystone catalog's podgate service)"],
  ['--os-auth-url <url>', 'OS_AUTH_URL', 'Keystone v3 URL'],
  ['--os-username <name>', 'OS_USERNAME', 'user name'],
  ['--os-password <password>', 'OS_PASSWORD', 'password (prefer the environment: the command line is visible to other users)'],
  ['--os-project-name <name>', 'OS_PROJECT_NAME', 'project to scope the token to'],
  ['--os-project-id <id>', 'OS_PROJECT_ID', 'project id to scope the token to'],
  ['--os-user-domain-name <name>', 'OS_USER_DOMAIN_NAME', "the user's domain (default: Default)"],
  ['--os-user-domain-id <id>', 'OS_USER_DOMAIN_ID', "the user's domain id"],
  ['--os-project-domain-name <name>', 'OS_PROJECT_DOMAIN_NAME', "the project's domain (default: Default)"],
  ['--os-project-domain-id <id>', 'OS_PROJECT_DOMAIN_ID', "the project's domain id"],
  ['--os-token <token>', 'OS_TOKEN', 'an existing token instead of a password (user:project on a noauth gateway)'],
  ['--os-interface <interface>', 'OS_INTERFACE', 'catalog interface: public, internal or admin (default: public)'],
  ['--os-region-name <region>', 'OS_REGION_NAME', "the region of the gateway's catalog endpoint"],
];

export function addGlobalOptions(program: Command): Command {
  for (const [flags, variable, description] of GLOBAL_OPTIONS) {
    program.addOption(new Option(flags, `${description} [env: ${variable}]`));
  }
  return program.option('--debug', 'print each HTTP request and answer (never credentials) on stderr');
}

/** Options override the environment, as in the openstack CLI; empty variables count as unset. */
export function resolveConnection(options: GlobalOptions, env: NodeJS.ProcessEnv): ConnectionSettings {
  const pick = (option: string | undefined, variable: string): string | undefined => nonEmpty(option) ?? nonEmpty(env[variable]);
  const domain = (id: string | undefined, name: string | undefined): DomainRef => (id ? { id } : { name: name ?? 'Default' });
  return {
    url: pick(options.url, 'PODGATE_URL'),
    authUrl: pick(options.osAuthUrl, 'OS_AUTH_URL'),
    username: pick(options.osUsername, 'OS_USERNAME'),
    password: pick(options.osPassword, 'OS_PASSWORD'),
    projectName: pick(options.osProjectName, 'OS_PROJECT_NAME'),
    projectId: pick(options.osProjectId, 'OS_PROJECT_ID'),
    userDomain: domain(pick(options.osUserDomainId, 'OS_USER_DOMAIN_ID'), pick(options.osUserDomainName, 'OS_USER_DOMAIN_NAME')),
    projectDomain: domain(
      pick(options.osProjectDomainId, 'OS_PROJECT_DOMAIN_ID'),
      pick(options.osProjectDomainName, 'OS_PROJECT_DOMAIN_NAME'),
    ),
    token: pick(options.osToken, 'OS_TOKEN'),
    interface: normaliseInterface(pick(options.osInterface, 'OS_INTERFACE') ?? 'public'),
    regionName: pick(options.osRegionName, 'OS_REGION_NAME'),
    debug: options.debug === true,
  };
}

const nonEmpty = (value: string | undefined): string | undefined => (value === undefined || value === '' ? undefined : value);

/** Old openrc files say `publicURL`; Keystone v3 catalogs say `public`. */
const normaliseInterface = (value: string): string => value.replace(/URL$/, '').toLowerCase();
