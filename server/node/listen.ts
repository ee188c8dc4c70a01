import type { Server } from 'node:http';
import { StartError } from './start-error';

/**
 * Binds the port, or says in one line why it cannot. The server listens before the database is
 * opened (issue 6, defect 3), so a port already taken stops the start before any migration runs.
 */
export async function listen(server: Server, port: number, host: string): Promise<void> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    const reason = whyNot((error as NodeJS.ErrnoException).code, port, host);
    if (reason) throw new StartError(reason);
    throw error;
  }
}

function whyNot(code: string | undefined, port: number, host: string): string | null {
  switch (code) {
    case 'EADDRINUSE':
      return `Port ${port} on ${host} is already in use. Stop the program listening there, or set PORT to a free port.`;
    case 'EACCES':
      return `Port ${port} on ${host} needs privileges this process does not have. Set PORT to 1024 or above.`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `HOST ${host} is not an address of this machine. Set HOST to one of its addresses, or 0.0.0.0.`;
    default:
      return null;
  }
}
