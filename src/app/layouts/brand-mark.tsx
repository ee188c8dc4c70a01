import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { brandingQueryOptions } from '../branding';

/** The vendor's logo and portal title; links home. */
export function BrandMark() {
  const { data: branding } = useQuery(brandingQueryOptions());
  if (!branding) return null;
  return (
    <Link to="/" className="flex items-center gap-3 text-lg font-bold">
      {branding.logoUrl && <img src={branding.logoUrl} alt="" className="h-9 w-9 rounded" />}
      <span>{branding.title}</span>
    </Link>
  );
}
