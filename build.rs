//! Validates the embedded plan with the browser's own validator, so a broken data file fails
//! the widget's build with `file:line:column` messages instead of shipping a broken widget.
//! The native build (the `chitieu check` tool) only warns: it must stay usable to fix the file,
//! and the native test suite fails on the same errors anyway.

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
}
