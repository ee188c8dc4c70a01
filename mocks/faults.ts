import { http, HttpResponse } from 'msw';

/** Failures that are hard to cause for real: the BFF unreachable, or failing on one route. */
export const faults = {
  unreachable: (path = '/api/*') => http.all(path, () => HttpResponse.error()),
  serverError: (path: string) =>
    http.all(path, () =>
      HttpResponse.json({ error: { code: 'internal', message: 'Something went wrong on our side.' } }, { status: 500 }),
    ),
};
