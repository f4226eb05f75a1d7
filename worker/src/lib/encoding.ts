// Byte encodings and digests shared by ids, cursors, sessions and feed secrets.

/** Bytes as unpadded base64url (safe in URLs and cookies). */
export const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** `bytes` random bytes from the platform's CSPRNG, as base64url. */
export const randomToken = (bytes: number) => base64url(crypto.getRandomValues(new Uint8Array(bytes)));

export async function sha256Hex(value: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
