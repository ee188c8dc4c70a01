import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorResponse, HttpError } from './errors';
import { readJson } from './validate';

const schema = z.object({
  name: z.string().optional(),
  options: z.object({ proxyUrl: z.string() }).optional(),
  tags: z.array(z.string()).optional(),
  labels: z.record(z.string(), z.string()).optional(),
});

/** A route that reads its body with readJson, as every BFF route does. */
function appReading(options?: { emptyBody?: unknown }) {
  const app = new Hono();
  app.post('/', async (c) => c.json(await readJson(c, schema, options)));
  app.onError((error, c) => (error instanceof HttpError ? errorResponse(c, error) : c.text('unexpected', 500)));
  return app;
}

const post = (app: Hono, body: string) =>
  app.request('/', { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('readJson refuses text no field may hold (issue 6, defect 4)', () => {
  it.each([
    ['a NUL in a field', '{"name":"a\\u0000b"}', 'name'],
    ['a NUL deep down', '{"options":{"proxyUrl":"http://p\\u0000"}}', 'options.proxyUrl'],
    ['a lone high surrogate', '{"name":"\\ud800"}', 'name'],
    ['a lone low surrogate in a list', '{"tags":["ok","x\\udc00"]}', 'tags.1'],
    ['a NUL in a key, named printably', '{"labels":{"a\\u0000":"b"}}', 'labels.a\ufffd'],
    ['a lone surrogate as the whole body', '"\\ud800"', '_'],
  ])('%s: 400 naming the field', async (_, body, field) => {
    const response = await post(appReading(), body);
    expect(response.status).toBe(400);
    const message = 'Text may not contain NUL characters or unpaired surrogates.';
    expect(await response.json()).toEqual({
      error: { code: 'validation_failed', message: `${field}: ${message}`, details: { fields: { [field]: message } } },
    });
  });

  it('accepts a surrogate pair, which is one well-formed character', async () => {
    const response = await post(appReading(), '{"name":"\\ud83d\\ude00 ok"}');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ name: '😀 ok' });
  });

  it('answers an empty body as not JSON, unless the route gives it a meaning', async () => {
    for (const body of ['', '  \n']) {
      const response = await post(appReading(), body);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: { code: 'bad_request', message: 'The request body must be valid JSON.' },
      });
      const meaningful = await post(appReading({ emptyBody: {} }), body);
      expect(meaningful.status).toBe(200);
      expect(await meaningful.json()).toEqual({});
    }
  });

  it('names wrong types field by field', async () => {
    const response = await post(appReading(), '{"name":42,"options":{"proxyUrl":null}}');
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('validation_failed');
    expect(Object.keys(error.details.fields).sort()).toEqual(['name', 'options.proxyUrl']);
  });
});
