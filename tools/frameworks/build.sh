#!/usr/bin/env bash
# Builds one framework example (examples/frameworks/NAME) for the WeChat
# target with the framework's own CLI, installed from npm at the versions
# pinned in its package.json, in a scratch copy (nothing is written into the
# repository), with the shared examples/frameworks/draw.js as its src/draw.js.
# Prints the built mini-program folder on its last line.
#
#   tools/frameworks/build.sh taro-poster  SCRATCH   # Taro 4 (React, webpack 5)
#   tools/frameworks/build.sh uni-poster   SCRATCH   # uni-app 3 (Vue 3, Vite)
#   tools/frameworks/build.sh mpx-poster   SCRATCH   # mpx 2.10 (mpx-cli-service, webpack 5)
#
# Needs node and npm (the npm registry). The installed tree is reused when
# SCRATCH/NAME/node_modules exists and package.json is unchanged.
set -euo pipefail
name=${1:?usage: build.sh NAME SCRATCH}
scratch=${2:?usage: build.sh NAME SCRATCH}
here="$(cd "$(dirname "$0")/../.." && pwd)"
src="$here/examples/frameworks/$name"
[ -f "$src/package.json" ] || { echo "build.sh: no framework example '$name'" >&2; exit 2; }
work="$scratch/$name"
mkdir -p "$work"
# Sources only: the example's files over the scratch copy, old output gone.
rm -rf "$work/src" "$work/dist" "$work/config" "$work/static"
(cd "$src" && tar cf - --exclude=node_modules --exclude=dist .) | (cd "$work" && tar xf -)
# The poster drawing all the examples share, where their pages import it.
cp "$here/examples/frameworks/draw.js" "$work/src/draw.js"
cd "$work"
if ! cmp -s package.json node_modules/.installed-package.json 2>/dev/null; then
  npm install --no-package-lock --no-audit --no-fund --loglevel=error >&2
  cp package.json node_modules/.installed-package.json
fi
case "$name" in
  taro-poster)
    npx --no-install taro build --type weapp >&2
    echo "$work/dist"
    ;;
  uni-poster)
    npx --no-install uni build -p mp-weixin >&2
    echo "$work/dist/build/mp-weixin"
    ;;
  mpx-poster)
    npx --no-install mpx-cli-service build --targets=wx >&2
    echo "$work/dist/wx"
    ;;
  *)
    echo "build.sh: don't know how to build '$name'" >&2
    exit 2
    ;;
esac
