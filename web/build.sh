#!/usr/bin/env bash
# Build lactosim for the browser into a folder of static files (default web/dist):
# index.html, lactosim.js (wasm-bindgen's glue) and lactosim_bg.wasm. Serve the folder with any
# static file server, e.g. `python3 -m http.server 8000 --bind 127.0.0.1 -d web/dist`.
#
# Installs what is missing: the wasm32 target (rustup) and the wasm-bindgen command whose version
# is the wasm-bindgen crate's in Cargo.lock (they must match exactly).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-web/dist}
target_dir=${CARGO_TARGET_DIR:-target}

rustup target list --installed | grep -x wasm32-unknown-unknown >/dev/null ||
  rustup target add wasm32-unknown-unknown

version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
has_bindgen() { wasm-bindgen --version 2>/dev/null | grep -F " $version" >/dev/null; }
# First the project's own release build, if GitHub can be reached (seconds, checked against its
# published SHA-256); else from source (crates.io).
if ! has_bindgen && [ "$(uname -sm)" = "Linux x86_64" ] && command -v curl >/dev/null; then
  name=wasm-bindgen-$version-x86_64-unknown-linux-musl
  url=https://github.com/wasm-bindgen/wasm-bindgen/releases/download/$version/$name.tar.gz
  tmp=$(mktemp -d)
  if curl -fsSL --connect-timeout 10 --max-time 60 -o "$tmp/$name.tar.gz" "$url" &&
    curl -fsSL --connect-timeout 10 --max-time 30 -o "$tmp/$name.tar.gz.sha256" "$url.sha256" &&
    [ "$(sha256sum <"$tmp/$name.tar.gz" | cut -d' ' -f1)" = "$(cut -d' ' -f1 <"$tmp/$name.tar.gz.sha256")" ]; then
    tar -xzf "$tmp/$name.tar.gz" -C "$tmp"
    mkdir -p "${CARGO_HOME:-$HOME/.cargo}/bin"
    install -m 755 "$tmp/$name/wasm-bindgen" "${CARGO_HOME:-$HOME/.cargo}/bin/wasm-bindgen"
  fi
  rm -rf "$tmp"
fi
if ! has_bindgen; then
  echo "installing wasm-bindgen-cli $version (a few minutes, once)" >&2
  # Not --locked: its lock file names versions a crates.io mirror may not have yet. Without
  # default features: no TLS stack (it is for the test runner's downloads, not for bindgen).
  # --debug: it builds in half the time (104 s against 224 s here) and writes the same files,
  # in 4 s instead of 1.
  # --force: cargo may remember an install whose program has since gone.
  cargo install wasm-bindgen-cli --version "$version" --no-default-features --debug --force
fi

# The `web` profile (Cargo.toml): release code, no debug info, smaller.
cargo build --locked --profile web --target wasm32-unknown-unknown --bin lactosim
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-dir "$out" --out-name lactosim \
  "$target_dir/wasm32-unknown-unknown/web/lactosim.wasm"
cp web/index.html "$out/index.html"
wasm=$(wc -c <"$out/lactosim_bg.wasm")
gz=$(gzip -9 -c "$out/lactosim_bg.wasm" | wc -c)
echo "built $out: lactosim_bg.wasm $((wasm / 1024)) KiB ($((gz / 1024)) KiB gzipped)"
