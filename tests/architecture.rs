//! The invariants of ARCHITECTURE.md that a reading of the source can check: the Yew layer only
//! displays what the core's view model computed, and the first view's pointer module stays small
//! (no Yew, no serde, no plotters of its own). Each invariant named here is quoted in
//! ARCHITECTURE.md, and a test checks that it still is.

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// Lines of a Rust file with comments removed (so that a comment may name what code may not).
fn code_lines(path: &Path) -> Vec<(usize, String)> {
    fs::read_to_string(path)
        .expect("a readable source file")
        .lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.split("//").next().unwrap_or("").to_string()))
        .collect()
}

/// The core's modules that compute statuses, words and numbers. The page reaches them only
/// through `chitieu_core::view` (and the chart module draws what the view's spec says).
const COMPUTING_MODULES: [&str; 6] = [
    "status", "describe", "summary", "number", "verdict", "order",
];

/// The top-level modules of `chitieu_core` a file names, with the line of each: paths
/// (`chitieu_core::status::x`) and `use` groups (`use chitieu_core::{status, view::Panel}`),
/// comments left out.
fn core_modules_used(path: &Path) -> Vec<(String, usize)> {
    let lines = code_lines(path);
    let code: String = lines.iter().map(|(_, l)| format!("{l}\n")).collect();
    let line_of = |at: usize| code[..at].matches('\n').count() + 1;
    let ident = |text: &str| -> String {
        text.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut used = Vec::new();
    for (at, _) in code.match_indices("chitieu_core::") {
        let rest = &code[at + "chitieu_core::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level names of the group: split on commas outside nested braces.
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        used.push((ident(group[start..i].trim()), line_of(at)));
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        used.push((ident(group[start..i].trim()), line_of(at)));
                        start = i + 1;
                    }
                    _ => {}
                }
            }
        } else {
            used.push((ident(rest), line_of(at)));
        }
    }
    used.retain(|(m, _)| !m.is_empty());
    used
}

#[test]
fn the_yew_layer_only_displays_what_the_view_model_computed() {
    let mut found = Vec::new();
    let mut read = 0;
    for file in rust_files(&root().join("src/web")) {
        for (module, line) in core_modules_used(&file) {
            read += 1;
            if COMPUTING_MODULES.contains(&module.as_str()) {
                found.push(format!(
                    "{}:{line}: chitieu_core::{module}",
                    file.strip_prefix(root()).unwrap_or(&file).display()
                ));
            }
        }
    }
    assert!(read > 10, "src/web was read ({read} uses of the core)");
    assert!(
        found.is_empty(),
        "src/web computes instead of displaying (go through chitieu_core::view):\n{}",
        found.join("\n")
    );
}

/// The dependencies a crate's manifest names, in every dependency table.
fn dependencies(manifest: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut in_dependencies = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_dependencies = line
                .trim_matches(|c| c == '[' || c == ']')
                .ends_with("dependencies");
            continue;
        }
        if in_dependencies {
            if let Some((name, _)) = line.split_once('=') {
                let name = name.trim();
                if !name.is_empty() && !name.starts_with('#') && !name.starts_with('"') {
                    names.push(name.to_string());
                }
            }
        }
    }
    names
}

#[test]
fn the_pointer_module_has_no_framework_of_its_own() {
    let manifest = fs::read_to_string(root().join("hover/Cargo.toml")).expect("hover/Cargo.toml");
    let names = dependencies(&manifest);
    assert!(
        names.iter().any(|n| n == "wasm-bindgen") && names.iter().any(|n| n == "chitieu-core"),
        "the manifest was read: {names:?}"
    );
    for banned in [
        "yew",
        "serde",
        "gloo",
        "plotters",
        "plotters-canvas",
        "serde_json",
    ] {
        assert!(
            !names.iter().any(|n| n == banned),
            "hover/ must stay small: it depends on {banned}"
        );
    }
    // The core is reached for the pointer arithmetic, the embed messages and the address only.
    let mut used: Vec<String> = rust_files(&root().join("hover/src"))
        .iter()
        .flat_map(|f| core_modules_used(f))
        .map(|(m, _)| m)
        .collect();
    used.sort();
    used.dedup();
    assert!(!used.is_empty(), "hover/ was read");
    for module in &used {
        assert!(
            ["pointer", "embed", "query"].contains(&module.as_str()),
            "hover/ uses chitieu_core::{module}: only pointer, embed and query belong in the first view"
        );
    }
}

#[test]
fn the_checks_here_detect_what_they_forbid() {
    // What the tests above must flag, so that they cannot pass by reading nothing.
    let dir = std::env::temp_dir().join(format!("chitieu-arch-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("sample.rs");
    fs::write(
        &file,
        "use chitieu_core::{\n    status::assess,\n    view::{Panel, Overview},\n    number,\n};\n\
         // chitieu_core::summary:: in a comment is not code\n\
         let x = chitieu_core::describe::observation(a, b);\n",
    )
    .expect("write");
    let used = core_modules_used(&file);
    let _ = fs::remove_dir_all(&dir);
    let names: Vec<&str> = used.iter().map(|(m, _)| m.as_str()).collect();
    assert_eq!(names, ["status", "view", "number", "describe"], "{used:?}");
    assert_eq!(used[3].1, 7, "the line of a use is where it is");
    assert_eq!(
        dependencies(
            "[dependencies]\nyew = \"0.23\"\n[target.'cfg(x)'.dependencies]\nserde = \"1\"\n"
        ),
        vec!["yew".to_string(), "serde".to_string()]
    );
}

#[test]
fn architecture_md_states_these_invariants() {
    let text = fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    for quoted in [
        "**The Yew layer only displays.**",
        "**The first view carries only the first view.**",
        "**A pre-rendered page is the app's own first render.**",
        "tests/architecture.rs",
    ] {
        assert!(
            text.contains(quoted),
            "ARCHITECTURE.md no longer says {quoted:?}"
        );
    }
}
