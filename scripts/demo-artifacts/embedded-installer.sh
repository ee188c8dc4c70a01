#!/usr/bin/env bash
# __APP_NAME__ installer: Portico's demo stand-in for an Embedded Cluster binary (issue 3).
# It installs no Kubernetes. It walks through the steps of an install and reports them to the
# portal exactly as Embedded Cluster and the Replicated SDK do (reference B3, B5), so an install
# attempt can be followed from a real machine. Run as root without --dry-run, it also records the
# install under /var/lib/__APP_SLUG__.
set -euo pipefail

APP_SLUG='__APP_SLUG__'
APP_NAME='__APP_NAME__'
EC_VERSION='2.4.0+k8s-1.31'
K8S_VERSION='v1.31.4+k0s'
SDK_VERSION='1.0.0'
FAILURE_REASON='host preflight failed: at least 2 CPU cores are required'

usage() {
  cat <<EOF
Usage: ./$APP_SLUG install --license license.yaml [flags]

Installs $APP_NAME with its embedded Kubernetes cluster. Run as root (sudo).

Flags:
  --license FILE         the license.yaml from the installation bundle (required)
  --airgap-bundle FILE   install from an air gap bundle ($APP_SLUG.airgap); sends nothing out
  --https-proxy URL      reach the portal through this HTTPS proxy
  --dry-run              change nothing on this host (no root needed), but report as usual
  --fail                 simulate a failed host preflight check, to see a failure reported
  -h, --help             show this help
EOF
}

die() {
  echo "Error: $*" >&2
  exit 1
}
step() { echo "==> $*"; }
detail() { echo "    $*"; }

case "${1:-}" in
  install) shift ;;
  -h | --help | help)
    usage
    exit 0
    ;;
  '')
    usage >&2
    exit 2
    ;;
  *)
    echo "Error: unknown command: $1" >&2
    usage >&2
    exit 2
    ;;
esac

LICENSE_FILE='' AIRGAP_BUNDLE='' PROXY_URL='' DRY_RUN=0 FAIL=0 FLAGS=''
need_value() { [ "$2" -ge 2 ] || die "$1 needs a value (see --help)"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --license) need_value "$1" $# && LICENSE_FILE=$2 && shift ;;
    --license=*) LICENSE_FILE=${1#*=} ;;
    --airgap-bundle) need_value "$1" $# && AIRGAP_BUNDLE=$2 && shift ;;
    --airgap-bundle=*) AIRGAP_BUNDLE=${1#*=} ;;
    --https-proxy) need_value "$1" $# && PROXY_URL=$2 && shift ;;
    --https-proxy=*) PROXY_URL=${1#*=} ;;
    --dry-run) DRY_RUN=1 ;;
    --fail) FAIL=1 ;;
    -h | --help)
      usage
      exit 0
      ;;
    *) die "unknown flag: $1 (see --help)" ;;
  esac
  shift
done
# Reported with the events; a proxy URL may hold credentials, so only its presence is sent.
FLAGS="--license $LICENSE_FILE${AIRGAP_BUNDLE:+ --airgap-bundle $AIRGAP_BUNDLE}${PROXY_URL:+ --https-proxy <set>}"
[ "$DRY_RUN" = 1 ] && FLAGS="$FLAGS --dry-run"
[ "$FAIL" = 1 ] && FLAGS="$FLAGS --fail"

[ -n "$LICENSE_FILE" ] || die "--license is required (see --help)"
if [ "$DRY_RUN" != 1 ] && [ "$(id -u)" != 0 ]; then
  die "run this as root: sudo ./$APP_SLUG install --license $LICENSE_FILE (or add --dry-run)"
fi
[ -r "$LICENSE_FILE" ] || die "cannot read the license file $LICENSE_FILE"

# license.yaml writes each field as `  name: "value"` on one line (server/releases/license-yaml.ts).
license_field() { sed -n "s/^  $1: *//p" "$LICENSE_FILE" | head -n 1 | sed 's/^"//; s/"$//'; }
required_field() {
  local value
  value=$(license_field "$1")
  [ -n "$value" ] || die "$LICENSE_FILE has no spec.$1: download the bundle from the portal again"
  printf '%s' "$value"
}
ENDPOINT=$(required_field endpoint)
ENDPOINT=${ENDPOINT%/}
TOKEN=$(required_field serviceAccountToken)
LICENSE_ID=$(required_field licenseID)
LICENSE_APP=$(required_field appSlug)
CUSTOMER=$(license_field customerName)
CHANNEL_ID=$(required_field channelID)
CHANNEL_NAME=$(license_field channelName)
VERSION_LABEL=$(required_field versionLabel)
CHANNEL_SEQUENCE=$(required_field channelSequence)
[ "$LICENSE_APP" = "$APP_SLUG" ] || die "this license is for $LICENSE_APP, not $APP_SLUG"

if [ -n "$AIRGAP_BUNDLE" ]; then
  [ "$(license_field isAirgapSupported)" = true ] || die "this license does not allow air gap installs"
  [ -r "$AIRGAP_BUNDLE" ] || die "cannot read the air gap bundle $AIRGAP_BUNDLE"
  BUNDLE_VERSION=$(sed -n 's/^version: *//p' "$AIRGAP_BUNDLE" | head -n 1)
  [ "$BUNDLE_VERSION" = "$VERSION_LABEL" ] ||
    die "the air gap bundle is for version ${BUNDLE_VERSION:-unknown}, the license for $VERSION_LABEL"
fi

sha() { printf '%s' "$1" | sha256sum | cut -c1-"$2"; }
HOST=${HOSTNAME:-$(uname -n)}
# One cluster per machine and license, so a re-run reports the same instance.
MACHINE=$(cat /etc/machine-id 2>/dev/null || echo "$HOST")
hex=$(sha "cluster:$MACHINE:$APP_SLUG:$LICENSE_ID" 32)
CLUSTER_ID="${hex:0:8}-${hex:8:4}-${hex:12:4}-${hex:16:4}-${hex:20:12}"
INSTANCE_ID=$(sha "instance:$CLUSTER_ID" 32)
EXECUTION_ID=$(cat /proc/sys/kernel/random/uuid 2>/dev/null || sha "$$:$(date +%s%N):$RANDOM" 32)

# A JSON string, escaped for the few characters our values can hold.
json() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  s=${s//$'\n'/\\n}
  s=${s//$'\r'/\\r}
  s=${s//$'\t'/\\t}
  printf '"%s"' "$s"
}

CURL_OPTS=(-sS --max-time 10 --connect-timeout 5)
[ -n "$PROXY_URL" ] && CURL_OPTS+=(--proxy "$PROXY_URL")
RESPONSE=$(mktemp)
trap 'rm -f "$RESPONSE"' EXIT

# POSTs JSON to the portal; any answer but 2xx stops the install with the portal's own message.
post() {
  local path=$1 body=$2 status message
  shift 2
  if ! status=$(curl "${CURL_OPTS[@]}" -o "$RESPONSE" -w '%{http_code}' -X POST \
    -H 'Content-Type: application/json' "$@" --data-binary "$body" "$ENDPOINT$path"); then
    die "could not reach the portal at $ENDPOINT (POST $path)"
  fi
  if [ "${status:0:1}" != 2 ]; then
    message=$(sed -n 's/.*"message":"\([^"]*\)".*/\1/p' "$RESPONSE" | head -n 1)
    die "the portal answered $status to POST $path${message:+: $message}"
  fi
}

# Embedded Cluster lifecycle event (reference B3).
ec_event() {
  local event=$1 exit_event=$2 reason=${3:-}
  local body="{\"executionID\":$(json "$EXECUTION_ID"),\"clusterID\":$(json "$CLUSTER_ID"),\"version\":$(json "$EC_VERSION"),\"hostname\":$(json "$HOST"),\"entryCommand\":\"install\",\"flags\":$(json "$FLAGS"),\"eventType\":$(json "$event"),\"isExitEvent\":$exit_event,\"reason\":$(json "$reason")}"
  post "/embedded_cluster_metrics/$event" "$body" \
    -H "Authorization: $TOKEN" -H "User-Agent: Embedded-Cluster/$EC_VERSION"
}

# Instance check-in, as the Replicated SDK sends it every 4 hours and on each status change.
sdk_check_in() {
  local ns=$APP_SLUG
  local states="[{\"kind\":\"deployment\",\"name\":\"$APP_SLUG-api\",\"namespace\":\"$ns\",\"state\":\"ready\"},{\"kind\":\"deployment\",\"name\":\"$APP_SLUG-web\",\"namespace\":\"$ns\",\"state\":\"ready\"},{\"kind\":\"statefulset\",\"name\":\"$APP_SLUG-db\",\"namespace\":\"$ns\",\"state\":\"ready\"}]"
  local images="{\"registry.$APP_SLUG.example/$APP_SLUG/api\":[\"sha256:$(sha "api:$VERSION_LABEL" 64)\"],\"registry.$APP_SLUG.example/$APP_SLUG/web\":[\"sha256:$(sha "web:$VERSION_LABEL" 64)\"]}"
  local basic
  basic=$(printf '%s:%s' "$TOKEN" "$TOKEN" | base64 | tr -d '\n')
  post /kots_metrics/license_instance/info "{\"resource_states\":$(json "$states"),\"running_images\":$images}" \
    -H "Authorization: Basic $basic" \
    -H "User-Agent: Replicated-SDK/$SDK_VERSION" \
    -H "X-Replicated-InstanceID: $INSTANCE_ID" \
    -H "X-Replicated-ClusterID: $CLUSTER_ID" \
    -H "X-Replicated-AppStatus: ready" \
    -H "X-Replicated-K8sVersion: $K8S_VERSION" \
    -H "X-Replicated-K8sDistribution: embedded-cluster" \
    -H "X-Replicated-DownstreamChannelID: $CHANNEL_ID" \
    -H "X-Replicated-DownstreamChannelSequence: $CHANNEL_SEQUENCE" \
    -H "X-Replicated-EmbeddedClusterID: $CLUSTER_ID" \
    -H "X-Replicated-EmbeddedClusterVersion: $EC_VERSION"
}

ONLINE=1
[ -n "$AIRGAP_BUNDLE" ] && ONLINE=0
report() { [ "$ONLINE" = 1 ]; }
skipped() { [ "$DRY_RUN" = 1 ] && detail "(dry run: skipped)" || true; }

step "$APP_NAME $VERSION_LABEL installer (Embedded Cluster $EC_VERSION)"
detail "License: ${CUSTOMER:-unknown customer}, channel ${CHANNEL_NAME:-$CHANNEL_ID}"
detail "Cluster $CLUSTER_ID on $HOST"
[ "$DRY_RUN" = 1 ] && detail "Dry run: nothing on this host changes."
if report; then
  detail "Reporting to $ENDPOINT${PROXY_URL:+ through the proxy $PROXY_URL}"
  ec_event InstallationStarted false
else
  detail "Air gap: nothing is sent out. Add this instance in the portal by hand or from a support bundle."
  step "Loading the air gap bundle $AIRGAP_BUNDLE"
fi

step "Running host preflight checks"
if [ "$FAIL" = 1 ]; then
  detail "✗ at least 2 CPU cores are required"
  report && ec_event InstallationFailed true "$FAILURE_REASON"
  die "$FAILURE_REASON"
fi
detail "✓ CPU, memory, disk space and ports"

step "Installing Kubernetes ($K8S_VERSION)"
skipped
step "Deploying $APP_NAME $VERSION_LABEL"
if [ "$DRY_RUN" != 1 ]; then
  install -d -m 0700 "/var/lib/$APP_SLUG"
  install -m 0600 "$LICENSE_FILE" "/var/lib/$APP_SLUG/license.yaml"
  printf 'version=%s\ncluster=%s\ninstance=%s\n' "$VERSION_LABEL" "$CLUSTER_ID" "$INSTANCE_ID" >"/var/lib/$APP_SLUG/install.env"
  detail "Recorded in /var/lib/$APP_SLUG"
fi
skipped

if report; then
  ec_event InstallationSucceeded true
  step "Checking in as the Replicated SDK (instance $INSTANCE_ID)"
  sdk_check_in
fi
echo "$APP_NAME $VERSION_LABEL is installed."
