#!/usr/bin/env bash
# Compile-time cost of #[derive(Layout)], as ratios against #[derive(Debug)] measured in the
# same run, on 1,000 generated repr(C) structs (4-12 primitive fields, seeded) that are
# padding-free (fields by decreasing size, a tail of u8 fields up to the alignment) so that every
# derive below compiles. Crates that differ only in the derive line:
#   debug     #[derive(Debug)]                                          (the baseline)
#   floor     a syn-based derive that parses the input and emits one const size assertion:
#             the floor of any derive that checks a layout
#   layout    #[derive(Layout)]                                         (no policy)
#   policy    #[derive(Layout)] #[layout(targets = "all", optimal)]
#   bytemuck  #[derive(Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]  (a padding check users accept)
#   zerocopy  #[derive(zerocopy::IntoBytes, zerocopy::Immutable, zerocopy::KnownLayout)]
#   expanded  the `layout` crate with the derive already expanded (rustc's -Zunpretty=expanded,
#             RUSTC_BOOTSTRAP=1): what the generated code alone costs; and the same without one
#             kind of generated item each (per-item cost): no-doc (the rustdoc table), no-confirm
#             (`same_types`, `same_prims`), no-expect (the const size/align assertion), no-impls
#             (the `Layout` and `Model` impls)
#   replay    the same expansion made by a proc macro that does no work: it parses the input with
#             syn and returns the struct's items of the `expanded` source as text: what any derive
#             that generates this code costs, however fast it is
#   none      the structs without any derive: what every crate above pays before its derive
# and, on the same structs in random field order (with padding, as users' structs are before
# they fix them): debug-random, layout-random.
# Each crate is timed with `cargo check` alone (dependencies built beforehand): CPU seconds
# (user + system of cargo and rustc), best of N interleaved rounds.
#
# Usage: benches/compile-time/run.sh [structs=1000] [rounds=7]
#   OPTIMIZED_MACROS=1 builds proc macros (syn, the derives) with optimisations in every crate
#   (`[profile.dev.build-override] opt-level = 3`), as large projects often configure.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
structs="${1:-1000}"
runs="${2:-7}"
work="${CARGO_TARGET_DIR:-$root/target}/bench-compile-time"
mkdir -p "$work"

types=(u8 i8 u16 i16 u32 i32 f32 u64 i64 f64 u128 i128)
sizes=(1 1 2 2 4 4 4 8 8 8 16 16)

# One struct body per line, fields sorted by decreasing size, then u8 fields up to a multiple of
# the largest alignment (here the largest size): no padding on x86_64, so every derive compiles
# and `optimal` holds. The random-order bodies are the same fields unsorted, without the tail.
generate_bodies() {
    RANDOM=20240611
    : > "$work/random.txt"
    for ((s = 0; s < structs; s++)); do
        local n=$((4 + RANDOM % 9)) fields=() total=0 max=1
        for ((f = 0; f < n; f++)); do
            local k=$((RANDOM % ${#types[@]}))
            fields+=("${sizes[$k]} f$f: ${types[$k]},")
            total=$((total + sizes[k]))
            ((sizes[k] > max)) && max=${sizes[$k]}
        done
        printf '%s ' "${fields[@]#* }" >> "$work/random.txt"
        echo >> "$work/random.txt"
        local pad=$(((max - total % max) % max)) tail=""
        for ((p = 0; p < pad; p++)); do tail+="t$p: u8, "; done
        printf '%s\n' "${fields[@]}" | sort -s -t' ' -k1,1nr | cut -d' ' -f2- | tr '\n' ' '
        echo "$tail"
    done
}

make_crate() { # name, derive lines, bodies file
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
bytemuck = { version = "1", features = ["derive"] }
zerocopy = { version = "0.8", features = ["derive"] }
floor-derive = { path = "$work/floor-derive" }
replay-derive = { path = "$work/replay-derive" }

[workspace]
TOML
    if [[ "${OPTIMIZED_MACROS:-0}" == 1 ]]; then
        printf '\n[profile.dev.build-override]\nopt-level = 3\n' >> "$dir/Cargo.toml"
    fi
    {
        echo "#![allow(dead_code)]"
        [[ "$2" == *"derive(Layout)"* ]] && echo "use layout_core::Layout;"
        local i=0
        while IFS= read -r body; do
            printf '%s\n#[repr(C)]\npub struct S%d { %s}\n' "$2" "$i" "$body"
            i=$((i + 1))
        done < "${3:-$work/bodies.txt}"
    } > "$dir/src/lib.rs"
}

# The floor: parse the input with syn, emit one const assertion of the size.
mkdir -p "$work/floor-derive/src"
cat > "$work/floor-derive/Cargo.toml" <<TOML
[package]
name = "floor-derive"
version = "0.0.0"
edition = "2024"
publish = false

[lib]
proc-macro = true

[dependencies]
syn = { version = "2", features = ["full"] }
quote = "1"
proc-macro2 = "1"
TOML
# The replay: the `layout` crate's expansion, split per struct, returned by name.
mkdir -p "$work/replay-derive/src"
sed -e 's/^name = "floor-derive"/name = "replay-derive"/' "$work/floor-derive/Cargo.toml" \
    > "$work/replay-derive/Cargo.toml"
cat > "$work/replay-derive/src/lib.rs" <<RUST
use std::collections::HashMap;
use std::sync::OnceLock;

/// Each struct's items in the expanded source: the text after its definition, up to the next.
fn items() -> &'static HashMap<String, String> {
    static ITEMS: OnceLock<HashMap<String, String>> = OnceLock::new();
    ITEMS.get_or_init(|| {
        let source = std::fs::read_to_string("$work/expanded/src/lib.rs").unwrap();
        source
            .split("#[repr(C)]\npub struct ")
            .skip(1)
            .map(|chunk| {
                let name = chunk.split(' ').next().unwrap().to_owned();
                let after = chunk.split_once("\n}\n").unwrap().1.to_owned();
                (name, after)
            })
            .collect()
    })
}

#[proc_macro_derive(Layout, attributes(layout))]
pub fn replay(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    items()[&input.ident.to_string()].parse().unwrap()
}
RUST
cat > "$work/floor-derive/src/lib.rs" <<'RUST'
#[proc_macro_derive(Floor)]
pub fn floor(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    let name = &input.ident;
    quote::quote!(const _: () = assert!(::core::mem::size_of::<#name>() < usize::MAX);).into()
}
RUST

generate_bodies > "$work/bodies.txt"
make_crate debug '#[derive(Debug)]'
make_crate none ''
make_crate floor '#[derive(floor_derive::Floor)]'
make_crate layout '#[derive(Layout)]'
make_crate policy '#[derive(Layout)]
#[layout(targets = "all", optimal)]'
make_crate bytemuck '#[derive(Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]'
make_crate zerocopy '#[derive(zerocopy::IntoBytes, zerocopy::Immutable, zerocopy::KnownLayout)]'
make_crate debug-random '#[derive(Debug)]' "$work/random.txt"
make_crate layout-random '#[derive(Layout)]' "$work/random.txt"

export CARGO_TARGET_DIR="$work/target"

# The `layout` crate expanded, without the nightly-only prelude lines of the pretty-printer and
# without the import of the derive (the output names everything by absolute path); and three
# copies without one kind of generated item each.
make_crate expanded "" # for its manifest: the source is replaced below
RUSTC_BOOTSTRAP=1 cargo rustc -q --profile=check --manifest-path "$work/layout/Cargo.toml" \
    -- -Zunpretty=expanded |
    grep -v -e '^#!\[feature(prelude_import)\]' -e '^#\[prelude_import\]' \
        -e '^use std::prelude::rust_2024::\*;' -e '^extern crate std;' \
        -e '^use layout_core::Layout;' > "$work/expanded/src/lib.rs"
without() { # name, perl substitution on the expanded source
    make_crate "$1" ""
    perl -0pe "$2" "$work/expanded/src/lib.rs" > "$work/$1/src/lib.rs"
}
without no-doc 's{#\[doc =\s*"The layout of.*?"\]\n}{}gs'
without no-confirm 's{::layout_core::__private_\w+::same_(?:types|prims)::<.*?>\(.*?\);}{}gs'
without no-expect 's{::layout_core::__private_\w+::expect::<.*?\)(\s*\};)}{$1}gs'
without no-impls 's{#\[automatically_derived\]\nimpl ::layout_core::(?:Layout for \w+ \{ \}|Model for \w+ \{.*?\n\})\n}{}gs'
make_crate replay '#[derive(replay_derive::Layout)]'
for c in no-doc no-confirm no-expect no-impls; do
    if cmp -s "$work/$c/src/lib.rs" "$work/expanded/src/lib.rs"; then
        echo "$c: the pattern removed nothing (the expansion changed shape): fix the bench" >&2
        exit 1
    fi
done

crates=(none debug floor layout policy bytemuck zerocopy expanded no-doc no-confirm no-expect
    no-impls replay debug-random layout-random)
for c in "${crates[@]}"; do
    cargo check -q --manifest-path "$work/$c/Cargo.toml" # dependencies, and a warm-up
done

# Rounds of one `cargo check` per crate, interleaved so that a slow spell of the machine hits all
# of them alike; each crate's best time over the rounds.
declare -A best
for ((r = 0; r < runs; r++)); do
    for c in "${crates[@]}"; do
        touch "$work/$c/src/lib.rs"
        # CPU seconds (user + system, cargo and rustc), not wall time: steadier when the
        # machine is shared.
        TIMEFORMAT='%U %S'
        t=$({ time cargo check -q --manifest-path "$work/$c/Cargo.toml" 2>/dev/null; } 2>&1 | tail -1 |
            awk '{ print $1 + $2 }')
        if [[ -z "${best[$c]:-}" ]] || (($(echo "$t < ${best[$c]}" | bc -l))); then best[$c]="$t"; fi
    done
done
row() { # label, crate, baseline crate, note
    printf '%-56s %7.2f %6.2fx  %s\n' "$1" "${best[$2]}" "$(echo "${best[$2]} / ${best[$3]}" | bc -l)" "$4"
}
printf '%-56s %7s %7s\n' "crate ($structs repr(C) structs, cargo check)" "cpu s" ratio
row "no derive (the structs alone)" none debug ""
row "#[derive(Debug)]" debug debug ""
row "floor: syn parse + one const size assertion" floor debug ""
row "#[derive(Layout)]" layout debug "(target 1.5x)"
row "#[derive(Layout)] targets = \"all\", optimal" policy debug "(target 1.5x)"
row "bytemuck Pod + Zeroable (+ Clone, Copy)" bytemuck debug ""
row "zerocopy IntoBytes + Immutable + KnownLayout" zerocopy debug ""
row "#[derive(Layout)] pre-expanded (generated code alone)" expanded debug ""
row "  ... without the rustdoc table" no-doc debug ""
row "  ... without the confirmation of the names" no-confirm debug ""
row "  ... without the const size/align assertion" no-expect debug ""
row "  ... without the Layout and Model impls" no-impls debug ""
row "the expansion replayed by a macro that does no work" replay debug ""
row "#[derive(Debug)], fields in random order" debug-random debug-random ""
row "#[derive(Layout)], fields in random order" layout-random debug-random "(target 1.5x)"
