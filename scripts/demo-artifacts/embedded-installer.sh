#!/usr/bin/env bash
# __APP_NAME__ installer: Portico's demo stand-in for an Embedded Cluster binary (issue 3, issue 7).
# It installs no Kubernetes. It walks through the steps of an install and reports them to the
# portal with exactly the requests the real clients send (reference B3, B5): the Embedded Cluster
# installer's events (embedded-cluster pkg/metrics), then the Replicated SDK's check-in
# (replicated-sdk pkg/report). Like them, it authenticates with the license ID alone. Run as root
# without --dry-run, it also records the install under /var/lib/__APP_SLUG__.
#
# portico-demo-installer: release placeholders
# The line above tells the portal to write this download's release into the values below, as the
# vendor platform builds the release into a real binary (server/wire/embedded-cluster/demo-installer.ts).
set -euo pipefail

APP_SLUG='__APP_SLUG__'
APP_NAME='__APP_NAME__'
CHANNEL_ID='__CHANNEL_ID__'
CHANNEL_SLUG='__CHANNEL_SLUG__'
VERSION_LABEL='__VERSION_LABEL__'
CHANNEL_SEQUENCE='__CHANNEL_SEQUENCE__'
EC_VERSION='2.4.0+k8s-1.31'
K8S_VERSION='v1.31.4+k0s'
SDK_VERSION='v1.0.0'
# The one host preflight check --fail fails, as the installer's preflight output records it.
FAILED_CHECK_TITLE='CPU cores'
FAILED_CHECK_MESSAGE='at least 2 CPU cores are required'

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
# Sent with the events as the installer sends its flags: those given, in name order, each as
# `--name value`, with a proxy URL (which may hold credentials) redacted (pkg/metrics/util.go).
FLAGS="${AIRGAP_BUNDLE:+--airgap-bundle $AIRGAP_BUNDLE }"
[ "$DRY_RUN" = 1 ] && FLAGS="$FLAGS--dry-run "
[ "$FAIL" = 1 ] && FLAGS="$FLAGS--fail "
FLAGS="$FLAGS${PROXY_URL:+--https-proxy ***** }--license $LICENSE_FILE"

[ -n "$LICENSE_FILE" ] || die "--license is required (see --help)"
# The release is written in when the portal hands the installer out; a copy from anywhere else has none.
[ "${VERSION_LABEL#__}" = "$VERSION_LABEL" ] ||
  die "this installer has no release built in: download it from the portal again"
if [ "$DRY_RUN" != 1 ] && [ "$(id -u)" != 0 ]; then
  die "run this as root: sudo ./$APP_SLUG install --license $LICENSE_FILE (or add --dry-run)"
fi
[ -r "$LICENSE_FILE" ] || die "cannot read the license file $LICENSE_FILE"

# A field of the license's spec, on its own `  name: value` line. Portico writes values in double
# quotes (server/releases/license-yaml.ts); a license the vendor platform issued may leave them bare.
license_field() {
  sed -n "s/^  $1: *//p" "$LICENSE_FILE" | head -n 1 | tr -d '\r' |
    sed 's/[[:space:]]*$//; s/^"\(.*\)"$/\1/; s/^'"'"'\(.*\)'"'"'$/\1/'
}
required_field() {
  local value
  value=$(license_field "$1")
  [ -n "$value" ] || die "$LICENSE_FILE has no spec.$1: download the bundle from the portal again"
  printf '%s' "$value"
}
ENDPOINT=$(required_field endpoint)
ENDPOINT=${ENDPOINT%/}
LICENSE_ID=$(required_field licenseID)
LICENSE_APP=$(required_field appSlug)
LICENSE_CHANNEL_ID=$(required_field channelID)
CUSTOMER=$(license_field customerName)
CHANNEL_NAME=$(license_field channelName)
[ "$LICENSE_APP" = "$APP_SLUG" ] || die "this license is for $LICENSE_APP, not $APP_SLUG"
# As the installer's checkChannelExistence (cmd/installer/cli/install.go): the license must hold
# the channel built into the binary.
[ "$LICENSE_CHANNEL_ID" = "$CHANNEL_ID" ] ||
  die "binary channel $CHANNEL_ID ($CHANNEL_SLUG) not present in license, channels allowed by license are: ${CHANNEL_NAME:-?} ($LICENSE_CHANNEL_ID)"

if [ -n "$AIRGAP_BUNDLE" ]; then
  [ "$(license_field isAirgapSupported)" = true ] || die "this license does not allow air gap installs"
  [ -r "$AIRGAP_BUNDLE" ] || die "cannot read the air gap bundle $AIRGAP_BUNDLE"
  BUNDLE_VERSION=$(sed -n 's/^version: *//p' "$AIRGAP_BUNDLE" | head -n 1)
  [ "$BUNDLE_VERSION" = "$VERSION_LABEL" ] ||
    die "the air gap bundle is for version ${BUNDLE_VERSION:-unknown}, this installer for $VERSION_LABEL"
fi

sha() { printf '%s' "$1" | sha256sum | cut -c1-"$2"; }
uuid() {
  local hex
  hex=$(cat /proc/sys/kernel/random/uuid 2>/dev/null || sha "$1:$$:$(date +%s%N):$RANDOM" 32)
  hex=${hex//-/}
  printf '%s-%s-%s-%s-%s' "${hex:0:8}" "${hex:8:4}" "${hex:12:4}" "${hex:16:4}" "${hex:20:12}"
}
HOST=$(printf '%s' "${HOSTNAME:-$(uname -n)}" | tr '[:upper:]' '[:lower:]')
# A new cluster ID for every install, as the installer makes one (uuid.New() in install.go): the
# cluster claims the install attempt it joins (docs/decisions/008), so a re-run after a failure
# joins the new attempt rather than the failed one.
CLUSTER_ID=$(uuid cluster)
EXECUTION_ID=$(uuid execution)
# The SDK's own IDs in the new cluster: its replicated ID (X-Replicated-ClusterID) and app ID.
REPLICATED_ID=$(uuid replicated)
INSTANCE_ID=$(sha "instance:$CLUSTER_ID" 27)

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

# POSTs JSON to the portal with the headers given (curl's own Accept removed: Go sends none).
# Sets STATUS and MESSAGE (the portal's error message, if any); fails only when it cannot connect.
send() {
  local path=$1 body=$2
  shift 2
  STATUS=$(curl "${CURL_OPTS[@]}" -o "$RESPONSE" -w '%{http_code}' -X POST -H 'Accept:' \
    -H 'Content-Type: application/json' "$@" --data-binary "$body" "$ENDPOINT$path") || return 1
  MESSAGE=$(sed -n 's/.*"message":"\([^"]*\)".*/\1/p' "$RESPONSE" | head -n 1)
}
warn() { echo "Warning: $*" >&2; }

# An Embedded Cluster event (pkg/metrics: reporter.go, sender.go, util.go): no Authorization, the
# envelope {"event":…,"versions":…}, its own path for InstallationStarted and GenericEvent for the
# rest. The installer only logs an answer other than 200 at debug level and carries on; the demo
# carries on too, but says so.
ec_event() {
  local path=$1 name=$2 fields=$3
  local body
  body="{\"event\":{$fields},\"versions\":{\"EmbeddedCluster\":$(json "$EC_VERSION"),\"Kubernetes\":$(json "$K8S_VERSION")}}"
  if ! send "/embedded_cluster_metrics/$path" "$body" -H "User-Agent: Embedded-Cluster/$EC_VERSION"; then
    warn "could not send the $name event to $ENDPOINT; carrying on, as Embedded Cluster does"
  elif [ "$STATUS" != 200 ]; then
    warn "the portal answered $STATUS to the $name event${MESSAGE:+: $MESSAGE}; carrying on, as Embedded Cluster does"
  fi
}
# The fields every event carries (types.GenericEvent), in the installer's order.
generic_fields() {
  local type=$1 reason=$2 exit_event=$3
  printf '"executionID":%s,"clusterID":%s,"version":%s,"hostname":%s,"entryCommand":"install","flags":%s,"eventType":%s,"reason":%s,"isExitEvent":%s' \
    "$(json "$EXECUTION_ID")" "$(json "$CLUSTER_ID")" "$(json "$EC_VERSION")" "$(json "$HOST")" \
    "$(json "$FLAGS")" "$(json "$type")" "$(json "$reason")" "$exit_event"
}
installation_started() {
  ec_event InstallationStarted InstallationStarted "$(generic_fields InstallationStarted '' false),\"binaryName\":$(json "$APP_SLUG"),\"type\":\"centralized\",\"licenseID\":$(json "$LICENSE_ID"),\"appChannelID\":$(json "$CHANNEL_ID"),\"appVersion\":$(json "$VERSION_LABEL")"
}
installation_succeeded() {
  ec_event GenericEvent InstallationSucceeded "$(generic_fields InstallationSucceeded '' true)"
}
# A failed host preflight: the installer reports PreflightsFailed with its output and stops. It
# sends no InstallationFailed after it, since its preflight error is a metrics.ErrorNoFail.
preflights_failed() {
  local record output
  record="{\"title\":$(json "$FAILED_CHECK_TITLE"),\"message\":$(json "$FAILED_CHECK_MESSAGE"),\"strict\":false}"
  local passed='[{"title":"Memory","message":"The system has enough memory","strict":false},{"title":"Disk space","message":"The system has enough disk space","strict":false}]'
  output="{\"pass\":$passed,\"warn\":null,\"fail\":[$record]}"
  ec_event GenericEvent PreflightsFailed "$(generic_fields PreflightsFailed '' false),\"nodeName\":$(json "$HOST"),\"preflightOutput\":$(json "$output")"
}

# The Replicated SDK's check-in once the app is up (replicated-sdk pkg/report: instance.go,
# util.go): Basic licenseID:licenseID, and its headers in Go's canonical spelling.
sdk_check_in() {
  local ns=$APP_SLUG
  local states="[{\"kind\":\"deployment\",\"name\":\"$APP_SLUG-api\",\"namespace\":\"$ns\",\"state\":\"ready\"},{\"kind\":\"deployment\",\"name\":\"$APP_SLUG-web\",\"namespace\":\"$ns\",\"state\":\"ready\"},{\"kind\":\"statefulset\",\"name\":\"$APP_SLUG-db\",\"namespace\":\"$ns\",\"state\":\"ready\"}]"
  local images
  images="{\"registry.$APP_SLUG.example/$APP_SLUG/api\":[\"sha256:$(sha "api:$VERSION_LABEL" 64)\"],\"registry.$APP_SLUG.example/$APP_SLUG/web\":[\"sha256:$(sha "web:$VERSION_LABEL" 64)\"]}"
  local basic path=/kots_metrics/license_instance/info
  basic=$(printf '%s:%s' "$LICENSE_ID" "$LICENSE_ID" | base64 | tr -d '\n')
  send "$path" "{\"resource_states\":$(json "$states"),\"running_images\":$images}" \
    -H "User-Agent: Replicated-SDK/$SDK_VERSION" \
    -H "Authorization: Basic $basic" \
    -H "X-Replicated-K8sversion: $K8S_VERSION" \
    -H "X-Replicated-Clusterid: $REPLICATED_ID" \
    -H "X-Replicated-Instanceid: $INSTANCE_ID" \
    -H "X-Replicated-Appstatus: ready" \
    -H "X-Replicated-Downstreamchannelid: $CHANNEL_ID" \
    -H "X-Replicated-Downstreamchannelsequence: $CHANNEL_SEQUENCE" \
    -H "X-Replicated-K8sdistribution: embedded-cluster" \
    -H "X-Replicated-Embeddedclusterid: $CLUSTER_ID" \
    -H "X-Replicated-Embeddedclusterversion: $EC_VERSION" ||
    die "could not reach the portal at $ENDPOINT (the Replicated SDK's check-in, POST $path)"
  # The SDK would retry a refused check-in later, unseen; the demo stops and says why, so the
  # customer can act on it (an expired license, a license the portal does not know).
  [ "$STATUS" = 200 ] || die "the portal answered $STATUS to the Replicated SDK's check-in (POST $path)${MESSAGE:+: $MESSAGE}"
}

ONLINE=1
[ -n "$AIRGAP_BUNDLE" ] && ONLINE=0
report() { [ "$ONLINE" = 1 ]; }
skipped() { if [ "$DRY_RUN" = 1 ]; then detail "(dry run: skipped)"; fi; }

step "$APP_NAME $VERSION_LABEL installer (Embedded Cluster $EC_VERSION)"
detail "License: ${CUSTOMER:-unknown customer}, channel ${CHANNEL_NAME:-$CHANNEL_SLUG}"
detail "Cluster $CLUSTER_ID on $HOST"
[ "$DRY_RUN" = 1 ] && detail "Dry run: nothing on this host changes."
if report; then
  detail "Reporting to $ENDPOINT${PROXY_URL:+ through the proxy $PROXY_URL}"
  installation_started
else
  # The installer sends no metrics in air gap mode (cmd/installer/cli/root.go, DisableMetrics).
  detail "Air gap: nothing is sent out. Add this instance in the portal by hand or from a support bundle."
  step "Loading the air gap bundle $AIRGAP_BUNDLE"
fi

step "Running host preflight checks"
if [ "$FAIL" = 1 ]; then
  detail "✗ $FAILED_CHECK_TITLE: $FAILED_CHECK_MESSAGE"
  report && preflights_failed
  die "host preflight failed: $FAILED_CHECK_MESSAGE"
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
  installation_succeeded
  step "Checking in as the Replicated SDK (instance $INSTANCE_ID)"
  sdk_check_in
fi
echo "$APP_NAME $VERSION_LABEL is installed."
