/**
 * The release built into the installer a download hands out.
 *
 * A real Embedded Cluster binary carries its release (channel ID and slug, version label, channel
 * sequence: embedded-cluster pkg/release `ChannelRelease`), written in by the vendor platform for
 * each release; the installer reports them in InstallationStarted and refuses a license without
 * that channel. Portico's demo installer (scripts/demo-artifacts/embedded-installer.sh) is one
 * script for every release, so the portal writes the release in as it streams the script out: the
 * installer then knows its release the way the real one does, from itself, and the license stays
 * the customer's alone. (A release file beside it in the bundle would be a file no real bundle
 * has, and one the customer could pair with the wrong installer.)
 *
 * Only the demo script is touched: a small UTF-8 text that starts with a shebang and holds the
 * marker line. Anything else, a real binary above all, streams out byte for byte.
 */

/** The line the demo script holds; nothing else is rewritten. */
export const DEMO_INSTALLER_MARKER = '\n# portico-demo-installer: release placeholders\n';
/** The demo script is a few KiB; a real Embedded Cluster binary is hundreds of MiB. */
const MAX_DEMO_BYTES = 256 * 1024;

export type BuiltInRelease = { channelId: string; channelSlug: string; versionLabel: string; channelSequence: number };
type Installer = { body: ReadableStream<Uint8Array> | Uint8Array; size: number };

/** The installer to put in the bundle: the demo script with `release` written in, anything else as it is. */
export async function withBuiltInRelease(
  installer: { body: ReadableStream<Uint8Array>; size: number },
  release: BuiltInRelease,
): Promise<Installer> {
  if (installer.size > MAX_DEMO_BYTES) return installer;
  const bytes = new Uint8Array(await new Response(installer.body).arrayBuffer());
  const script = demoScript(bytes);
  if (script === null) return { body: bytes, size: bytes.length };
  const filled = new TextEncoder().encode(
    script
      .replaceAll('__CHANNEL_ID__', shellSingleQuoted(release.channelId))
      .replaceAll('__CHANNEL_SLUG__', shellSingleQuoted(release.channelSlug))
      .replaceAll('__VERSION_LABEL__', shellSingleQuoted(release.versionLabel))
      .replaceAll('__CHANNEL_SEQUENCE__', String(release.channelSequence)),
  );
  return { body: filled, size: filled.length };
}

/** The script's text if these bytes are the demo installer, else null. */
function demoScript(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  return text.startsWith('#!') && text.includes(DEMO_INSTALLER_MARKER) ? text : null;
}

/** The placeholders sit inside single quotes in the script; a quote in a value must not end them. */
const shellSingleQuoted = (value: string) => value.replaceAll("'", `'\\''`);
