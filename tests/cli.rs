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
        "{BAD}:{}: error[bad-url] source[cuc-thong-ke-2024].url: ",
        expected_place(BAD)
    );
    assert!(err.contains(&place), "expected `{place}` in:\n{err}");
    assert!(
        err.contains(&format!("{BAD}: 1 error, 0 warnings")),
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
    assert!(
        out.contains("ok — 1 indicator, 1 target, 1 observation, 1 source (0 warnings)"),
        "{out}"
    );
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
    assert!(
        err.contains(": lỗi[bad-url] source[cuc-thong-ke-2024].url: "),
        "{err}"
    );
    assert!(
        err.ends_with(&format!("{BAD}: 1 lỗi, 0 cảnh báo\n")),
        "{err}"
    );
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
            message == "tests/fixtures/no-such-plan.toml: cannot read the file: no such file\n",
            "{command}: {message}"
        );
    }
    // The other files of a `check` are still checked.
    let output = chitieu(&["check", "tests/fixtures/no-such-plan.toml", EXAMPLE]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains(EXAMPLE), "{}", stdout(&output));
}

/// Writes `bytes` to a file of the test's own temporary directory and returns its path.
fn temp_file(name: &str, bytes: &[u8]) -> String {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, bytes).expect("writable temporary directory");
    path.display().to_string()
}

const EXAMPLE_TEXT: &str = include_str!("fixtures/plans/example.toml");

#[test]
fn vietnamese_output_has_no_english_in_it() {
    let ok = chitieu(&["check", "--lang", "vi", EXAMPLE]);
    assert_eq!(
        stdout(&ok),
        format!("{EXAMPLE}: hợp lệ — 1 chỉ số, 1 chỉ tiêu, 1 số liệu, 1 nguồn (0 cảnh báo)\n")
    );
    let missing = chitieu(&["check", "--lang", "vi", "tests/fixtures/no-such-plan.toml"]);
    assert_eq!(
        stderr(&missing),
        "tests/fixtures/no-such-plan.toml: không đọc được tệp: không có tệp này\n"
    );
    // A syntax error used to read "gặp the end of the line".
    let broken = temp_file("unterminated.toml", b"format = 1\nid = \"open\n");
    let err = stderr(&chitieu(&["check", "--lang", "vi", &broken]));
    assert!(
        err.contains("chuỗi chưa được đóng bằng dấu nháy (gặp cuối dòng)"),
        "{err}"
    );
    for english in ["the end", "found", "error", "errors", "warning", "expected"] {
        assert!(!err.contains(english), "`{english}` in: {err}");
    }
}

/// Escapes such as `\u001b` in a plan's names reach neither `check` nor `status` as raw bytes.
#[test]
fn control_characters_never_reach_the_terminal() {
    let text = EXAMPLE_TEXT
        .replacen(
            "name = { vi = \"Tốc độ tăng GRDP\"",
            "name = { vi = \"Tốc độ\\u001b]0;pwned\\u0007\\u001b[2J tăng GRDP\"",
            1,
        )
        .replacen("\"Sample plan\"", "\"Sample \\u202Enalp\"", 1);
    assert_ne!(text, EXAMPLE_TEXT);
    let path = temp_file("control.toml", text.as_bytes());
    for args in [&["check", &path][..], &["status", &path]] {
        let output = chitieu(args);
        let all = [output.stdout.as_slice(), output.stderr.as_slice()].concat();
        assert!(
            !all.iter().any(|b| *b < 0x20 && *b != b'\n'),
            "{args:?} printed a control byte:\n{}",
            String::from_utf8_lossy(&all)
        );
        assert!(
            !String::from_utf8_lossy(&all).contains('\u{202E}'),
            "{args:?} printed a bidi override"
        );
    }
    let err = stderr(&chitieu(&["check", &path]));
    assert!(
        err.contains("error[control-character]") && err.contains("`\\u{1B}`"),
        "{err}"
    );
    // A file name with control characters is escaped too.
    let named = temp_file("na\u{1b}[31mme.toml", EXAMPLE_TEXT.as_bytes());
    let out = stdout(&chitieu(&["check", &named]));
    assert!(out.contains("na\\u{1B}[31mme.toml: ok"), "{out}");
}

#[test]
fn files_that_are_not_utf8_text_say_so_with_their_place() {
    let mut latin1 = EXAMPLE_TEXT.as_bytes().to_vec();
    let at = EXAMPLE_TEXT.find("Mẫu").expect("a Vietnamese word");
    latin1.splice(at..at + "Mẫu".len(), *b"M\xe3u");
    let path = temp_file("latin1.toml", &latin1);
    let err = stderr(&chitieu(&["check", &path]));
    assert!(
        err.contains(":6:29: error[encoding]") && err.contains("save it as UTF-8"),
        "{err}"
    );

    let mut utf16 = vec![0xFF, 0xFE];
    for unit in EXAMPLE_TEXT.encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    let path = temp_file("utf16.toml", &utf16);
    let err = stderr(&chitieu(&["check", "--lang", "vi", &path]));
    assert!(
        err.contains(":1:1: lỗi[encoding]") && err.contains("UTF-16"),
        "{err}"
    );

    let path = temp_file("binary.toml", b"format = 1\n\x00\x01\x02");
    let err = stderr(&chitieu(&["check", &path]));
    assert!(
        err.contains(":2:1: error[encoding]") && err.contains("NUL"),
        "{err}"
    );
}

/// The command line refuses dates after the day it runs (here one far away, a typo of 2025).
#[test]
fn a_publication_date_in_the_future_is_refused() {
    let text = EXAMPLE_TEXT.replacen(
        "published = \"2024-01-05\"",
        "published = \"9025-01-05\"",
        1,
    );
    assert_ne!(text, EXAMPLE_TEXT);
    let path = temp_file("future.toml", text.as_bytes());
    let output = chitieu(&["check", &path]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("error[year-out-of-range]"), "{err}");
    let text = EXAMPLE_TEXT.replacen(
        "published = \"2024-01-05\"",
        "published = \"2199-01-05\"",
        1,
    );
    let path = temp_file("future2.toml", text.as_bytes());
    let err = stderr(&chitieu(&["check", &path]));
    assert!(
        err.contains("error[future-date] source[cuc-thong-ke-2024].published"),
        "{err}"
    );
}

/// Deep nesting used to overflow the stack (abort, exit 134, no message).
#[test]
fn deep_nesting_is_a_message_not_a_crash() {
    // Arrays may span lines: 20,000 levels, one a line.
    let arrays = format!("x = {}1{}\n", "[\n".repeat(20_000), "\n]".repeat(20_000));
    // Inline tables stay on one line: 2,000 levels in 8 KB.
    let tables = format!("x = {}1{}\n", "{a=".repeat(2_000), "}".repeat(2_000));
    // Dotted keys nest too.
    let keys = format!("{} = 1\n", vec!["a"; 3_000].join("."));
    for (name, text) in [("arrays", arrays), ("tables", tables), ("keys", keys)] {
        let path = temp_file(&format!("deep-{name}.toml"), text.as_bytes());
        let output = chitieu(&["check", &path]);
        assert_eq!(output.status.code(), Some(1), "{name}: {}", stderr(&output));
        assert!(
            stderr(&output).contains("error[too-deep]"),
            "{name}: {}",
            stderr(&output)
        );
    }
    // The 22 KB file, nesting on one line, is refused for its line length first.
    let line = format!("x = {}1{}\n", "[".repeat(11_000), "]".repeat(11_000));
    let path = temp_file("deep-line.toml", line.as_bytes());
    let err = stderr(&chitieu(&["check", &path]));
    assert!(err.contains(":1:10001: error[line-too-long]"), "{err}");
}

/// 100,000 keys used to take 34 s and print 24 MB.
#[test]
fn a_hundred_thousand_keys_are_refused_quickly() {
    let text: String = (0..100_000).map(|i| format!("k{i:05} = 1\n")).collect();
    let path = temp_file("keys.toml", text.as_bytes());
    let start = std::time::Instant::now();
    let output = chitieu(&["check", &path]);
    let took = start.elapsed();
    assert_eq!(output.status.code(), Some(1));
    assert!(took.as_secs_f64() < 1.0, "took {took:?}");
    assert!(
        stderr(&output).contains("error[too-many-keys]"),
        "{}",
        stderr(&output)
    );
    assert!(
        output.stderr.len() < 2_000,
        "{} bytes of messages",
        output.stderr.len()
    );
}
