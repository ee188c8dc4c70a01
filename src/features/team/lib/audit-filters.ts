import { auditListQuerySchema, type AuditAction } from '../../../../contract/audit';

/** What the Audit tab shows, as its URL says (`?tab=audit&actor=…&action=…`), so a view can be shared. */
export type AuditFilters = { actor?: string; action?: AuditAction };

const { shape } = auditListQuerySchema;

/** The filters in a URL; a value the API would refuse (an old bookmark) is left out. */
export function auditFiltersFrom(params: URLSearchParams): AuditFilters {
  const actor = shape.actor.safeParse(params.get('actor') ?? undefined);
  const action = shape.action.safeParse(params.get('action') ?? undefined);
  return { actor: actor.success ? actor.data : undefined, action: action.success ? action.data : undefined };
}

/** The filters as query parameters, unset ones left out. */
export function auditSearchOf(filters: AuditFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filters.actor) params.set('actor', filters.actor);
  if (filters.action) params.set('action', filters.action);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The Team page's URL for the Audit tab under these filters. */
export const auditTabSearch = (filters: AuditFilters) => `?tab=audit${auditSearchOf(filters).replace('?', '&')}`;

export const isAuditFiltered = (filters: AuditFilters) => Boolean(filters.actor || filters.action);
