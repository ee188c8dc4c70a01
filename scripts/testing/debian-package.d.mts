/** Installs a Debian package for a test when it is missing and we may; null once installed, else why not. */
export function ensureDebianPackage(name: string, isInstalled: () => boolean): Promise<string | null>;
