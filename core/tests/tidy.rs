//! House rules that no compiler checks, checked over the repository's files: every Rust file
//! says what it is for in a `//!` line; the core builds the same for every target (no
//! `cfg(target_arch)`) and draws with primitive plotters elements only (plotters measures text
//! through the DOM for its builders and captions, which would make layouts differ by backend);
//! no file points at a path of the machine it was written on; and every diagnostic code the
//! documentation lists is emitted by some code.

use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every file under `dir` (relative to the repository), skipping build output and dependencies.
fn files(dir: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![repo().join(dir)];
    while let Some(path) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&path) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if !matches!(
                    name.as_str(),
                    "target" | "node_modules" | "dist" | ".git" | "corpus" | "artifacts"
                ) {
                    stack.push(path);
                }
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn text(path: &Path) -> Option<String> {
    std::fs::read_to_string(path).ok()
}

fn rust_files() -> Vec<PathBuf> {
    ["core", "src", "more", "tests", "fuzz"]
        .iter()
        .flat_map(|dir| files(dir))
        .chain([repo().join("build.rs")])
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect()
}

#[test]
fn every_rust_file_opens_with_a_doc_line() {
    let files = rust_files();
    assert!(files.len() > 40, "found only {} Rust files", files.len());
    let missing: Vec<String> = files
        .iter()
        .filter(|p| !text(p).is_some_and(|t| t.starts_with("//!")))
        .map(|p| p.display().to_string())
        .collect();
    assert!(missing.is_empty(), "no `//!` first line: {missing:#?}");
}

#[test]
fn the_core_has_no_target_specific_code() {
    let offenders: Vec<String> = files("core/src")
        .iter()
        .filter(|p| text(p).is_some_and(|t| t.contains("cfg(target_arch")))
        .map(|p| p.display().to_string())
        .collect();
    assert!(
        offenders.is_empty(),
        "cfg(target_arch) in the core: {offenders:#?}"
    );
}

#[test]
fn the_core_uses_no_text_measuring_plotters_api() {
    const MEASURING: [&str; 7] = [
        "ChartBuilder",
        ".caption(",
        "MultiLineText",
        "estimate_text_size",
        ".box_size(",
        ".titled(",
        "configure_mesh",
    ];
    let mut found = Vec::new();
    for path in files("core/src") {
        let Some(source) = text(&path) else { continue };
        for api in MEASURING {
            if source.contains(api) {
                found.push(format!("{}: {api}", path.display()));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn no_file_cites_a_path_of_this_machine() {
    const OUTSIDE: [&str; 5] = ["/work/", "/tmp/", "/home/", "/root/", "C:\\Users"];
    let mut found = Vec::new();
    for dir in [
        "core", "src", "more", "tests", "docs", "data", "scripts", "static", "bench", "fuzz", ".ci",
    ] {
        for path in files(dir) {
            let Some(source) = text(&path) else { continue };
            for (number, line) in source.lines().enumerate() {
                // This file names the patterns it looks for.
                if path.ends_with("core/tests/tidy.rs") {
                    continue;
                }
                if OUTSIDE.iter().any(|p| line.contains(p)) {
                    found.push(format!("{}:{}: {line}", path.display(), number + 1));
                }
            }
        }
    }
    for name in [
        "README.md",
        "ARCHITECTURE.md",
        "Cargo.toml",
        "Trunk.toml",
        "index.html",
    ] {
        if let Some(source) = text(&repo().join(name)) {
            if OUTSIDE.iter().any(|p| source.contains(p)) {
                found.push(name.to_string());
            }
        }
    }
    assert!(found.is_empty(), "paths outside the repository: {found:#?}");
}

/// Each row of the code table in docs/data-format.md names a code; the arm of `Problem::code`
/// that returns it names a variant (and, for the limits, a `Limit`); some file of the core
/// other than diagnostic.rs must construct that variant.
#[test]
fn every_documented_code_is_emitted_somewhere() {
    let docs = text(&repo().join("docs/data-format.md")).expect("docs");
    let diagnostic = text(&repo().join("core/src/diagnostic.rs")).expect("diagnostic.rs");
    let body = diagnostic
        .split("pub fn code(&self)")
        .nth(1)
        .and_then(|b| b.split("pub fn message").next())
        .expect("Problem::code");
    let documented: Vec<&str> = docs
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .filter(|code| body.contains(&format!("\"{code}\"")))
        .collect();
    assert!(
        documented.len() >= 40,
        "found only {} codes",
        documented.len()
    );
    let sources: Vec<String> = files("core/src")
        .iter()
        .filter(|p| !p.ends_with("diagnostic.rs"))
        .filter_map(|p| text(p))
        .collect();
    let mut silent = Vec::new();
    for code in documented {
        // The arm: from the end of the previous arm (`"code",`) to `=> "this-code"`.
        let arm = body
            .find(&format!("=> \"{code}\""))
            .map(|end| {
                let start = body[..end].rfind("\",").map_or(0, |at| at + 2);
                &body[start..end]
            })
            .unwrap_or_default();
        let tokens: Vec<String> = arm
            .split(|c: char| !(c.is_alphanumeric() || c == ':' || c == '_'))
            .filter(|t| t.starts_with("Problem::") || t.starts_with("Limit::"))
            .map(str::to_string)
            .collect();
        let emitted = !tokens.is_empty()
            && tokens.iter().any(|t| {
                t.starts_with("Problem::") && sources.iter().any(|s| s.contains(t.as_str()))
            })
            && tokens
                .iter()
                .filter(|t| t.starts_with("Limit::"))
                .all(|t| sources.iter().any(|s| s.contains(t.as_str())));
        if !emitted {
            silent.push(format!("{code} ({tokens:?})"));
        }
    }
    assert!(
        silent.is_empty(),
        "documented but never emitted: {silent:#?}"
    );
}
