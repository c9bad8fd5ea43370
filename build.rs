//! Validates the embedded plan with the browser's own validator, so a broken data file fails
//! the widget's build with `file:line:column` messages instead of shipping a broken widget.
//! The native build (the `chitieu check` tool) only warns: it must stay usable to fix the file,
//! and the native test suite fails on the same errors anyway.
//!
//! The validated plan is then written in its binary form (`plan::codec`) to OUT_DIR/plan.bin,
//! which the widget embeds: the first view decodes it without the text parser and validator.
//! Its version (the hash of the file as written, which readers cite) goes in
//! CHITIEU_PLAN_VERSION.

use chitieu_core::plan::{self, codec};

fn main() {
    let for_widget = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let path = "data/can-tho.toml";
    println!("cargo:rerun-if-changed={path}");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let fail = |message: String| -> ! {
        eprintln!("error: {message}");
        std::process::exit(1);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if for_widget => fail(format!("cannot read the embedded plan {path}: {err}")),
        Err(err) => {
            println!("cargo:warning=cannot read the embedded plan {path}: {err}");
            write_empty(&out);
            return;
        }
    };
    // Dates after today are refused, as by `chitieu check` (a day of slack for UTC+7).
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    let today = plan::PartialDate::from_unix_days(i64::try_from(days).unwrap_or(0) + 1);
    let (loaded, diagnostics) = plan::load_at(path, &text, today);
    for diagnostic in &diagnostics {
        if diagnostic.is_error() && for_widget {
            eprintln!("{}", diagnostic.render(chitieu_core::text::Lang::En));
        } else {
            println!(
                "cargo:warning={}",
                diagnostic.render(chitieu_core::text::Lang::En)
            );
        }
    }
    match loaded {
        Some(plan) => {
            let bytes = codec::encode(&plan);
            if let Err(err) = std::fs::write(out.join("plan.bin"), bytes) {
                fail(format!(
                    "cannot write {}: {err}",
                    out.join("plan.bin").display()
                ));
            }
            println!(
                "cargo:rustc-env=CHITIEU_PLAN_VERSION={}",
                plan::version(&text)
            );
        }
        None if for_widget => fail(format!(
            "the embedded plan {path} is invalid (see the messages above)"
        )),
        // Natively the widget's components still compile (for `chitieu prerender`): an empty
        // plan, which the decoder refuses with a message, keeps `chitieu check` buildable.
        None => write_empty(&out),
    }
}

fn write_empty(out: &std::path::Path) {
    let _ = std::fs::write(out.join("plan.bin"), []);
    println!("cargo:rustc-env=CHITIEU_PLAN_VERSION=invalid");
}
