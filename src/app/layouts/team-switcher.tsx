import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useRevalidator } from 'react-router';
import { useMe } from '../../features/auth/api/me';
import { useSwitchTeam } from '../../features/auth/api/switch-team';

/** Shown only to people on more than one team; every read follows the team picked here. */
export function TeamSwitcher() {
  const { t } = useTranslation();
  const me = useMe();
  const switchTeam = useSwitchTeam();
  const navigate = useNavigate();
  const revalidator = useRevalidator();
  const id = useId();
  if (me.teams.length < 2) return null;
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="font-semibold">
        {t('team.switcher.label')}
      </label>
      <select
        id={id}
        value={me.team.id}
        disabled={switchTeam.isPending}
        onChange={(event) =>
          switchTeam.mutate(
            { teamId: event.target.value },
            {
              onSuccess: async () => {
                await navigate('/', { replace: true });
                await revalidator.revalidate();
              },
            },
          )
        }
        className="rounded border border-slate-300 bg-white px-2 py-1 text-slate-900"
      >
        {me.teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
    </div>
  );
}
