//! The native command line: `chitieu check FILE…` validates plan files for people preparing
//! their own plan, with the same code (and the same messages) as the browser and the build.

mod prerender;

use chitieu_core::plan;
use chitieu_core::text::Lang;
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
                "chitieu: lệnh không rõ / unknown command `{other}`\n\n{USAGE}"
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
        let Some(text) = read(file, err) else {
            failed = true;
            continue;
        };
        let (loaded, diagnostics) = plan::load(file, &text);
        for diagnostic in &diagnostics {
            let _ = writeln!(err, "{}", diagnostic.render(lang));
        }
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = diagnostics.len() - errors;
        match loaded {
            Some(plan) => {
                let _ = writeln!(
                    out,
                    "{file}: ok — {} indicators, {} targets, {} observations, {} sources ({warnings} warnings)",
                    plan.indicators.len(),
                    plan.targets.len(),
                    plan.observations.len(),
                    plan.sources.len(),
                );
            }
            None => {
                failed = true;
                let _ = writeln!(err, "{file}: {errors} errors, {warnings} warnings");
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
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
    let Some(text) = read(file, err) else {
        return ExitCode::FAILURE;
    };
    let (loaded, diagnostics) = plan::load(file, &text);
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
        let _ = writeln!(
            out,
            "{} {} — {}: {}",
            assessment.status.symbol(),
            assessment.label(lang),
            indicator.name.get(lang),
            chitieu_core::describe::target(indicator, target, lang)
        );
        for reason in &assessment.reasons {
            let _ = writeln!(out, "    {}", reason.text(indicator, lang));
        }
    }
    ExitCode::SUCCESS
}

/// The value of `--lang`, or the usage error (exit 2) naming what is allowed.
/// The file's text, or `None` after saying (in both languages) why it cannot be read.
fn read(file: &str, err: &mut impl Write) -> Option<String> {
    match std::fs::read_to_string(file) {
        Ok(text) => Some(text),
        Err(io_error) => {
            let _ = writeln!(
                err,
                "{file}: không đọc được tệp / cannot read the file: {io_error}"
            );
            None
        }
    }
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
