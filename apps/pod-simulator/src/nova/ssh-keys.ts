// SSH keys for os-keypairs: Nova generates an RSA key pair when none is imported and reports the
// MD5 fingerprint of the public key blob.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { badRequest } from '../http/openstack-error';

const sshString = (data: Buffer): Buffer => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, data]);
};

/** SSH mpint: big-endian, with a 0x00 prefix when the high bit is set (so it reads as positive). */
const sshMpint = (bytes: Buffer): Buffer =>
  sshString(bytes[0] !== undefined && bytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);

export interface GeneratedKeypair {
  publicKey: string;
  privateKey: string;
  fingerprint: string;
}

export function generateSshKeypair(comment: string): GeneratedKeypair {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const blob = Buffer.concat([
    sshString(Buffer.from('ssh-rsa')),
    sshMpint(Buffer.from(jwk.e ?? '', 'base64url')),
    sshMpint(Buffer.from(jwk.n ?? '', 'base64url')),
  ]);
  const line = `ssh-rsa ${blob.toString('base64')} ${comment}`;
  return {
    publicKey: line,
    privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    fingerprint: fingerprintOf(line),
  };
}

export function fingerprintOf(publicKey: string): string {
  const parts = publicKey.trim().split(/\s+/);
  const blob = parts[1] ? Buffer.from(parts[1], 'base64') : Buffer.alloc(0);
  if ((!parts[0]?.startsWith('ssh-') && !parts[0]?.startsWith('ecdsa-')) || blob.length < 16) {
    throw badRequest('Keypair data is invalid: failed to generate fingerprint');
  }
  return createHash('md5').update(blob).digest('hex').match(/../g)?.join(':') ?? '';
}
