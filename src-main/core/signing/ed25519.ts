import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, scrypt, sign, verify } from 'node:crypto';

/**
 * Ed25519 keys through node's crypto (OpenSSL). The private key is kept as PKCS#8 DER sealed with
 * AES-256-GCM under a key derived from the person's password with scrypt, as
 * `scrypt-aes256gcm$N$r$p$salt$iv$tag$ciphertext` (base64 parts): the cost travels with it.
 */
const cost = { N: 2 ** 15, r: 8, p: 1 };
const scheme = 'scrypt-aes256gcm';

export class WrongKeyPasswordError extends Error {
  constructor() {
    super('the password does not open this signing key');
  }
}

function derive(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, 32, { N, r, p, maxmem: 256 * N * r }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

async function seal(der: Buffer, password: string): Promise<string> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await derive(password, salt, cost.N, cost.r, cost.p), iv);
  const sealed = Buffer.concat([cipher.update(der), cipher.final()]);
  return [scheme, cost.N, cost.r, cost.p, salt, iv, cipher.getAuthTag(), sealed].map((part) => (Buffer.isBuffer(part) ? part.toString('base64') : String(part))).join('$');
}

async function open(stored: string, password: string): Promise<Buffer> {
  const [name, n, r, p, salt, iv, tag, sealed] = stored.split('$');
  if (name !== scheme || !salt || !iv || !tag || !sealed) throw new Error('a signing key in an unknown format');
  const decipher = createDecipheriv('aes-256-gcm', await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p)), Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64')), decipher.final()]);
  } catch {
    throw new WrongKeyPasswordError();
  }
}

export interface NewKeyPair {
  keyId: string;
  publicKeyPem: string;
  sealedPrivateKey: string;
}

/** The first 32 hex digits of the SHA-256 of the public key's DER: names a key in statements and in the index. */
export const keyIdOf = (publicKeyPem: string): string =>
  createHash('sha256').update(createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 32);

export async function makeKeyPair(password: string): Promise<NewKeyPair> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return { keyId: keyIdOf(publicKeyPem), publicKeyPem, sealedPrivateKey: await seal(privateKey.export({ type: 'pkcs8', format: 'der' }), password) };
}

/** The same key sealed under a new password (a password change). */
export async function resealKey(sealed: string, current: string, next: string): Promise<string> {
  return seal(await open(sealed, current), next);
}

/** An Ed25519 signature (64 bytes) over exactly these bytes; the key is open only inside this call. */
export async function signBytes(sealed: string, password: string, bytes: Buffer): Promise<Buffer> {
  const key = createPrivateKey({ key: await open(sealed, password), format: 'der', type: 'pkcs8' });
  return sign(null, bytes, key);
}

export function verifyBytes(publicKeyPem: string, bytes: Buffer, signature: Buffer): boolean {
  try {
    return verify(null, bytes, createPublicKey(publicKeyPem), signature);
  } catch {
    return false;
  }
}
