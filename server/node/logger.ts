import type { Logger } from '../deps';

function line(level: string, message: string, fields?: Record<string, unknown>) {
  const extra = fields
    ? ' ' +
      Object.entries(fields)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(' ')
    : '';
  return `${new Date().toISOString()} ${level} ${message}${extra}\n`;
}

export const consoleLogger: Logger = {
  info: (message, fields) => void process.stdout.write(line('INFO ', message, fields)),
  error: (message, fields) => void process.stderr.write(line('ERROR', message, fields)),
};
