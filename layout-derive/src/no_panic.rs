//! The macro never panics: thousands of generated inputs (valid and invalid attributes, every
//! shape and repr, odd types) and token-level mutations of them go through `expand::derive`.

use proc_macro2::{TokenStream, TokenTree};

/// SplitMix64: seeded, so a failure is reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const TYPES: &[&str] = &[
    "u8",
    "u64",
    "i16",
    "bool",
    "char",
    "f64",
    "usize",
    "u128",
    "()",
    "*const u8",
    "&'static str",
    "Box<[u8]>",
    "Option<&'static u32>",
    "fn(u8) -> u8",
    "[u32; 3]",
    "[[u8; 2]; 1 << 3]",
    "[u8; N]",
    "[u64; 0xFFFF_FFFF_FFFF_FFFF]",
    "[[u8; 0xFFFFFFFF]; 0xFFFFFFFF]",
    "T",
    "Vec<T>",
    "String",
    "(u8, u16)",
    "Option<u32>",
    "core::ffi::c_long",
    "c_int",
    "AtomicU64",
    "std::sync::atomic::AtomicPtr<u8>",
    "PhantomData<T>",
    "NonZeroU32",
    "Inner",
    "Self",
    "<T as Tr>::X",
    "dyn Fn()",
    "[u8]",
    "impl Copy",
    "Cell<u16>",
];
const STRUCT_KEYS: &[&str] = &[
    "optimal",
    "warn",
    "max_padding = 0",
    "max_padding = 8",
    "size = 16",
    "align = 8",
    "align = 3",
    "cache_line = 64",
    "cache_line = 0",
    "targets = \"64, 32, 16\"",
    "targets = \"all\"",
    "targets = \"\"",
    "targets = \"nope\"",
    "targets = 64",
    "size",
    "optimal = 1",
    "maxpadding = 1",
    "hot",
    "bound = \"T: Copy\"",
    "bound = \"T:\"",
    "crate = \"::layout_core\"",
    "crate = \"1\"",
    "size = 99999999999999999999999",
    "max_padding = -1",
    "align(8)",
    "max_variant_ratio = 2",
    "crate = \"lc\"",
];
const FIELD_KEYS: &[&str] = &[
    "hot",
    "pinned",
    "separate_line",
    "host_only",
    "optimal",
    "hot = 1",
    "pined",
    "hot(1)",
];
const REPRS: &[&str] = &[
    "",
    "#[repr(C)]",
    "#[repr(C, packed)]",
    "#[repr(C, packed(2))]",
    "#[repr(C, align(16))]",
    "#[repr(transparent)]",
    "#[repr(C, packed, align(4))]",
    "#[repr(align(0))]",
    "#[repr(u8)]",
    "#[repr(C, u8)]",
    "#[repr(i32)]",
    "#[repr(C)] #[repr(transparent)]",
    "#[repr(packed(3))]",
    "#[repr(Rust)]",
    "#[repr(simd)]",
];

fn generate(rng: &mut Rng) -> String {
    let mut s = String::new();
    s.push_str(rng.pick(REPRS));
    for _ in 0..rng.below(3) {
        let keys: Vec<&str> = (0..1 + rng.below(3))
            .map(|_| rng.pick(STRUCT_KEYS))
            .collect();
        s.push_str(&format!("#[layout({})]", keys.join(", ")));
    }
    let generics = rng.pick(&["", "<T>", "<'a, T: ?Sized>", "<T, const N: usize>"]);
    let n = rng.below(7);
    let field_attrs = |rng: &mut Rng| -> String {
        if rng.below(3) == 0 {
            format!("#[layout({})] ", rng.pick(FIELD_KEYS))
        } else {
            String::new()
        }
    };
    match rng.below(5) {
        0 => {
            let fields: Vec<String> = (0..n)
                .map(|_| format!("{}{}", field_attrs(rng), rng.pick(TYPES)))
                .collect();
            s.push_str(&format!(" struct S{generics}({});", fields.join(", ")));
        }
        1 => s.push_str(&format!(" struct S{generics};")),
        2 => {
            // An enum of unit, tuple and named variants, some with discriminants.
            let variants: Vec<String> = (0..1 + rng.below(4))
                .map(|v| {
                    // 0: tuple, 1: named, 2: unit.
                    let k = rng.below(3);
                    let fields: Vec<String> = (0..rng.below(4))
                        .map(|i| {
                            let attrs = field_attrs(rng);
                            match k {
                                0 => format!("{attrs}{}", rng.pick(TYPES)),
                                _ => format!("{attrs}f{i}: {}", rng.pick(TYPES)),
                            }
                        })
                        .collect();
                    let body = if k == 2 || fields.is_empty() {
                        String::new()
                    } else if k == 0 {
                        format!("({})", fields.join(", "))
                    } else {
                        format!(" {{ {} }}", fields.join(", "))
                    };
                    let disc = if rng.below(4) == 0 { " = 7" } else { "" };
                    format!("V{v}{body}{disc}")
                })
                .collect();
            s.push_str(&format!(" enum E{generics} {{ {} }}", variants.join(", ")));
        }
        kind => {
            let fields: Vec<String> = (0..n)
                .map(|i| {
                    format!(
                        "/// doc {i}\n{}pub f{i}: {}",
                        field_attrs(rng),
                        rng.pick(TYPES)
                    )
                })
                .collect();
            let keyword = if kind == 3 { "union" } else { "struct" };
            s.push_str(&format!(
                " {keyword} S{generics} {{ {} }}",
                fields.join(", ")
            ));
        }
    }
    s
}

/// Deletes, duplicates or swaps a few tokens (recursively, inside groups too).
fn mutate(tokens: TokenStream, rng: &mut Rng) -> TokenStream {
    let mut trees: Vec<TokenTree> = tokens.into_iter().collect();
    for _ in 0..rng.below(3) {
        if trees.is_empty() {
            break;
        }
        let i = rng.below(trees.len());
        match rng.below(4) {
            0 => {
                trees.remove(i);
            }
            1 => {
                let t = trees[i].clone();
                trees.insert(i, t);
            }
            2 => {
                let j = rng.below(trees.len());
                trees.swap(i, j);
            }
            _ => {
                if let TokenTree::Group(g) = &trees[i] {
                    let inner = mutate(g.stream(), rng);
                    trees[i] = TokenTree::Group(proc_macro2::Group::new(g.delimiter(), inner));
                }
            }
        }
    }
    trees.into_iter().collect()
}

#[test]
fn expansion_never_panics() {
    let mut rng = Rng(0x1A70_u64);
    let mut expanded = 0;
    for _ in 0..3000 {
        let source = generate(&mut rng);
        let tokens: TokenStream = source.parse().expect("generated source tokenizes");
        for variant in [tokens.clone(), mutate(tokens, &mut rng)] {
            let Ok(input) = syn::parse2::<syn::DeriveInput>(variant.clone()) else {
                continue;
            };
            let result = std::panic::catch_unwind(|| crate::expand::derive(&input).to_string());
            let Ok(output) = result else {
                panic!("the macro panicked on: {variant}");
            };
            // The generated text always lexes and parses as items, whatever the input (names,
            // generics, types).
            assert!(
                !output.contains("does not lex"),
                "the macro wrote text that does not lex for: {variant}\n{output}"
            );
            if let Err(e) = syn::parse_str::<syn::File>(&output) {
                panic!("the macro wrote items that do not parse ({e}) for: {variant}\n{output}");
            }
            expanded += 1;
        }
    }
    assert!(expanded > 4000, "only {expanded} inputs parsed");
}
