import type { TeamActor } from './actors';
import { z } from './zod';
import {
  allowedNetworks,
  installMethods,
  instanceNameSchema,
  kubernetesDistributions,
  type Instance,
  type InstallMethod,
  type KubernetesDistribution,
} from './installs';

/**
 * Air-gap instance records entered by hand (issue 8): an air-gapped instance never checks in, so
 * the customer records what it runs. Served under /api/airgap-instances.
 */

/** How an instance came to be known: it checked in, or the customer entered it by hand. */
export const instanceSources = ['check_in', 'manual'] as const;
export type InstanceSource = (typeof instanceSources)[number];

/** How many days an air-gap record's data may age before it is stale, unless portico.yaml says. */
export const DEFAULT_AIRGAP_REPORT_CADENCE_DAYS = 35;

export const ADMIN_CONSOLE_URL_MAX_LENGTH = 2048;
const adminConsoleUrlMessage = 'Enter the Admin Console URL as an http or https URL, like https://localhost:30000.';
const adminConsoleUrl = z
  .string({ error: adminConsoleUrlMessage })
  .trim()
  .max(ADMIN_CONSOLE_URL_MAX_LENGTH, `Use at most ${ADMIN_CONSOLE_URL_MAX_LENGTH} characters.`)
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.hostname, error: adminConsoleUrlMessage }));

const version = z.string({ error: 'Choose the version.' }).min(1, 'Choose the version.').max(64);
const method = z.enum(installMethods, { error: 'Choose how the instance was installed.' });
const kubernetesDistribution = z.enum(kubernetesDistributions, { error: 'Choose a Kubernetes distribution.' });

/** A new record. The optional fields are left out when not known. */
export const createAirgapRecordInputSchema = z.object({
  name: instanceNameSchema,
  version,
  method,
  kubernetesDistribution: kubernetesDistribution.optional(),
  adminConsoleUrl: adminConsoleUrl.optional(),
});
export type CreateAirgapRecordInput = z.input<typeof createAirgapRecordInputSchema>;

/** A change to a record: what is left out stays, null clears an optional field. */
export const updateAirgapRecordInputSchema = z.object({
  name: instanceNameSchema.optional(),
  version: version.optional(),
  method: method.optional(),
  kubernetesDistribution: kubernetesDistribution.nullish(),
  adminConsoleUrl: adminConsoleUrl.nullish(),
});
export type UpdateAirgapRecordInput = z.input<typeof updateAirgapRecordInputSchema>;

/** The install methods a license allows air-gapped: only those can be recorded. */
export const airgapMethods = (installTypes: readonly string[]): InstallMethod[] =>
  installMethods.filter((m) => allowedNetworks(m, installTypes).includes('airgap'));

/** Whether a license allows air-gapped installs at all: without, the team sees no records. */
export const allowsAirgap = (installTypes: readonly string[]) => airgapMethods(installTypes).length > 0;

/** An air-gap record: an instance, with what was entered by hand and the age of its data. */
export type AirgapRecord = Instance & {
  source: 'manual';
  method: InstallMethod | null;
  kubernetesDistribution: KubernetesDistribution | null;
  adminConsoleUrl: string | null;
  archivedAt: string | null;
  /** Who entered it; null for a record whose doer is no longer known. */
  recordedBy: TeamActor | null;
  /** When the record's newest data was taken (creation, edit, or a support bundle). */
  dataAt: string;
  updatedAt: string | null;
  /** Whole days since `dataAt`. */
  dataAgeDays: number;
  /** The data is older than the vendor's cadence: the customer should upload a fresh support bundle. */
  stale: boolean;
  cadenceDays: number;
};

export type AirgapRecordList = { records: AirgapRecord[] };

/** What the record form offers: the team channel's versions, its service accounts' names, and more. */
export type AirgapRecordOptions = {
  versions: string[];
  serviceAccounts: string[];
  distributions: KubernetesDistribution[];
  methods: InstallMethod[];
  cadenceDays: number;
};
