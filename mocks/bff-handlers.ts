import { http } from 'msw';
import type { App } from '../server/app';
import { isCorePath } from '../server/app';

/**
 * A browser's cookie store for one origin, as far as the BFF needs it: MSW hands requests to
 * app.fetch directly, so the httpOnly session cookie has to be kept and sent back here.
 */
export class CookieJar {
  private cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Keeps the cookies a response sets (a host whose Response drops Set-Cookie reads them its own way). */
  storeFrom(response: Response) {
    this.store(response.headers.getSetCookie());
  }

  store(setCookies: string[]) {
    for (const setCookie of setCookies) {
      const [pair = '', ...attributes] = setCookie.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** The requests the Node host hands the BFF (`isCorePath`): the same split here as in production. */
const isForTheBff = ({ request }: { request: Request }) => {
  const url = new URL(request.url);
  return url.origin === location.origin && isCorePath(url.pathname);
};

/** Routes the SPA's requests for the BFF's paths into the real BFF app, as the browser would send them. */
export function bffHandlers(app: App, jar: CookieJar) {
  return [
    http.all(isForTheBff, async ({ request }) => {
      const headers = new Headers(request.headers);
      // A request made without credentials (the demo's machine, like curl) carries no cookie.
      const fromThePage = request.credentials !== 'omit';
      const cookie = fromThePage ? jar.header() : '';
      if (cookie) headers.set('cookie', cookie);
      // Browsers add Origin to every state-changing fetch; the BFF's CSRF check relies on it.
      if (fromThePage && !['GET', 'HEAD'].includes(request.method)) headers.set('origin', location.origin);
      const body = ['GET', 'HEAD'].includes(request.method) ? undefined : await request.arrayBuffer();
      const response = await app.fetch(new Request(request.url, { method: request.method, headers, body }));
      jar.storeFrom(response);
      return response;
    }),
  ];
}
