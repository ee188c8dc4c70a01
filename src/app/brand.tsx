import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { brandingQueryOptions } from '../features/branding/api/branding';
import { readableTextOn } from '../lib/contrast';

/** The vendor's colours as CSS variables (see index.css), its favicon and title. */
export function BrandStyles() {
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
  return null;
}

export function useBrandTitle(): string {
  const { data } = useQuery(brandingQueryOptions());
  return data?.title ?? 'Portico';
}
