//! chitieu's single binary: the widget on wasm32, the `chitieu check FILE` validator natively.

#[cfg(target_arch = "wasm32")]
fn main() {
    chitieu::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    chitieu::cli::run(&args, &mut std::io::stdout(), &mut std::io::stderr())
}
