/**
 * A browser's Response drops Set-Cookie (a forbidden response header), so the BFF's session cookie
 * would never reach the demo's cookie jar. In the demo page only, every Response keeps the
 * Set-Cookie lines it was made with, and setCookiesOf reads them. Hono re-wraps a response as
 * `new Response(res.body, res)` when a middleware replaces it: those keep the original's lines.
 */
const NativeResponse = globalThis.Response;
const kept = new WeakMap<Response, string[]>();

class ResponseKeepingCookies extends NativeResponse {
  constructor(body?: BodyInit | null, init?: ResponseInit) {
    super(body, init);
    const lines = init instanceof NativeResponse ? kept.get(init) : new Headers(init?.headers).getSetCookie();
    if (lines?.length) kept.set(this, lines);
  }
}

export function keepSetCookies() {
  globalThis.Response = ResponseKeepingCookies;
}

export const setCookiesOf = (response: Response) => kept.get(response) ?? response.headers.getSetCookie();
