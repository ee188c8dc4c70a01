import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Headers of the connection or the coding, not of the page: the control server sets its own. */
const NOT_COPIED = new Set(['connection', 'content-encoding', 'content-length', 'date', 'keep-alive', 'link']);

/**
 * A control for the portal pages' figures (decision 021): the dashboard's HTML as the server sends
 * it to a signed-in browser, header and stylesheet and all, with its scripts and preloads taken
 * out, served with the same headers (the security policy, COOP and the rest) from loopback. It
 * paints as early as the dashboard and then runs nothing, so what it scores is what this machine
 * and Lighthouse leave a page before any script of ours.
 */
export async function scriptlessDashboard(baseURL: string, cookie: string) {
  const page = await fetch(baseURL, { headers: { cookie, accept: 'text/html' } });
  if (page.status !== 200) throw new Error(`The dashboard answered ${page.status}`);
  const html = (await page.text())
    .replace(/<script\b[\s\S]*?<\/script>/g, '')
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '');
  if (/<script|modulepreload/.test(html)) throw new Error('The dashboard kept a script the control meant to take out.');
  const headers = Object.fromEntries([...page.headers].filter(([name]) => !NOT_COPIED.has(name)));
  const server = createServer(async (request, response) => {
    if (request.url === '/') {
      response.writeHead(200, headers);
      response.end(html);
      return;
    }
    // The page's icon and logo, from the portal: nothing else is asked for.
    const answer = await fetch(`${baseURL}${request.url}`).catch(() => null);
    response.writeHead(answer?.status ?? 502, { 'content-type': answer?.headers.get('content-type') ?? 'text/plain' });
    response.end(answer ? Buffer.from(await answer.arrayBuffer()) : 'The portal did not answer.');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
