//! The native command line: `chitieu check FILE…` validates plan files for people preparing
//! their own plan, with the same code (and the same messages) as the browser and the build.
//!
//! Everything it prints after the options are read is in the chosen language, and every piece
//! of it that comes from a file (its name, a key, a name, a reason quoting a name) goes through
//! `text::escape_invisible`: a plan file cannot send a control byte to the terminal.

mod prerender;

use chitieu_core::plan::{self, PartialDate};
use chitieu_core::text::{escape_invisible, Lang};
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "\
chitieu — kiểm tra tệp kế hoạch / check plan files

Cách dùng / usage:
  chitieu check [--lang vi|en] FILE...   kiểm tra tệp / validate files (exit 1 on any error)
  chitieu status [--lang vi|en] [--year YYYY] FILE
                                         đánh giá từng chỉ tiêu / every target's status and reasons
  chitieu prerender [--today YYYY-MM-DD] DIR
                                         viết sẵn trang xem đầu vào bản dựng / write the first
                                         view into the built pages (DIR/index.html)
  chitieu help                           hướng dẫn này / this help
";

pub fn run(args: &[String], out: &mut impl Write, err: &mut impl Write) -> ExitCode {
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..], out, err),
        Some("status") => status(&args[1..], out, err),
        Some("prerender") => prerender::run(&args[1..], out, err),
        Some("help" | "--help" | "-h") => {
            let _ = write!(out, "{USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => {
            let _ = write!(
                err,
                "chitieu: lệnh không rõ / unknown command `{}`\n\n{USAGE}",
                escape_invisible(other)
            );
            ExitCode::from(2)
        }
        None => {
            let _ = write!(err, "{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn check(args: &[String], out: &mut impl Write, err: &mut impl Write) -> ExitCode {
    let mut lang = Lang::En;
    let mut files = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "--lang" {
            match lang_option(iter.next(), err) {
                Ok(chosen) => lang = chosen,
                Err(code) => return code,
            }
        } else {
            files.push(arg);
        }
    }
    if files.is_empty() {
        let _ = write!(
            err,
            "chitieu check: cần ít nhất một tệp / needs at least one FILE\n\n{USAGE}"
        );
        return ExitCode::from(2);
    }
    let mut failed = false;
    for file in files {
        let Some(bytes) = read(file, lang, err) else {
            failed = true;
            continue;
        };
        let (loaded, diagnostics) = plan::load_bytes(file, &bytes, Some(today()));
        for diagnostic in &diagnostics {
            let _ = writeln!(err, "{}", diagnostic.render(lang));
        }
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = diagnostics.len() - errors;
        let name = escape_invisible(file);
        match loaded {
            Some(plan) => {
                let counts = [
                    plan.indicators.len(),
                    plan.targets.len(),
                    plan.observations.len(),
                    plan.sources.len(),
                    warnings,
                ];
                let _ = writeln!(out, "{name}: {}", ok_line(counts, lang));
            }
            None => {
                failed = true;
                let _ = writeln!(err, "{name}: {}", failed_line(errors, warnings, lang));
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// "ok — 34 indicators, 76 targets, 108 observations, 37 sources (2 warnings)".
fn ok_line(
    [indicators, targets, observations, sources, warnings]: [usize; 5],
    lang: Lang,
) -> String {
    match lang {
        Lang::Vi => format!(
            "hợp lệ — {indicators} chỉ số, {targets} chỉ tiêu, {observations} số liệu, {sources} nguồn ({warnings} cảnh báo)"
        ),
        Lang::En => format!(
            "ok — {}, {}, {}, {} ({})",
            counted(indicators, "indicator", "indicators"),
            counted(targets, "target", "targets"),
            counted(observations, "observation", "observations"),
            counted(sources, "source", "sources"),
            counted(warnings, "warning", "warnings"),
        ),
    }
}

/// "2 errors, 1 warning" / "2 lỗi, 1 cảnh báo".
fn failed_line(errors: usize, warnings: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{errors} lỗi, {warnings} cảnh báo"),
        Lang::En => format!(
            "{}, {}",
            counted(errors, "error", "errors"),
            counted(warnings, "warning", "warnings")
        ),
    }
}

fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Prints every target's status with the reasons behind it, as the widget shows them: a quick
/// way for a statistician to review a plan file's scoring without a browser.
fn status(args: &[String], out: &mut impl Write, err: &mut impl Write) -> ExitCode {
    let mut lang = Lang::En;
    let mut year: Option<i32> = None;
    let mut file = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--lang" => match lang_option(iter.next(), err) {
                Ok(chosen) => lang = chosen,
                Err(code) => return code,
            },
            "--year" => match iter.next().and_then(|y| y.parse().ok()) {
                Some(chosen) => year = Some(chosen),
                None => {
                    let _ = writeln!(err, "chitieu: --year nhận một năm, ví dụ 2026 / --year takes a year such as 2026");
                    return ExitCode::from(2);
                }
            },
            _ => file = Some(arg),
        }
    }
    let Some(file) = file else {
        let _ = write!(err, "chitieu status: cần một tệp / needs a FILE\n\n{USAGE}");
        return ExitCode::from(2);
    };
    let Some(bytes) = read(file, lang, err) else {
        return ExitCode::FAILURE;
    };
    let (loaded, diagnostics) = plan::load_bytes(file, &bytes, Some(today()));
    let Some(plan) = loaded else {
        for diagnostic in diagnostics.iter().filter(|d| d.is_error()) {
            let _ = writeln!(err, "{}", diagnostic.render(lang));
        }
        return ExitCode::FAILURE;
    };
    // Without --year, assess as of the latest year with a figure, so the output does not
    // depend on the day it is run.
    let today = year.unwrap_or_else(|| {
        plan.observations
            .iter()
            .map(|o| o.when.end_year())
            .max()
            .unwrap_or(plan.meta.start)
    });
    for target in &plan.targets {
        let Some(indicator) = plan.indicator(&target.indicator) else {
            continue;
        };
        let assessment = chitieu_core::status::assess(&plan, target, today);
        let head = format!(
            "{} {} — {}: {}",
            assessment.status.symbol(),
            assessment.label(lang),
            indicator.name.get(lang),
            chitieu_core::describe::target(indicator, target, lang)
        );
        let _ = writeln!(out, "{}", escape_invisible(&head));
        for reason in &assessment.reasons {
            let _ = writeln!(
                out,
                "    {}",
                escape_invisible(&reason.text(indicator, lang))
            );
        }
    }
    ExitCode::SUCCESS
}

/// The file's bytes, or `None` after saying, in the chosen language, why it cannot be read.
fn read(file: &str, lang: Lang, err: &mut impl Write) -> Option<Vec<u8>> {
    use std::io::ErrorKind;
    let name = escape_invisible(file);
    match std::fs::read(file) {
        Ok(bytes) => Some(bytes),
        Err(io_error) => {
            let why = match (io_error.kind(), lang) {
                (ErrorKind::NotFound, Lang::Vi) => "không có tệp này".to_string(),
                (ErrorKind::NotFound, Lang::En) => "no such file".to_string(),
                (ErrorKind::PermissionDenied, Lang::Vi) => "không có quyền đọc".to_string(),
                (ErrorKind::PermissionDenied, Lang::En) => "permission denied".to_string(),
                (ErrorKind::IsADirectory, Lang::Vi) => "đây là một thư mục".to_string(),
                (ErrorKind::IsADirectory, Lang::En) => "it is a directory".to_string(),
                // Anything rarer is named by the system, in its own words.
                (_, _) => escape_invisible(&io_error.to_string()).into_owned(),
            };
            let _ = match lang {
                Lang::Vi => writeln!(err, "{name}: không đọc được tệp: {why}"),
                Lang::En => writeln!(err, "{name}: cannot read the file: {why}"),
            };
            None
        }
    }
}

/// Today's date (UTC) from the system clock, so that a publication date in the future is
/// refused. One day of slack covers the time zones east of UTC (Vietnam is UTC+7), where a
/// source may already be dated tomorrow.
fn today() -> PartialDate {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    PartialDate::from_unix_days(i64::try_from(seconds / 86_400).unwrap_or(0) + 1)
}

fn lang_option(value: Option<&String>, err: &mut impl Write) -> Result<Lang, ExitCode> {
    value.and_then(|code| Lang::from_code(code)).ok_or_else(|| {
        let _ = writeln!(
            err,
            "chitieu: --lang nhận `vi` hoặc `en` / --lang takes `vi` or `en`"
        );
        ExitCode::from(2)
    })
}
