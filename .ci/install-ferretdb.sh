#!/usr/bin/env bash
# Installs FerretDB v1.24.2 (the MongoDB-protocol server the MongoDB suites run on) from its Go module.
# The module's archive lacks build/version/version.txt (generated in FerretDB's own repository), without which
# the binary refuses to start; so the module is built from a copy with that one file written.
set -euo pipefail
version=v1.24.2
bin="$(go env GOPATH)/bin/ferretdb"
if [ -x "$bin" ] && "$bin" --version 2>/dev/null | grep -q "version: $version"; then exit 0; fi
dir=$(go mod download -json "github.com/FerretDB/FerretDB@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$dir/." "$work"
chmod -R u+w "$work"
echo "$version" > "$work/build/version/version.txt"
(cd "$work" && go build -o "$bin" ./cmd/ferretdb)
"$bin" --version | head -1
