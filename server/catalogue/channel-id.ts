/**
 * The id of a channel the catalogue declares without one: the first 32 hex digits of
 * SHA-256("portico-channel:<app slug>/<channel slug>"). Every server and every fresh database
 * derive the same id, so a license or installer made by one portal matches another
 * (docs/decisions/009-licenses.md). Slugs hold no "/", so no two pairs share an input.
 */
export async function derivedChannelId(appSlug: string, channelSlug: string): Promise<string> {
  const input = new TextEncoder().encode(`portico-channel:${appSlug}/${channelSlug}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', input));
  return Array.from(digest.subarray(0, 16), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
