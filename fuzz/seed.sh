#!/usr/bin/env bash
# Seed each fuzz target's corpus with real inputs, so that the fuzzer starts from files that read
# and mutates them: the shipped presets for read_preset, and each preset kept as the explorer
# keeps its state (working scenario, as saved, baseline, view) for read_state.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/read_preset corpus/read_state
for f in ../presets/*.ron; do
  name=$(basename "$f" .ron)
  cp "$f" "corpus/read_preset/$name.ron"
  preset=$(cat "$f")
  printf '(document: Some((scenario: %s, path: Some("/tmp/%s.ron"), saved: %s)), recent: ["/tmp/%s.ron"], visible_plots: Some([Supply, Breasts, Sodium]), known_plots: Some([Supply, Breasts, Hormones, Medicine, Composition, Sodium]), tab: Compare, baseline: Some(%s))\n' \
    "$preset" "$name" "$preset" "$name" "$preset" > "corpus/read_state/$name.ron"
done
printf '()' > corpus/read_state/empty.ron
echo "seeded $(ls corpus/read_preset | wc -l) presets and $(ls corpus/read_state | wc -l) states"
