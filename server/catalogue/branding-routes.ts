import { Hono, type Context } from 'hono';
import type { Branding } from '../../contract/catalogue';
import { apps } from '../db/schema';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../http/env';
import { notFound } from '../http/errors';
import type { BrandingAsset } from './schema';

/** Public: the sign-in page is branded before anyone is signed in. */
export function brandingRoutes() {
  return (
    new Hono<AppEnv>()
      .get('/', async (c) => c.json(await readBranding(c.get('deps'))))
      // Two plain routes, not a `{logo|favicon}` pattern, which Hono does not anchor at the end of
      // the segment: /logo-anything served the logo (issue 6, defect 10).
      .get('/logo', (c) => serveImage(c, 'logo'))
      .get('/favicon', (c) => serveImage(c, 'favicon'))
  );
}

/** The vendor's branding as the SPA reads it; the Node host also writes it into the page (issue 11). */
export async function readBranding(deps: Pick<AppDeps, 'db' | 'publicUrl'>): Promise<Branding> {
  const app = await loadApp(deps.db);
  const { branding } = app;
  return {
    portalUrl: deps.publicUrl,
    appName: app.name,
    appSlug: app.slug,
    title: branding.title,
    primaryColor: branding.primaryColor,
    logoUrl: branding.logo ? `/api/branding/logo?v=${version(branding.logo)}` : null,
    faviconUrl: branding.favicon ? `/api/branding/favicon?v=${version(branding.favicon)}` : null,
    supportUrl: branding.supportUrl,
    contactEmail: branding.contactEmail,
  };
}

async function serveImage(c: Context<AppEnv>, name: 'logo' | 'favicon') {
  const { branding } = await loadApp(c.get('deps').db);
  const asset = branding[name];
  if (!asset) throw notFound('That image');
  const bytes = Uint8Array.from(atob(asset.base64), (ch) => ch.charCodeAt(0));
  return c.body(bytes, 200, {
    'Content-Type': asset.contentType,
    'Cache-Control': 'public, max-age=31536000, immutable',
    // An SVG logo opened on its own must not be able to run script in the portal's origin.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  });
}

async function loadApp(db: AppDeps['db']) {
  const [app] = await db.select().from(apps).limit(1);
  if (!app) throw notFound('The portal configuration');
  return app;
}

/** A cheap content fingerprint so a changed logo gets a new URL and caches stay correct. */
function version(asset: BrandingAsset): string {
  let hash = 0;
  for (let i = 0; i < asset.base64.length; i++) hash = (hash * 31 + asset.base64.charCodeAt(i)) | 0;
  return (hash >>> 0).toString(36);
}
