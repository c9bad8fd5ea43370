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
