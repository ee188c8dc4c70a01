/**
 * Who did something on a team's behalf (issue 10): a person signed in, or one of the team's
 * service accounts behind its Bearer token. Rows that record a doer keep its kind with its id.
 */
export const teamActorKinds = ['user', 'service_account'] as const;
export type TeamActorKind = (typeof teamActorKinds)[number];

/** A doer as shown: a person by their email address, a service account by its name. */
export type TeamActor = { kind: TeamActorKind; id: string; name: string };
