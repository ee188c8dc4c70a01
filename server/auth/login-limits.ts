import { LOGIN_LINK_TTL_MS } from '../../contract/constants';
import { RateLimiter } from '../http/rate-limit';

// As long as a link works: see "those still work" below.
const WINDOW_MS = LOGIN_LINK_TTL_MS;
/** Link requests one client may make for one address, and for all addresses, per window. */
const PER_CLIENT_AND_ADDRESS = 5;
const PER_CLIENT = 30;
/** Emails one address receives per window, however many clients ask. */
export const MAIL_CAP = 10;

export type LoginLinkVerdict = { retryAfterSeconds: number } | { retryAfterSeconds: null; mail: boolean };

/**
 * Who may ask for sign-in links how often (issue 6, defect 7). A refusal is keyed by the client
 * and the address together, so nobody can lock a person out by asking for their address from
 * anywhere; the person's inbox is protected by a cap on emails, which refuses nothing. Whoever
 * is capped was sent links in this window, and those still work: the window is the link lifetime.
 */
export class LoginLinkLimits {
  private readonly perClient = new RateLimiter(PER_CLIENT, WINDOW_MS);
  private readonly perClientAndAddress = new RateLimiter(PER_CLIENT_AND_ADDRESS, WINDOW_MS);
  private readonly mailPerAddress = new RateLimiter(MAIL_CAP, WINDOW_MS);

  /** Counts one request; the same work whether or not the address has an account. */
  check(client: string, email: string, now: number): LoginLinkVerdict {
    const wait = this.perClient.hit(client, now) ?? this.perClientAndAddress.hit(`${client} ${email}`, now);
    if (wait !== null) return { retryAfterSeconds: wait };
    return { retryAfterSeconds: null, mail: this.mailPerAddress.hit(email, now) === null };
  }
}
