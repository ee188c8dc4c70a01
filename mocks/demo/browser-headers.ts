/**
 * A browser's Request drops the headers only the browser may set (Cookie, Origin) and its Response
 * drops Set-Cookie, so the BFF in the page would never see a session, nor hand one out. In the demo
 * page only, both keep the headers they were made with: a Request answers them as its `headers`
 * (also when it is re-made from another, as Hono's body limit does), and setCookiesOf reads a
 * Response's Set-Cookie lines (also when Hono re-wraps it as `new Response(res.body, res)`).
 */
const NativeRequest = globalThis.Request;
const NativeResponse = globalThis.Response;
const kept = new WeakMap<Response, string[]>();

class RequestKeepingHeaders extends NativeRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(input, init);
    const wanted = new Headers(init?.headers ?? (input instanceof NativeRequest ? input.headers : undefined));
    if ([...wanted.keys()].some((name) => !super.headers.has(name)))
      Object.defineProperty(this, 'headers', { value: wanted });
  }
}

class ResponseKeepingCookies extends NativeResponse {
  constructor(body?: BodyInit | null, init?: ResponseInit) {
    super(body, init);
    const lines = init instanceof NativeResponse ? kept.get(init) : new Headers(init?.headers).getSetCookie();
    if (lines?.length) kept.set(this, lines);
  }
}

export function keepBrowserHeaders() {
  globalThis.Request = RequestKeepingHeaders;
  globalThis.Response = ResponseKeepingCookies;
}

export const setCookiesOf = (response: Response) => kept.get(response) ?? response.headers.getSetCookie();
