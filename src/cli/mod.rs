//! The native command line: `chitieu check FILE…` validates plan files for people preparing
//! their own plan, with the same code (and the same messages) as the browser and the build.

use chitieu_core::plan;
use chitieu_core::text::Lang;
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "\
chitieu — kiểm tra tệp kế hoạch / check plan files

Cách dùng / usage:
  chitieu check [--lang vi|en] FILE...   kiểm tra tệp / validate files (exit 1 on any error)
  chitieu help                           hướng dẫn này / this help
";

pub fn run(args: &[String], out: &mut impl Write, err: &mut impl Write) -> ExitCode {
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..], out, err),
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
            match iter.next().and_then(|code| Lang::from_code(code)) {
                Some(chosen) => lang = chosen,
                None => {
                    let _ = writeln!(
                        err,
                        "chitieu: --lang nhận `vi` hoặc `en` / --lang takes `vi` or `en`"
                    );
                    return ExitCode::from(2);
                }
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
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(io_error) => {
                let _ = writeln!(
                    err,
                    "{file}: không đọc được tệp / cannot read the file: {io_error}"
                );
                failed = true;
                continue;
            }
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
