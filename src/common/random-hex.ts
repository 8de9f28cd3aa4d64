/** `bytes` random bytes from a cryptographic source, as hex digits (two a byte): nonces and ids. */
export function randomHex(bytes: number): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
