//! Validates the embedded plan with the browser's own validator, so a broken data file fails
//! the widget's build with `file:line:column` messages instead of shipping a broken widget.
//! The native build (the `chitieu check` tool) only warns: it must stay usable to fix the file,
//! and the native test suite fails on the same errors anyway.
//!
//! It also writes the text the widget embeds, `$OUT_DIR/embedded-plan.toml`: the plan without
//! its comments (`plan::toml::strip_comments`; lines and columns unchanged, ~10 % fewer bytes),
//! used only if it loads to exactly the same plan and messages as the file itself. The data
//! version shown in the widget stays that of the file as written (`CHITIEU_EMBEDDED_VERSION`).

use chitieu_core::plan;

fn main() {
    let for_widget = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let path = "data/can-tho.toml";
    println!("cargo:rerun-if-changed={path}");
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if for_widget => {
            eprintln!("error: cannot read the embedded plan {path}: {err}");
            std::process::exit(1);
        }
        Err(err) => {
            println!("cargo:warning=cannot read the embedded plan {path}: {err}");
            return;
        }
    };
    let (loaded, diagnostics) = plan::load(path, &text);
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
    if loaded.is_none() && for_widget {
        eprintln!("error: the embedded plan {path} is invalid (see the messages above)");
        std::process::exit(1);
    }

    let stripped = plan::toml::strip_comments(&text);
    let embedded = if plan::load(path, &stripped) == (loaded, diagnostics) {
        stripped
    } else {
        println!(
            "cargo:warning={path}: without comments it loads differently; embedding it as written"
        );
        text.clone()
    };
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = std::path::Path::new(&out_dir).join("embedded-plan.toml");
    if let Err(err) = std::fs::write(&out, embedded) {
        eprintln!("error: cannot write {}: {err}", out.display());
        std::process::exit(1);
    }
    println!(
        "cargo:rustc-env=CHITIEU_EMBEDDED_VERSION={}",
        plan::version(&text)
    );
}
