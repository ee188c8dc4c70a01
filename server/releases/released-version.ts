import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/database';
import { releases } from '../db/schema';
import { HttpError } from '../http/errors';

/** A version the team may name (an install, an air-gap record): one released on its channel, else a 400 naming `version`. */
export async function requireReleasedVersion(db: Database, channelId: string, version: string) {
  const [release] = await db
    .select({ id: releases.id })
    .from(releases)
    .where(and(eq(releases.channelId, channelId), eq(releases.version, version)));
  if (release) return;
  const message = `Version ${version} is not released on your channel.`;
  throw new HttpError(400, 'validation_failed', message, { fields: { version: message } });
}
