import { z } from './zod';

/** Every error the BFF returns has this shape, whatever the status. */
export const errorCodes = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  /** A service-account token past its expiry (issue 10): refused everywhere, and told so. */
  'token_expired',
  'forbidden',
  'license_expired',
  'not_found',
  'invalid_link',
  'rate_limited',
  'cross_origin',
  'conflict',
  'payload_too_large',
  /** A support bundle arrived whole, and its inspection refused it: `details.code` says why. */
  'bundle_rejected',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
