import { http, HttpResponse } from 'msw';

/**
 * Failures that are hard to cause for real: the BFF unreachable, or failing on one route.
 * `once` lets a test see the failure and then the recovery.
 */
export const faults = {
  unreachable: (path = '/api/*', options: { once?: boolean } = {}) =>
    http.all(path, () => HttpResponse.error(), options),
  serverError: (path: string, options: { once?: boolean } = {}) =>
    http.all(
      path,
      () =>
        HttpResponse.json(
          { error: { code: 'internal', message: 'Something went wrong on our side.' } },
          { status: 500 },
        ),
      options,
    ),
};
