/**
 * The interviewer's key, with WebCrypto only (browsers and Node 20 both have it).
 *
 * - A passphrase becomes an AES-GCM key through PBKDF2 (SHA-256, PBKDF2_ITERATIONS, random salt).
 * - Each interview has its own RSA-OAEP key pair. The public key is stored in the clear: the
 *   candidate's tab uses it to seal the results, and cannot open them again. The private key
 *   is stored only wrapped (AES-GCM) with the passphrase key.
 * - A sealed item is hybrid: a random AES-GCM key per item encrypts the data, and that key is
 *   wrapped with the public key.
 * - Unlocking derives the passphrase key and unwraps the private key; a wrong passphrase
 *   fails AES-GCM's authentication, so nothing is decrypted and nothing changes.
 * The unlocked private key is never extractable and never stored: it lives in page memory.
 */

export const PBKDF2_ITERATIONS = 250_000;
export const MIN_PASSPHRASE_LENGTH = 8;

/**
 * What is stored about an interview's key: the public half in the clear, the private half wrapped.
 * PERSISTED SHAPE (in InterviewRecord): changing it needs a new Dexie version, a migration test
 * in test/unit/store.test.ts and a line in docs/storage.md.
 */
export interface InterviewKeyMaterial {
  readonly publicKey: JsonWebKey;
  /** The private key as PKCS #8, encrypted with AES-GCM under the passphrase key (base64). */
  readonly wrappedPrivateKey: string;
  /** PBKDF2 salt (base64, 16 bytes). */
  readonly salt: string;
  /** AES-GCM nonce of the wrapped private key (base64, 12 bytes). */
  readonly iv: string;
  readonly iterations: number;
}

/** One item encrypted for the interviewer: readable only with the private key. PERSISTED SHAPE, as above. */
export interface SealedBox {
  /** The per-item AES-GCM key, wrapped with RSA-OAEP under the public key (base64). */
  readonly key: string;
  readonly iv: string;
  readonly data: string;
}

export class WrongPassphraseError extends Error {
  constructor() {
    super('Wrong passphrase');
    this.name = 'WrongPassphraseError';
  }
}

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
const random = (n: number): Uint8Array<ArrayBuffer> => globalThis.crypto.getRandomValues(new Uint8Array(n));

export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let text = '';
  for (const b of view) text += String.fromCharCode(b);
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

const RSA = { name: 'RSA-OAEP', hash: 'SHA-256' } as const;

async function passphraseKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const base = await subtle().importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['wrapKey', 'unwrapKey']);
}

/** A new key pair for one interview, its private half wrapped with the passphrase. */
export async function createInterviewKey(passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<InterviewKeyMaterial> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new Error(`The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  const pair = await subtle().generateKey({ ...RSA, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) }, true, ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey']);
  const salt = random(16);
  const iv = random(12);
  const wrapping = await passphraseKey(passphrase, salt, iterations);
  const wrapped = await subtle().wrapKey('pkcs8', pair.privateKey, wrapping, { name: 'AES-GCM', iv });
  const publicKey = await subtle().exportKey('jwk', pair.publicKey);
  return { publicKey, wrappedPrivateKey: toBase64(wrapped), salt: toBase64(salt), iv: toBase64(iv), iterations };
}

/** The private key, in memory only; throws WrongPassphraseError when the passphrase is not this interview's. */
export async function unlockInterviewKey(material: InterviewKeyMaterial, passphrase: string): Promise<CryptoKey> {
  const wrapping = await passphraseKey(passphrase, fromBase64(material.salt), material.iterations);
  try {
    return await subtle().unwrapKey('pkcs8', fromBase64(material.wrappedPrivateKey), wrapping, { name: 'AES-GCM', iv: fromBase64(material.iv) }, RSA, false, ['decrypt', 'unwrapKey']);
  } catch {
    throw new WrongPassphraseError();
  }
}

/** Encrypts a JSON value to the interview's public key. */
export async function seal(publicKey: JsonWebKey, value: unknown): Promise<SealedBox> {
  const pub = await subtle().importKey('jwk', publicKey, RSA, false, ['wrapKey', 'encrypt']);
  const itemKey = await subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  const iv = random(12);
  const data = await subtle().encrypt({ name: 'AES-GCM', iv }, itemKey, new TextEncoder().encode(JSON.stringify(value)));
  const key = await subtle().wrapKey('raw', itemKey, pub, RSA);
  return { key: toBase64(key), iv: toBase64(iv), data: toBase64(data) };
}

/** Decrypts a sealed item with the unlocked private key. */
export async function unseal<T = unknown>(privateKey: CryptoKey, box: SealedBox): Promise<T> {
  const itemKey = await subtle().unwrapKey('raw', fromBase64(box.key), privateKey, RSA, { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
  const plain = await subtle().decrypt({ name: 'AES-GCM', iv: fromBase64(box.iv) }, itemKey, fromBase64(box.data));
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}
