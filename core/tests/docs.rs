//! Keeps the documentation honest: every diagnostic code the validator can emit is listed in
//! docs/data-format.md, and the example there is a valid plan.

use std::path::PathBuf;

fn repo_file(path: &str) -> String {
    let full = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

#[test]
fn every_diagnostic_code_is_documented() {
    let source = repo_file("core/src/diagnostic.rs");
    let docs = repo_file("docs/data-format.md");
    let body = source
        .split("pub fn code(&self)")
        .nth(1)
        .expect("Problem::code exists");
    let body = body.split("pub fn message").next().unwrap_or(body);
    let codes: Vec<&str> = body
        .split("=> \"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert!(codes.len() >= 25, "found only {} codes", codes.len());
    let missing: Vec<&&str> = codes
        .iter()
        .filter(|code| !docs.contains(&format!("| `{code}` |")))
        .collect();
    assert!(
        missing.is_empty(),
        "codes missing from docs/data-format.md: {missing:?}"
    );
}

#[test]
fn the_documented_example_is_a_valid_plan() {
    let docs = repo_file("docs/data-format.md");
    let start = docs
        .find("## A complete small example")
        .expect("example section");
    let example = docs[start..]
        .split("```toml\n")
        .nth(1)
        .and_then(|s| s.split("```").next())
        .expect("toml block");
    let (plan, diagnostics) = chitieu_core::plan::load("docs/data-format.md", example);
    assert!(plan.is_some(), "{diagnostics:?}");
    assert_eq!(
        example,
        repo_file("tests/fixtures/plans/example.toml"),
        "the fixture mirrors the documented example"
    );
}

/// A stylesheet with an unclosed block silently swallows every rule after it (a merge once did
/// that to the Embed button); count the braces outside comments and strings.
#[test]
fn the_stylesheet_blocks_are_balanced() {
    let css = repo_file("static/style.css");
    let mut depth: i64 = 0;
    let mut chars = css.chars().peekable();
    let mut line = 1;
    while let Some(c) = chars.next() {
        match c {
            '\n' => line += 1,
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut previous = ' ';
                for inner in chars.by_ref() {
                    if inner == '\n' {
                        line += 1;
                    }
                    if previous == '*' && inner == '/' {
                        break;
                    }
                    previous = inner;
                }
            }
            '"' | '\'' => {
                for inner in chars.by_ref() {
                    if inner == c {
                        break;
                    }
                }
            }
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                assert!(
                    depth >= 0,
                    "static/style.css:{line}: `}}` without a block to close"
                );
            }
            _ => {}
        }
        assert!(
            depth <= 2,
            "static/style.css:{line}: blocks nested deeper than @media {{ rule {{ }} }}"
        );
    }
    assert_eq!(depth, 0, "static/style.css: {depth} block(s) left open");
}

#[test]
fn every_csv_column_is_documented() {
    let docs = repo_file("docs/downloads.md");
    let missing: Vec<&&str> = chitieu_core::export::COLUMNS
        .iter()
        .filter(|column| !docs.contains(&format!("| `{column}` |")))
        .collect();
    assert!(
        missing.is_empty(),
        "CSV columns missing from docs/downloads.md: {missing:?}"
    );
}
