#!/usr/bin/env bash
# Refresh the vendored front-end assets from the npm registry.
# Usage: scripts/refresh-vendor-assets.sh [design-system-version] [htmx-version]
# The built files are committed under src/scaffolding/static/vendor/ so that
# running Scaffolding never needs node or the network.
set -euo pipefail
DS_VERSION="${1:-4.2.0}"
HTMX_VERSION="${2:-2.0.8}"
here="$(cd "$(dirname "$0")/.." && pwd)"
dest="$here/src/scaffolding/static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm pack --silent "@scottish-government/design-system@$DS_VERSION" >/dev/null
npm pack --silent "htmx.org@$HTMX_VERSION" >/dev/null
mkdir ds htmx
tar xzf scottish-government-design-system-*.tgz -C ds
tar xzf htmx.org-*.tgz -C htmx

rm -rf "$dest"
mkdir -p "$dest/design-system/css" "$dest/design-system/scripts" "$dest/design-system/images" "$dest/htmx"
cp ds/package/dist/css/design-system.min.css "$dest/design-system/css/"
cp ds/package/dist/scripts/design-system.js "$dest/design-system/scripts/"
cp -r ds/package/dist/images/icons "$dest/design-system/images/"
cp ds/package/LICENSE.txt "$dest/design-system/LICENSE.txt"
cp htmx/package/dist/htmx.min.js "$dest/htmx/"
cp htmx/package/LICENSE "$dest/htmx/LICENSE"
printf 'design-system %s\nhtmx.org %s\n' "$DS_VERSION" "$HTMX_VERSION" > "$dest/VERSIONS"
echo "Vendored @scottish-government/design-system $DS_VERSION and htmx.org $HTMX_VERSION into $dest"
