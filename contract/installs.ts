import type { TeamActor } from './actors';
import {
  installMethods,
  kubernetesDistributions,
  needsProxyUrl,
  networkModes,
  PROXY_URL_MAX_LENGTH,
  registryAccessModes,
  type AttemptStatus,
  type CheckpointName,
  type InstallMethod,
  type InstanceStatus,
} from './install-options';
import { z } from './zod';

// The plain values (enumerations, the proxy URL's length, which networks a license allows) live in
// install-options.ts, free of zod, so a page can show them without loading the validator.
export * from './install-options';

export type ResourceState = { kind: string; name: string; namespace: string; state: InstanceStatus };

/** An app's own metrics, by name: scalars only, as the Replicated SDK accepts them. */
export type CustomMetrics = Record<string, string | number | boolean>;

export type InstanceDetails = {
  clusterId?: string;
  /** Embedded Cluster's own id for the cluster, kept apart from the SDK's cluster id. */
  embeddedClusterId?: string;
  embeddedClusterVersion?: string;
  appStatus?: string;
  k8sVersion?: string;
  k8sDistribution?: string;
  channelId?: string;
  /** Sent instead of the id by clients that only know the channel's name. */
  channelName?: string;
  channelSequence?: number;
  versionLabel?: string;
  sdkVersion?: string;
  resourceStates?: ResourceState[];
  runningImages?: Record<string, string[]>;
  /** The instance's tags; `name` is the name the customer gave it. */
  tags?: Record<string, string>;
  /** Nodes in the cluster, when a client counts them (KOTS's kURL node counts, a support bundle). */
  nodes?: { total: number; ready: number };
};

export const instanceNameSchema = z
  .string({ error: 'Give the instance a name.' })
  .trim()
  .min(1, 'Give the instance a name.')
  .max(63, 'Use at most 63 characters.')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, 'Use letters, digits, spaces, dots, dashes and underscores.');

/**
 * A proxy URL ends up in commands the customer pastes into a root shell. The commands quote it
 * (src/lib/shell.ts), and it is also held to the characters a proxy URL needs:
 * no whitespace, quotes or shell metacharacters, so it reads the same quoted or not (issue 6).
 */
const PROXY_URL_CHARACTERS = /^[A-Za-z0-9._~:/@%+=,[\]-]+$/;
const proxyUrlMessage = 'Enter the proxy as a URL, like http://proxy.example.com:3128.';
const proxyUrl = z
  .string({ error: proxyUrlMessage })
  .max(PROXY_URL_MAX_LENGTH, `Use at most ${PROXY_URL_MAX_LENGTH} characters for the proxy URL.`)
  .regex(
    PROXY_URL_CHARACTERS,
    'The proxy URL may not contain spaces, quotes or shell characters such as ; & | $ ` < > ( ) { } * ? ! # \\.',
  )
  .pipe(z.url({ protocol: /^https?$/, error: proxyUrlMessage }));

export const installOptionsSchema = z
  .object({
    network: z.enum(networkModes),
    proxyUrl: proxyUrl.optional(),
    kubernetesDistribution: z.enum(kubernetesDistributions).optional(),
    registryAccess: z.enum(registryAccessModes).optional(),
  })
  .refine((o) => !needsProxyUrl(o.network) || o.proxyUrl, { message: 'Enter the proxy URL.', path: ['proxyUrl'] });
export type InstallOptions = z.infer<typeof installOptionsSchema>;

export const createInstallInputSchema = z
  .object({
    method: z.enum(installMethods),
    name: instanceNameSchema,
    version: z.string().min(1).max(64),
    options: installOptionsSchema,
  })
  .refine((i) => i.method !== 'helm' || (i.options.kubernetesDistribution && i.options.registryAccess), {
    message: 'Choose the Kubernetes distribution and registry access.',
    path: ['options'],
  });
export type CreateInstallInput = z.input<typeof createInstallInputSchema>;

export const updateInstallInputSchema = z.object({
  name: instanceNameSchema.optional(),
  version: z.string().min(1).max(64).optional(),
  options: installOptionsSchema.optional(),
});
export type UpdateInstallInput = z.input<typeof updateInstallInputSchema>;

/** Links an instance the portal could not attribute to an install attempt (decision 008). */
export const linkInstanceInputSchema = z.object({
  instanceId: z.string({ error: 'Choose the instance to link.' }).min(1, 'Choose the instance to link.').max(64),
});
export type LinkInstanceInput = z.input<typeof linkInstanceInputSchema>;

export type Checkpoint = { name: CheckpointName; at: string | null };

export type InstallAttempt = {
  id: string;
  name: string;
  method: InstallMethod;
  options: InstallOptions;
  version: string;
  status: AttemptStatus;
  startedAt: string;
  /** The person or service account that started it. */
  startedBy: TeamActor;
  checkpoints: Checkpoint[];
  failureReason: string | null;
  serviceAccount: { id: string; name: string } | null;
};

/** Returned once, when an attempt is created or its token replaced; the token is never stored. */
export type InstallAttemptWithToken = { attempt: InstallAttempt; token: string };

export type InstallAttemptList = { attempts: InstallAttempt[] };

/**
 * The method an instance that came from no attempt was installed with, from what it reports:
 * Embedded Cluster names its cluster (and itself as the distribution); the SDK on its own runs in
 * a cluster of the customer's, installed with Helm. KOTS and the rest say nothing: unknown.
 */
export function inferredInstallMethod(details: InstanceDetails): InstallMethod | null {
  if (details.embeddedClusterId || details.k8sDistribution === 'embedded-cluster') return 'embedded';
  return details.sdkVersion ? 'helm' : null;
}

/** An instance as the team sees it; `active` follows the 24-hour rule (architecture.md). */
export type Instance = {
  id: string;
  externalId: string | null;
  name: string | null;
  status: InstanceStatus | null;
  versionLabel: string | null;
  airgap: boolean;
  active: boolean;
  firstCheckInAt: string | null;
  lastCheckInAt: string | null;
  /** When it first reported ready. */
  firstReadyAt: string | null;
  /** How it was installed: its record's or its install attempt's method, else what it reports. */
  installMethod: InstallMethod | null;
  details: InstanceDetails;
  /** The latest custom metrics the instance's app reported through the Replicated SDK. */
  customMetrics: CustomMetrics | null;
  customMetricsReceivedAt: string | null;
};

export type InstanceList = { instances: Instance[] };

/**
 * An instance that reported with the team's license since an attempt started, but joined no
 * attempt: the customer may link it to that attempt by hand (decision 008).
 */
export type LinkCandidate = Pick<Instance, 'id' | 'externalId' | 'name' | 'status'> & {
  lastCheckInAt: string;
  clusterId?: string;
};

export type LinkCandidateList = { instances: LinkCandidate[] };
