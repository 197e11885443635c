//! Bad input: a crate that does not compile, a profile without debug information.

use std::path::{Path, PathBuf};

use layout_dwarf::{BuildOptions, DebugInfo, Error, Profile, compiled_layouts};

fn manifest(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .join("Cargo.toml")
}

/// Each test has its own target directory: two builds of one crate with different `debug`
/// settings write the same files, so tests sharing one could read each other's.
fn options(fixture: &str, test: &str) -> BuildOptions {
    BuildOptions {
        manifest_path: Some(manifest(fixture)),
        lib_only: true,
        target_dir: Some(
            Path::new(env!("CARGO_TARGET_TMPDIR"))
                .join("errors")
                .join(test),
        ),
        ..BuildOptions::default()
    }
}

#[test]
fn a_crate_that_does_not_build_gives_the_compiler_errors() {
    let error = compiled_layouts(&options("broken", "broken")).unwrap_err();
    let Error::BuildFailed {
        package, errors, ..
    } = &error
    else {
        panic!("expected BuildFailed, got {error:?}");
    };
    assert_eq!(package, "broken");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].contains("error[E0308]: mismatched types"),
        "{}",
        errors[0]
    );
    assert!(errors[0].contains("src/lib.rs:8"), "{}", errors[0]);
    assert!(
        error
            .to_string()
            .starts_with("package `broken` does not build\nerror[E0308]")
    );
}

#[test]
fn a_profile_without_debug_info_is_a_clear_error() {
    let options = BuildOptions {
        profile: Profile::Named("nodebug".to_owned()),
        debug_info: DebugInfo::Require,
        ..options("shapes", "nodebug-require")
    };
    let error = compiled_layouts(&options).unwrap_err();
    let Error::NoDebugInfo {
        package, profile, ..
    } = &error
    else {
        panic!("expected NoDebugInfo, got {error:?}");
    };
    assert_eq!((package.as_str(), profile.as_str()), ("shapes", "nodebug"));
    let message = error.to_string();
    assert!(message.contains("`debuginfo = 0`"), "{message}");
    assert!(
        message.contains("`debug = true` in `[profile.nodebug]`"),
        "{message}"
    );
    assert!(
        message.contains("CARGO_PROFILE_NODEBUG_DEBUG=true"),
        "{message}"
    );
}

#[test]
fn forcing_debug_info_overrides_the_profile() {
    let options = BuildOptions {
        profile: Profile::Named("nodebug".to_owned()),
        debug_info: DebugInfo::Force,
        ..options("shapes", "nodebug-force")
    };
    let report = compiled_layouts(&options).unwrap();
    assert_eq!(report.get("shapes::Header").map(|t| t.size), Some(24));
}

#[test]
fn an_unknown_package_is_named() {
    let options = BuildOptions {
        package: Some("no-such-package".to_owned()),
        ..options("shapes", "unknown")
    };
    let error = compiled_layouts(&options).unwrap_err();
    assert!(matches!(error, Error::Package { .. }), "{error:?}");
    assert!(error.to_string().contains("no-such-package"));
}

#[test]
fn a_missing_manifest_is_cargos_error() {
    let options = BuildOptions {
        manifest_path: Some(manifest("does-not-exist")),
        ..options("shapes", "missing")
    };
    let error = compiled_layouts(&options).unwrap_err();
    assert!(matches!(error, Error::Cargo { .. }), "{error:?}");
}
