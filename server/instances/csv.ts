import type { Instance } from '../../contract/installs';

/**
 * A cell as RFC 4180 writes it, made inert for spreadsheets: text that starts with = + - @ tab or
 * CR would be read as a formula (OWASP "CSV injection"), so it gets a leading single quote.
 */
export function csvCell(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: (string | number | boolean | null)[]) => `${cells.map(csvCell).join(',')}\r\n`;

export const INSTANCE_CSV_HEADER = csvRow([
  'id',
  'instance_id',
  'name',
  'status',
  'version',
  'airgap',
  'active',
  'first_check_in',
  'last_check_in',
  'first_ready',
  'install_method',
  'kubernetes_distribution',
  'kubernetes_version',
  'nodes_ready',
  'nodes_total',
  'sdk_version',
]);

export const instanceCsvRow = (i: Instance) =>
  csvRow([
    i.id,
    i.externalId,
    i.name,
    i.status,
    i.versionLabel,
    i.airgap,
    i.active,
    i.firstCheckInAt,
    i.lastCheckInAt,
    i.firstReadyAt,
    i.installMethod,
    i.details.k8sDistribution ?? null,
    i.details.k8sVersion ?? null,
    i.details.nodes?.ready ?? null,
    i.details.nodes?.total ?? null,
    i.details.sdkVersion ?? null,
  ]);
