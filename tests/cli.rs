//! The `chitieu check` command as a user runs it: the built binary, real files, exit codes.
#![cfg(not(target_arch = "wasm32"))]

use std::process::{Command, Output};

const BAD: &str = "tests/fixtures/bad/bad-url-ftp.toml";
const EXAMPLE: &str = "tests/fixtures/plans/example.toml";

/// Runs the binary from the repository root, so relative paths read as a user types them.
fn chitieu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chitieu"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the chitieu binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `LINE:COL` from the fixture's `# expect:` header.
fn expected_place(fixture: &str) -> String {
    let text = std::fs::read_to_string(format!("{}/{fixture}", env!("CARGO_MANIFEST_DIR")))
        .expect("readable fixture");
    let header = text.lines().next().unwrap_or_default();
    header
        .strip_prefix("# expect:")
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("{fixture} has no `# expect:` header"))
        .to_string()
}

#[test]
fn a_bad_file_fails_with_file_line_and_column() {
    let output = chitieu(&["check", BAD]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "stderr:\n{err}");
    let place = format!(
        "{BAD}:{}: error[bad-url] source[1].url: ",
        expected_place(BAD)
    );
    assert!(err.contains(&place), "expected `{place}` in:\n{err}");
    assert!(
        err.contains(&format!("{BAD}: ")) && err.contains(" errors, "),
        "{err}"
    );
    assert!(!stdout(&output).contains("ok"), "{}", stdout(&output));
}

#[test]
fn the_example_passes() {
    let output = chitieu(&["check", EXAMPLE]);
    let out = stdout(&output);
    assert_eq!(
        output.status.code(),
        Some(0),
        "stderr:\n{}",
        stderr(&output)
    );
    assert!(out.contains(&format!("{EXAMPLE}: ok")), "{out}");
    assert!(out.contains("1 indicators"), "{out}");
    assert_eq!(stderr(&output), "");
}

#[test]
fn the_embedded_dataset_passes() {
    let output = chitieu(&["check", "data/can-tho.toml"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "data/can-tho.toml must check clean:\n{}",
        stderr(&output)
    );
    assert!(stdout(&output).contains("data/can-tho.toml: ok"));
}

#[test]
fn lang_vi_prints_vietnamese() {
    let output = chitieu(&["check", "--lang", "vi", BAD]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.contains(": lỗi[bad-url] source[1].url: "), "{err}");
    assert!(err.contains("không hợp lệ"), "{err}");
    assert!(!err.contains("is not a valid address"), "{err}");

    let english = stderr(&chitieu(&["check", "--lang", "en", BAD]));
    assert!(english.contains(": error[bad-url]"), "{english}");
    assert!(english.contains("is not a valid address"), "{english}");
}

#[test]
fn every_file_is_checked_and_any_error_fails_the_run() {
    let output = chitieu(&["check", EXAMPLE, BAD]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains(&format!("{EXAMPLE}: ok")));
    assert!(stderr(&output).contains(&format!("{BAD}:")));
}

#[test]
fn a_missing_file_fails_with_its_name() {
    let output = chitieu(&["check", "tests/fixtures/no-such-plan.toml"]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.contains("tests/fixtures/no-such-plan.toml: "), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["frobnicate"][..],
        &[],
        &["check"],
        &["check", "--lang", "fr", EXAMPLE],
        &["check", "--lang"],
    ] {
        let output = chitieu(args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: stderr:\n{}",
            stderr(&output)
        );
        assert!(stderr(&output).contains("usage") || stderr(&output).contains("--lang"));
    }
    let unknown = stderr(&chitieu(&["frobnicate"]));
    assert!(unknown.contains("`frobnicate`"), "{unknown}");
}

#[test]
fn help_exits_0() {
    let output = chitieu(&["help"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("chitieu check"));
}

#[test]
fn status_prints_every_target_with_its_reasons() {
    let output = chitieu(&[
        "status",
        "--lang",
        "vi",
        "--year",
        "2026",
        "tests/fixtures/plans/chart-cases.toml",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert_eq!(
        text.lines().filter(|l| !l.starts_with("    ")).count(),
        6,
        "one line per target:\n{text}"
    );
    assert!(
        text.contains("Tăng trưởng: 7,5–8"),
        "the rate target in Vietnamese:\n{text}"
    );
    assert!(
        text.lines().any(|l| l.starts_with("    ")),
        "reasons are listed:\n{text}"
    );
    let bad = chitieu(&["status", "--year", "x", EXAMPLE]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn a_missing_file_is_named_with_the_reason_in_both_commands() {
    for command in ["check", "status"] {
        let output = chitieu(&[command, "tests/fixtures/no-such-plan.toml"]);
        assert_eq!(output.status.code(), Some(1), "{command}");
        let message = stderr(&output);
        assert!(
            message.starts_with(
                "tests/fixtures/no-such-plan.toml: không đọc được tệp / cannot read the file: "
            ),
            "{command}: {message}"
        );
    }
    // The other files of a `check` are still checked.
    let output = chitieu(&["check", "tests/fixtures/no-such-plan.toml", EXAMPLE]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains(EXAMPLE), "{}", stdout(&output));
}
