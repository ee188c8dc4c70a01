import { useTranslation } from 'react-i18next';
import { Select } from '../../components/ui/field';
import { useMe } from '../session/me';
import { useSwitchTeam } from '../session/switch-team';

/** Shown only to people on more than one team; every read follows the team picked here. */
export function TeamSwitcher() {
  const { t } = useTranslation();
  const me = useMe();
  const switchTeam = useSwitchTeam();
  if (me.teams.length < 2) return null;
  return (
    <Select
      inline
      label={t('team.switcher.label')}
      value={me.team.id}
      disabled={switchTeam.isPending}
      onChange={(event) => switchTeam.mutate({ teamId: event.target.value })}
    >
      {me.teams.map((team) => (
        <option key={team.id} value={team.id}>
          {team.name}
        </option>
      ))}
    </Select>
  );
}
