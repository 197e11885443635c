#!/usr/bin/env bash
# Compile-time cost of #[derive(Layout)], as ratios against #[derive(Debug)] measured in the
# same run. Generates three crates of the same 1,000 repr(C) structs (4-12 primitive fields,
# seeded) that differ only in the derive line:
#   debug   #[derive(Debug)]
#   layout  #[derive(Layout)]                                   (no policy; budget <= 1.3x)
#   policy  #[derive(Layout)] #[layout(targets = "all", optimal)] (budget <= 2x)
# and times `cargo check` of each crate alone (dependencies built beforehand), best of N rounds.
# A fourth crate, `expanded`, is the `layout` crate with the derive already expanded (its output
# pasted in by rustc's `-Zunpretty=expanded`, RUSTC_BOOTSTRAP=1): the cost of the generated code
# alone, a floor no derive emitting it can go under.
#
# Usage: benches/compile-time/run.sh [structs=1000] [rounds=5]
#   OPTIMIZED_MACROS=1 builds proc macros (syn, the derive) with optimisations in all three crates
#   (`[profile.dev.build-override] opt-level = 3`), as large projects often configure.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
structs="${1:-1000}"
runs="${2:-5}"
work="${CARGO_TARGET_DIR:-$root/target}/bench-compile-time"
mkdir -p "$work"

types=(u8 i8 bool u16 i16 u32 i32 f32 char u64 i64 f64 u128 i128)
sizes=(1 1 1 2 2 4 4 4 4 8 8 8 16 16)

# One struct body per line, fields sorted by decreasing size: no padding between fields on any
# target, so `optimal` holds everywhere and all three crates compile.
generate_bodies() {
    RANDOM=20240611
    for ((s = 0; s < structs; s++)); do
        local n=$((4 + RANDOM % 9)) fields=()
        for ((f = 0; f < n; f++)); do
            local k=$((RANDOM % ${#types[@]}))
            fields+=("${sizes[$k]} f$f: ${types[$k]},")
        done
        printf '%s\n' "${fields[@]}" | sort -s -t' ' -k1,1nr | cut -d' ' -f2- | tr '\n' ' '
        echo
    done
}

make_crate() { # name, derive lines
    local dir="$work/$1"
    mkdir -p "$dir/src"
    cat > "$dir/Cargo.toml" <<TOML
[package]
name = "bench-$1"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
layout-core = { path = "$root/layout-core" }

[workspace]
TOML
    if [[ "${OPTIMIZED_MACROS:-0}" == 1 ]]; then
        printf '\n[profile.dev.build-override]\nopt-level = 3\n' >> "$dir/Cargo.toml"
    fi
    {
        echo "#![allow(dead_code)]"
        [[ "$2" == *Layout* ]] && echo "use layout_core::Layout;"
        local i=0
        while IFS= read -r body; do
            printf '%s\n#[repr(C)]\npub struct S%d { %s}\n' "$2" "$i" "$body"
            i=$((i + 1))
        done < "$work/bodies.txt"
    } > "$dir/src/lib.rs"
}

generate_bodies > "$work/bodies.txt"
make_crate debug '#[derive(Debug)]'
make_crate layout '#[derive(Layout)]'
make_crate policy '#[derive(Layout)]
#[layout(targets = "all", optimal)]'

export CARGO_TARGET_DIR="$work/target"

# The `layout` crate expanded, without the nightly-only prelude lines of the pretty-printer and
# without the import of the derive (the output names everything by absolute path).
make_crate expanded "" # for its manifest: the source is replaced below
RUSTC_BOOTSTRAP=1 cargo rustc -q --profile=check --manifest-path "$work/layout/Cargo.toml" \
    -- -Zunpretty=expanded |
    grep -v -e '^#!\[feature(prelude_import)\]' -e '^#\[prelude_import\]' \
        -e '^use std::prelude::rust_2024::\*;' -e '^extern crate std;' \
        -e '^use layout_core::Layout;' > "$work/expanded/src/lib.rs"

for c in debug layout policy expanded; do
    cargo check -q --manifest-path "$work/$c/Cargo.toml" # dependencies, and a warm-up
done

# Rounds of one `cargo check` per crate, interleaved so that a slow spell of the machine hits all
# of them alike; each crate's best time over the rounds.
declare -A best
for ((r = 0; r < runs; r++)); do
    for c in debug layout policy expanded; do
        touch "$work/$c/src/lib.rs"
        t0=$(date +%s.%N)
        cargo check -q --manifest-path "$work/$c/Cargo.toml"
        t1=$(date +%s.%N)
        t=$(echo "$t1 - $t0" | bc -l)
        if [[ -z "${best[$c]:-}" ]] || (($(echo "$t < ${best[$c]}" | bc -l))); then best[$c]="$t"; fi
    done
done
debug=${best[debug]}
layout=${best[layout]}
policy=${best[policy]}
expanded=${best[expanded]}
printf '%-48s %8s %7s\n' "crate ($structs repr(C) structs, cargo check)" seconds ratio
printf '%-48s %8.2f %7s\n' "#[derive(Debug)]" "$debug" "1.00x"
printf '%-48s %8.2f %6.2fx  (budget 1.3x)\n' "#[derive(Layout)]" "$layout" "$(echo "$layout / $debug" | bc -l)"
printf '%-48s %8.2f %6.2fx  (budget 2x)\n' "#[derive(Layout)] targets = \"all\", optimal" "$policy" "$(echo "$policy / $debug" | bc -l)"
printf '%-48s %8.2f %6.2fx  (generated code alone)\n' "#[derive(Layout)] pre-expanded" "$expanded" "$(echo "$expanded / $debug" | bc -l)"
