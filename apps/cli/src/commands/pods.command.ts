import { type Command, Option } from 'commander';
import { listAll } from '../admin-client/pagination';
import type { Pod } from '../admin-client/resources';
import type { CliIo } from '../cli-io';
import { POD_COLUMNS } from '../render/columns';
import { addPageOptions, adminAction, adminFormatOption, type FormatOptions } from './admin-command';
import { parseFraction, parseHttpUrl } from './option-parsers';
import {
  podDeregisterRequest,
  podListRequest,
  type PodListOptions,
  podMaintenanceRequest,
  podPath,
  type PodProfileOptions,
  podRegisterRequest,
  podUpdateRequest,
} from './pods.requests';
import { findPodByName, looksLikeId, resolvePodId } from './resolve-pod';

type ListOptions = PodListOptions & FormatOptions;
type ProfileOptions = PodProfileOptions & FormatOptions;

/** The options of `register` and `update`; `--az` is required only on register. */
function addProfileOptions(command: Command, azRequired: boolean): Command {
  const az = new Option('--az <az>', 'availability zone the pod serves (as users see it)');
  return command
    .addOption(azRequired ? az.makeOptionMandatory() : az)
    .option('--pod-az <az>', "the pod's own availability zone name, when it differs")
    .option('--dc <dc>', 'data centre name')
    .option('--affinity-tag <tag>', 'only tenants asking for this tag are placed here')
    .option('--capacity-threshold <fraction>', 'stop placing new tenants above this used fraction (default 0.9)', parseFraction)
    .option('--compute-url <url>', 'Nova endpoint (default: the Keystone catalog, region = pod name)', parseHttpUrl)
    .option('--volume-url <url>', 'Cinder v3 endpoint override', parseHttpUrl)
    .option('--image-url <url>', 'Glance endpoint override', parseHttpUrl)
    .addOption(adminFormatOption());
}

export function registerPodsCommands(program: Command, io: CliIo): void {
  const pods = program.command('pods').description('the OpenStack clouds behind the gateway');
  registerPodsList(pods, io);
  registerPodsShow(pods, io);
  registerPodsRegister(pods, io);
  registerPodsUpdate(pods, io);
  registerMaintenanceCommands(pods, io);
}

function registerPodsList(pods: Command, io: CliIo): void {
  addPageOptions(
    pods
      .command('list')
      .description('list pods in registration order')
      .option('--az <az>', 'only pods of this availability zone')
      .option('--maintenance', 'only drained pods')
      .option('--no-maintenance', 'only pods that take work')
      .addOption(new Option('--status <status>', 'only pods in this state').choices(['active', 'deregistered'])),
  )
    .addOption(adminFormatOption())
    .action(
      adminAction<ListOptions, []>(io, async (context) => {
        context.printList(
          await listAll<Pod>(context.http, podListRequest(context.options), 'pods', context.options.limit),
          POD_COLUMNS,
        );
      }),
    );
}

function registerPodsShow(pods: Command, io: CliIo): void {
  pods
    .command('show')
    .description('show one pod, with its endpoints and last usage report')
    .argument('<pod>', 'pod id or name')
    .addOption(adminFormatOption())
    .action(
      adminAction<FormatOptions, [string]>(io, async (context, reference) => {
        const pod = looksLikeId(reference)
          ? (await context.http.send<{ pod: Pod }>({ method: 'GET', path: podPath(reference) })).pod
          : await findPodByName(context.http, reference);
        context.printOne(pod);
      }),
    );
}

function registerPodsRegister(pods: Command, io: CliIo): void {
  addProfileOptions(
    pods.command('register').description('register a pod (its name is its Keystone region)').argument('<name>', 'pod name'),
    true,
  ).action(
    adminAction<ProfileOptions & { az: string }, [string]>(io, async (context, name) => {
      context.printOne((await context.http.send<{ pod: Pod }>(podRegisterRequest(name, context.options))).pod);
    }),
  );
}

function registerPodsUpdate(pods: Command, io: CliIo): void {
  addProfileOptions(pods.command('update').description("change a pod's profile").argument('<pod>', 'pod id or name'), false)
    .option('--no-affinity-tag', 'remove the affinity tag')
    .action(
      adminAction<ProfileOptions, [string]>(io, async (context, reference) => {
        const podId = await resolvePodId(context.http, reference);
        context.printOne((await context.http.send<{ pod: Pod }>(podUpdateRequest(podId, context.options))).pod);
      }),
    );
}

function registerMaintenanceCommands(pods: Command, io: CliIo): void {
  const maintenance = (on: boolean) =>
    adminAction<FormatOptions & { reason?: string }, [string]>(io, async (context, reference) => {
      const podId = await resolvePodId(context.http, reference);
      context.printOne((await context.http.send<{ pod: Pod }>(podMaintenanceRequest(podId, on, context.options.reason))).pod);
    });
  pods
    .command('drain')
    .description('put a pod in maintenance: no new tenants are placed there')
    .argument('<pod>', 'pod id or name')
    .option('--reason <text>', 'why, for the audit log')
    .addOption(adminFormatOption())
    .action(maintenance(true));
  pods
    .command('undrain')
    .description('end maintenance: the pod takes work again')
    .argument('<pod>', 'pod id or name')
    .addOption(adminFormatOption())
    .action(maintenance(false));
  pods
    .command('deregister')
    .description('remove a pod (refused while tenants are bound or resources live there, unless --force)')
    .argument('<pod>', 'pod id or name')
    .option('--force', 'deregister even while in use')
    .option('--reason <text>', 'why, for the audit log')
    .action(
      adminAction<FormatOptions & { force?: boolean; reason?: string }, [string]>(io, async (context, reference) => {
        const podId = await resolvePodId(context.http, reference);
        await context.http.send(podDeregisterRequest(podId, context.options));
      }),
    );
}
