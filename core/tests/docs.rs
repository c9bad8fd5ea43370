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

/// The ```toml blocks of a markdown text.
fn toml_blocks(markdown: &str) -> Vec<&str> {
    markdown
        .split("```toml\n")
        .skip(1)
        .filter_map(|rest| rest.split("```").next())
        .collect()
}

/// Each `[[…]]` example in docs/data-format.md, appended to the complete example there, loads
/// without a message; and there is one for every target shape.
#[test]
fn every_shape_has_an_example_that_loads() {
    use chitieu_core::plan::ShapeKind;
    let docs = repo_file("docs/data-format.md");
    let base = repo_file("tests/fixtures/plans/example.toml");
    let mut shapes_seen = Vec::new();
    let mut failures = Vec::new();
    for block in toml_blocks(&docs) {
        if !block.starts_with("[[") {
            continue;
        }
        let text = format!("{base}\n{block}");
        let (plan, diagnostics) = chitieu_core::plan::load("docs/data-format.md", &text);
        let Some(plan) = plan.filter(|_| diagnostics.is_empty()) else {
            failures.push(format!("{block}\n{diagnostics:#?}"));
            continue;
        };
        if block.starts_with("[[target]]") {
            if let Some(target) = plan.targets.last() {
                shapes_seen.push(target.shape.kind());
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n---\n"));
    for kind in ShapeKind::ALL {
        assert!(
            shapes_seen.contains(&kind),
            "no example of shape `{}`",
            kind.code()
        );
    }
}

/// Every field every record kind may hold has a row in that record's section of
/// docs/data-format.md (a row may name several fields: "| `from`, `until` |").
#[test]
fn every_field_is_documented() {
    let docs = repo_file("docs/data-format.md");
    let mut missing = Vec::new();
    for (kind, fields) in chitieu_core::plan::lower::RECORD_FIELDS {
        let heading = match kind {
            "(file)" => "## Shape of the file".to_string(),
            "plan" => "## `[plan]`".to_string(),
            other => format!("## `[[{other}]]`"),
        };
        let section = docs
            .split(&heading)
            .nth(1)
            .map(|rest| rest.split("\n## ").next().unwrap_or(rest))
            .unwrap_or_else(|| panic!("no section {heading}"));
        let rows: Vec<&str> = section.lines().filter(|l| l.starts_with("| `")).collect();
        for field in fields {
            let named = rows.iter().any(|row| {
                row.split('|')
                    .nth(1)
                    .is_some_and(|cell| cell.contains(&format!("`{field}`")))
            });
            if !named {
                missing.push(format!("{kind}.{field}"));
            }
        }
    }
    assert!(missing.is_empty(), "undocumented fields: {missing:?}");
}

/// Every diagnostic code has an example message in its row.
#[test]
fn every_code_has_an_example() {
    let docs = repo_file("docs/data-format.md");
    let rows: Vec<&str> = docs
        .lines()
        .filter(|l| l.starts_with("| `") && l.matches(" | ").count() >= 3)
        .filter(|l| l.contains(" | error") || l.contains(" | warning"))
        .collect();
    assert!(rows.len() >= 40, "found only {} code rows", rows.len());
    for row in rows {
        let cells: Vec<&str> = row.split(" | ").collect();
        assert!(
            cells.len() >= 4 && cells[3].trim_end_matches(" |").trim().len() > 10,
            "no example in: {row}"
        );
    }
}

/// The two documents agree: docs/methodology.md scores every shape the file format has (a row
/// of its §4 table each), and neither page says anything the code no longer does.
#[test]
fn methodology_and_data_format_agree() {
    use chitieu_core::plan::ShapeKind;
    let methodology = repo_file("docs/methodology.md");
    let format = repo_file("docs/data-format.md");
    let table = methodology
        .split("## 4.")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("§4 of the methodology");
    for kind in ShapeKind::ALL {
        let code = kind.code();
        assert!(
            table.contains(&format!("| `{code}`")),
            "docs/methodology.md §4 has no row for `{code}`"
        );
        assert!(
            format.contains(&format!("| `\"{code}\"`")),
            "docs/data-format.md has no row for `\"{code}\"`"
        );
    }
    // Statements that were once true and contradicted the other page.
    for stale in [
        "to the indicator's decimals",
        "rounded to the indicator's decimals, exactly as it is",
        "the geometric mean of the yearly rates lies in the band",
    ] {
        assert!(
            !format.contains(stale),
            "data-format.md still says {stale:?}"
        );
        assert!(
            !methodology.contains(stale),
            "methodology.md still says {stale:?}"
        );
    }
    // Both pages state the same tolerance for "about" and the same measure for averages.
    for page in [&methodology, &format] {
        assert!(page.contains("half a unit of the last digit written"));
        assert!(page.contains("`\"ratio\"`") || page.contains("`ratio`"));
    }
}
