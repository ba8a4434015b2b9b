// os-keypairs of the simulated Nova: keypairs belong to users (not projects), per pod.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isoMicrosNaive } from '../clock';
import { envelope, optionalString, requiredString } from '../http/body';
import { ApiVersion, atLeast } from '../http/microversion';
import { badRequest, conflict, forbidden, notFound } from '../http/openstack-error';
import { asQuery, queryOne } from '../http/query';
import { callerOf, microversionOf } from '../http/request-context';
import { NovaContext, param } from './nova-context';
import { Keypair } from './nova-store';
import { fingerprintOf, generateSshKeypair } from './ssh-keys';

function view(k: Keypair, version: ApiVersion, full: boolean): Record<string, unknown> {
  const result: Record<string, unknown> = { name: k.name, public_key: k.publicKey, fingerprint: k.fingerprint };
  if (atLeast(version, '2.2')) result.type = k.type;
  if (full)
    Object.assign(result, {
      user_id: k.userId,
      id: k.id,
      created_at: isoMicrosNaive(k.createdAt),
      deleted: false,
      deleted_at: null,
      updated_at: null,
    });
  return result;
}

/** Admins may act for another user with `user_id` (2.10+). */
function ownerOf(request: FastifyRequest, requested: string | undefined): string {
  const caller = callerOf(request);
  if (requested === undefined || requested === caller.userId) return caller.userId;
  if (!caller.isAdmin || !atLeast(microversionOf(request), '2.10'))
    throw forbidden("Policy doesn't allow os_compute_api:os-keypairs:index to be performed.");
  return requested;
}

export function registerKeypairRoutes(app: FastifyInstance, { pod }: NovaContext): void {
  const userQuery = (request: FastifyRequest) => queryOne(asQuery(request.query), 'user_id');

  app.get('/os-keypairs', async (request) => {
    const version = microversionOf(request);
    const keypairs = [...pod.nova.keypairsOf(ownerOf(request, userQuery(request))).values()];
    return { keypairs: keypairs.map((k) => ({ keypair: view(k, version, false) })) };
  });

  app.post('/os-keypairs', async (request, reply) => {
    const version = microversionOf(request);
    const body = envelope(request.body, 'keypair');
    const name = requiredString(body, 'name');
    const pattern = atLeast(version, '2.92') ? /^[a-zA-Z0-9 _\-@.]+$/ : /^[a-zA-Z0-9 _-]+$/;
    if (!pattern.test(name))
      throw badRequest(`Invalid input for field/attribute name. Value: ${name}. '${name}' does not match '${pattern.source}'`);
    const userId = ownerOf(request, optionalString(body, 'user_id'));
    const keypairs = pod.nova.keypairsOf(userId);
    if (keypairs.has(name)) throw conflict(`Key pair '${name}' already exists.`);
    if (keypairs.size >= pod.config.quotas.keyPairs) throw forbidden('Quota exceeded, too many key pairs.');
    const imported = optionalString(body, 'public_key', 65535);
    if (imported === undefined && atLeast(version, '2.92'))
      throw badRequest("Invalid input for field/attribute keypair. Value: {}. 'public_key' is a required property");
    const generated = imported === undefined ? generateSshKeypair('Generated-by-Nova') : undefined;
    const publicKey = imported ?? generated?.publicKey ?? '';
    const type = body.type === 'x509' ? 'x509' : 'ssh';
    const keypair: Keypair = {
      id: pod.nova.nextKeypairId(),
      name,
      userId,
      publicKey,
      fingerprint: fingerprintOf(publicKey),
      type,
      createdAt: pod.now(),
    };
    keypairs.set(name, keypair);
    reply.code(atLeast(version, '2.2') ? 201 : 200);
    const result = { ...view(keypair, version, false), user_id: userId };
    return { keypair: generated ? { ...result, private_key: generated.privateKey } : result };
  });

  app.get('/os-keypairs/:name', async (request) => {
    const userId = ownerOf(request, userQuery(request));
    const keypair = pod.nova.keypairsOf(userId).get(param(request, 'name'));
    if (!keypair) throw notFound(`Keypair ${param(request, 'name')} not found for user ${userId}`);
    return { keypair: view(keypair, microversionOf(request), true) };
  });

  app.delete('/os-keypairs/:name', async (request, reply) => {
    const userId = ownerOf(request, userQuery(request));
    if (!pod.nova.keypairsOf(userId).delete(param(request, 'name')))
      throw notFound(`Keypair ${param(request, 'name')} not found for user ${userId}`);
    return reply.code(atLeast(microversionOf(request), '2.2') ? 204 : 202).send();
  });
}
