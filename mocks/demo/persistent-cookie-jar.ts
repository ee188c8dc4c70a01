import { CookieJar } from '../bff-handlers';
import { setCookiesOf } from './browser-headers';

const STORAGE_KEY = 'portico-demo.cookies';

/**
 * The demo's cookie jar outlives a reload, as a browser's would: the BFF's session cookie is
 * httpOnly, so the page keeps it here (in this browser's storage) and not in document.cookie.
 */
export class PersistentCookieJar extends CookieJar {
  constructor() {
    super();
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved) super.store(saved.split('; '));
  }

  override storeFrom(response: Response) {
    this.store(setCookiesOf(response));
  }

  override store(setCookies: string[]) {
    super.store(setCookies);
    localStorage.setItem(STORAGE_KEY, this.header());
  }

  static forget() {
    localStorage.removeItem(STORAGE_KEY);
  }
}
