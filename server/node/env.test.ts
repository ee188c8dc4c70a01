import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, readEnv } from './env';

const ROOT = '/opt/portico';

function envError(source: Record<string, string>): EnvError {
  try {
    readEnv(source, ROOT);
  } catch (error) {
    if (error instanceof EnvError) return error;
    throw error;
  }
  throw new Error('readEnv accepted the environment');
}

describe('readEnv', () => {
  it('runs with no configuration at all', () => {
    expect(readEnv({}, ROOT)).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: resolve('./data'),
      databaseUrl: null,
      smtpUrl: null,
      mailFrom: 'Portico <no-reply@localhost>',
      publicUrl: 'http://localhost:8080',
      configPath: '/opt/portico/demo/portico.yaml',
      stallAfterMs: 30 * 60_000,
      trustProxy: false,
    });
  });

  it('reads every variable it knows', () => {
    const env = readEnv(
      {
        PORT: '3000',
        HOST: '127.0.0.1',
        DATA_DIR: '/var/lib/portico',
        DATABASE_URL: 'postgres://portico:secret@db:5432/portico',
        SMTP_URL: 'smtps://mail.example.com:465',
        MAIL_FROM: 'Atlas <portal@atlas.example>',
        PUBLIC_URL: 'https://portal.atlas.example',
        PORTICO_CONFIG: '/etc/portico/portico.yaml',
        INSTALL_STALL_MINUTES: '45',
        TRUST_PROXY: 'true',
      },
      ROOT,
    );
    expect(env).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/var/lib/portico',
      databaseUrl: 'postgres://portico:secret@db:5432/portico',
      smtpUrl: 'smtps://mail.example.com:465',
      mailFrom: 'Atlas <portal@atlas.example>',
      publicUrl: 'https://portal.atlas.example',
      configPath: '/etc/portico/portico.yaml',
      stallAfterMs: 45 * 60_000,
      trustProxy: true,
    });
  });

  it('derives the default public URL and sender from the port and host name', () => {
    expect(readEnv({ PORT: '9090' }, ROOT)).toMatchObject({
      publicUrl: 'http://localhost:9090',
      mailFrom: 'Portico <no-reply@localhost>',
    });
    expect(readEnv({ PUBLIC_URL: 'https://portal.atlas.example' }, ROOT).mailFrom).toBe(
      'Portico <no-reply@portal.atlas.example>',
    );
  });

  it('strips trailing slashes from PUBLIC_URL', () => {
    expect(readEnv({ PUBLIC_URL: 'https://portal.atlas.example/' }, ROOT).publicUrl).toBe(
      'https://portal.atlas.example',
    );
    expect(readEnv({ PUBLIC_URL: 'https://atlas.example/portal//' }, ROOT).publicUrl).toBe(
      'https://atlas.example/portal',
    );
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['yes', true],
    ['false', false],
    ['0', false],
    ['No', false],
  ])('reads TRUST_PROXY=%s as %s', (value, trustProxy) => {
    expect(readEnv({ TRUST_PROXY: value }, ROOT).trustProxy).toBe(trustProxy);
  });

  it('treats an empty variable as not set', () => {
    expect(readEnv({ PORT: '', DATABASE_URL: '' }, ROOT)).toMatchObject({ port: 8080, databaseUrl: null });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '0'],
    ['PORT', '80.5'],
    ['PUBLIC_URL', 'ftp://x'],
    ['PUBLIC_URL', 'portal.example.com'],
    ['DATABASE_URL', 'mysql://x'],
    ['SMTP_URL', 'http://x'],
    ['TRUST_PROXY', 'sometimes'],
  ])('refuses %s=%s and names the variable', (name, value) => {
    const error = envError({ [name]: value });
    expect(error.message).toContain(`${name}: `);
    expect(error.message).toContain(JSON.stringify(value));
  });

  it('names every bad variable at once', () => {
    const error = envError({ PORT: 'abc', SMTP_URL: 'http://x' });
    expect(error.message).toMatch(/PORT: must be a port number from 1 to 65535/);
    expect(error.message).toMatch(/SMTP_URL: must be a URL like smtp:\/\//);
  });

  it('says what TRUST_PROXY takes', () => {
    expect(envError({ TRUST_PROXY: 'on' }).message).toContain('TRUST_PROXY: must be true or false (got "on")');
  });
});
