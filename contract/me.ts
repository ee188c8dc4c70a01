import { z } from './zod';

import { locales, type Locale, type Role } from './constants';

export { locales, roles, type Locale, type Role } from './constants';

export type TeamSummary = { id: string; name: string; role: Role };

export type Me = {
  user: { id: string; email: string; locale: Locale | null };
  team: TeamSummary;
  teams: TeamSummary[];
};

export const switchTeamInputSchema = z.object({ teamId: z.string().min(1).max(64) });
export type SwitchTeamInput = z.infer<typeof switchTeamInputSchema>;

export const updatePreferencesInputSchema = z.object({ locale: z.enum(locales) });
export type UpdatePreferencesInput = z.infer<typeof updatePreferencesInputSchema>;
