export const ACME_LICENSE_ID: string;
export const INITECH_LICENSE_ID: string;
/** Every fixture by its file name under server/support-bundles/fixtures. */
export function bundleFixtures(): Record<string, Buffer>;
