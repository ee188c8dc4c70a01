import { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { PORTAL_LAYOUT_MODULE, portalPageModules, publicPages } from './route-modules';
import { routes } from './router';

type Module = { Component?: unknown; PortalLayout?: unknown; loader?: unknown };
// Every module the table may name, keyed as the build's manifest keys them (from the repository's root).
const sources = import.meta.glob<Module>(['../features/*/routes/*.{ts,tsx}', './layouts/portal-layout.tsx']);
const load = (key: string) => sources[key.replace(/^src\/features\//, '../features/').replace(/^src\/app\//, './')]!();

/** Each route's full path, with the route itself. */
function flatten(list: RouteObject[], parent = ''): [string, RouteObject][] {
  return list.flatMap((route) => {
    const path = route.index
      ? parent || '/'
      : route.path
        ? `${parent.replace(/\/$/, '')}/${route.path.replace(/^\//, '')}`
        : parent;
    return [
      ...(route.index || route.path ? [[path, route] as [string, RouteObject]] : []),
      ...flatten(route.children ?? [], path),
    ];
  });
}

/** The page component a route's lazy() brings, whichever of the router's two shapes it has. */
async function componentOf(route: RouteObject) {
  const lazy = route.lazy as unknown;
  if (typeof lazy === 'function') return ((await lazy()) as Module).Component;
  if (lazy && typeof lazy === 'object') return (lazy as { Component: () => Promise<unknown> }).Component();
  return route.Component;
}

describe('the table of the portal pages’ modules (the host preloads them, decision 020)', () => {
  const all = flatten(routes(new QueryClient()));
  const portal = all.filter(([path]) => !publicPages.includes(path) && path !== '/');
  const home = all.filter(([path, route]) => path === '/' && route.index);

  it('names every path of the router, public or the portal’s, and no other', () => {
    expect(
      all
        .map(([path]) => path)
        .filter((path) => path !== '/')
        .sort(),
    ).toEqual([...publicPages, ...Object.keys(portalPageModules).filter((path) => path !== '/')].sort());
    expect(home).toHaveLength(1);
  });

  it('names, first for each page, the module whose Component the router renders there', async () => {
    for (const [path, route] of [...home, ...portal]) {
      const [first, ...rest] = portalPageModules[path]!;
      const rendered = await componentOf(route);
      if (!first) {
        expect(rendered, path).toBeTypeOf('function'); // not found, in the entry
        continue;
      }
      expect(rendered, path).toBe((await load(first)).Component);
      for (const other of rest) expect(await load(other), `${path}: ${other}`).toBeTruthy();
    }
  });

  it('names the portal’s layout', async () => {
    const portalRoute = all.find(([, route]) => route.id === 'portal')![1];
    const lazy = portalRoute.lazy as { Component: () => Promise<unknown> };
    expect(await lazy.Component()).toBe((await load(PORTAL_LAYOUT_MODULE)).PortalLayout);
  });
});
