import { instanceListQuerySchema, type InstanceListQuery } from '../../../../contract/instances';
import { UNSAFE_TEXT } from '../../../../contract/text';

/** What the page lists, as its URL says: a view can be bookmarked and shared (issue 8). */
export type InstanceFilters = Required<Pick<InstanceListQuery, 'tab' | 'sort'>> &
  Pick<InstanceListQuery, 'q' | 'status' | 'version'>;

const { shape } = instanceListQuerySchema;

/**
 * The filters in a URL; a value the API would refuse (an old bookmark, an edited link) falls back
 * to its default, whether the schema refuses it or the BFF's rule for text it cannot store.
 */
export function filtersFrom(params: URLSearchParams): InstanceFilters {
  const read = <T>(schema: { safeParse: (v: unknown) => { success: boolean; data?: T } }, name: string) => {
    const value = params.get(name) ?? undefined;
    if (value !== undefined && UNSAFE_TEXT.test(value)) return undefined;
    const result = schema.safeParse(value);
    return result.success ? result.data : undefined;
  };
  return {
    tab: read(shape.tab, 'tab') ?? 'active',
    sort: read(shape.sort, 'sort') ?? 'last_check_in',
    q: read(shape.q, 'q'),
    status: read(shape.status, 'status'),
    version: read(shape.version, 'version'),
  };
}

/** The filters as query parameters, defaults left out so the plain page has the plain URL. */
export function searchOf(filters: InstanceFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filters.tab !== 'active') params.set('tab', filters.tab);
  if (filters.q) params.set('q', filters.q);
  if (filters.status) params.set('status', filters.status);
  if (filters.version) params.set('version', filters.version);
  if (filters.sort !== 'last_check_in') params.set('sort', filters.sort);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const isFiltered = (filters: InstanceFilters) => Boolean(filters.q || filters.status || filters.version);
