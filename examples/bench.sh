#!/usr/bin/env bash
# NetForge's benchmark beside PyTorch's, in one run on one machine (the machine is shared and noisy: the ratio in
# the same run is what counts). For each AlexNet, batch 32 and 128, training and inference: images/s, GFLOP/s and
# peak memory of `netforge bench` and of examples/bench/pytorch_peer.py (when /usr/bin/python3 has torch), and the
# NetForge / PyTorch ratio; then the program build cold (empty caches) and warm.
#   examples/bench.sh                     everything (about 30 minutes on 2 cores)
#   examples/bench.sh alexnet-cifar 128   one network and batch
#   BENCH_ROUNDS=3 examples/bench.sh      more alternating rounds (default 2)
# Each figure is the best of BENCH_ROUNDS rounds, NetForge and PyTorch alternating, so that a noisy neighbour on a
# shared machine slows neither side alone; peak memory is the largest seen.
set -euo pipefail
rounds="${BENCH_ROUNDS:-2}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
networks=("${1:-alexnet-cifar}" ); [ $# -ge 1 ] || networks=(alexnet-cifar alexnet)
batches=("${2:-128}"); [ $# -ge 2 ] || batches=(32 128)
python=/usr/bin/python3
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
have_torch=0
if [ -x "$python" ] && "$python" -c 'import torch' 2>/dev/null; then have_torch=1; fi
[ $have_torch -eq 1 ] || echo "(no PyTorch at $python: NetForge's figures only; apt-get install -y python3-torch)"
# Debian's PyTorch runs convolutions with oneDNN but its dense layers with the system BLAS; the default BLAS is the
# slow reference one, which would flatter NetForge. Compare against OpenBLAS.
if [ $have_torch -eq 1 ] && ! readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null | grep -q openblas; then
  echo "(PyTorch's dense layers would use the reference BLAS here; for a fair peer: apt-get install -y libopenblas0-pthread)"
fi

"$here/netforge" devices | head -3
echo
printf '%-14s %5s %-6s %12s %12s %8s %10s %10s\n' network batch mode "NetForge/s" "PyTorch/s" ratio "NF GiB" "PT GiB"
best() { "$python" -c "import sys; print(max(sys.argv[1:], key=lambda v: float(v) if v != '-' else -1))" "$@"; }
for network in "${networks[@]}"; do
  for batch in "${batches[@]}"; do
    for mode in train infer; do
      nf_rates=(); nf_mems=(); pt_rates=(-); pt_mems=(-)
      for ((round = 1; round <= rounds; round++)); do
        "$here/netforge" bench --network "$network" --batch "$batch" --mode "$mode" --no-profile \
          --json "$out/nf.json" > "$out/nf.log"
        read -r rate mem <<< "$("$python" -c \
          "import json;d=json.load(open('$out/nf.json'));print(d['${mode}_images_per_s'],d.get('peak_rss_gib',0))")"
        nf_rates+=("$rate"); nf_mems+=("$mem")
        if [ $have_torch -eq 1 ]; then
          read -r rate mem <<< "$("$python" "$here/bench/pytorch_peer.py" "$network" "$mode" --batch "$batch" |
            tail -n 1 | "$python" -c "import json,sys;d=json.loads(sys.stdin.read());print(d['images_per_s'],d['peak_rss_gib'])")"
          pt_rates+=("$rate"); pt_mems+=("$mem")
        fi
      done
      nf_rate=$(best "${nf_rates[@]}"); nf_mem=$(best "${nf_mems[@]}")
      pt_rate=$(best "${pt_rates[@]}"); pt_mem=$(best "${pt_mems[@]}")
      ratio="-"
      [ "$pt_rate" = "-" ] || ratio=$("$python" -c "print(f'{$nf_rate/$pt_rate:.2f}x')")
      printf '%-14s %5s %-6s %12s %12s %8s %10s %10s\n' "$network" "$batch" "$mode" "$nf_rate" "$pt_rate" "$ratio" \
        "$nf_mem" "$pt_mem"
    done
  done
done

echo
echo "Program build of the classic AlexNet, cold (empty NetForge and PoCL caches) and warm, and the first training"
echo "step after it (PoCL compiles each kernel at its first launch, so a cold first step includes that compile):"
cache="$out/cache"
for run in cold warm; do
  POCL_CACHE_DIR="$cache/pocl" NETFORGE_JAVA_OPTS="-Xmx8g -Dnetforge.cache.dir=$cache/netforge" \
    "$here/netforge" bench --network alexnet --batch 1 --mode train --steps 1 --warmup 0 --no-profile --no-tune |
    grep -E '^(program build|train step)' | sed "s/^/$run: /"
done
echo
echo "The GEMM kernel alone:"
"$here/netforge" bench --network alexnet-cifar --gemm --mode infer --steps 1 --warmup 0 --no-profile | grep '^GEMM'

echo
echo "Per-layer kernel times, and each stage as a share of the GEMM kernel's own rate: examples/netforge bench \\"
echo "  --network alexnet-cifar --batch 128 --mode train --gemm"
