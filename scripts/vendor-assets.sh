#!/usr/bin/env bash
# Copies the front-end packages the app serves into src/Mamori/wwwroot/lib, so the app runs on a
# closed network (LGWAN) without a CDN. The copied files are committed; run this only to upgrade.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tokens_version=${DESIGN_TOKENS_VERSION:-1.1.9}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@digital-go-jp/design-tokens@${tokens_version}" >/dev/null && tar xzf ./*.tgz)
dest="$root/src/Mamori/wwwroot/lib/design-tokens"
mkdir -p "$dest"
cp "$work/package/dist/tokens.css" "$dest/tokens.css"
cp "$work/package/LICENSE" "$dest/LICENSE"
echo "@digital-go-jp/design-tokens ${tokens_version}" > "$dest/VERSION"
echo "vendored @digital-go-jp/design-tokens ${tokens_version} into $dest"
