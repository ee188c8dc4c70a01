import { useQuery } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { TitleSuffix } from '../components/ui/page-header';
import { readableTextOn } from '../../contract/contrast';
import { brandingQueryOptions } from './branding';

/** The vendor's colours as CSS variables (see index.css), its favicon, and its title on every page. */
export function Brand({ children }: { children: ReactNode }) {
  const { data: branding } = useQuery(brandingQueryOptions());
  useEffect(() => {
    if (!branding) return;
    const root = document.documentElement.style;
    root.setProperty('--brand', branding.primaryColor);
    root.setProperty('--brand-contrast', readableTextOn(branding.primaryColor));
    if (branding.faviconUrl) {
      let link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
      if (!link) {
        link = document.createElement('link');
        link.rel = 'icon';
        document.head.append(link);
      }
      link.href = branding.faviconUrl;
    }
  }, [branding]);
  return <TitleSuffix value={branding?.title ?? 'Portico'}>{children}</TitleSuffix>;
}
